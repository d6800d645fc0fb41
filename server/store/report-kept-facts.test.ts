import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DayFacts } from '../reports/day-facts.ts';
import { ReportQueries } from './report-queries.ts';
import type { Storage } from './storage.ts';
import { openTestStorage } from './testing/test-storage.ts';

// Kept day facts (migration 009) on whichever database the suite runs on: read back as written,
// never replaced by facts computed at an earlier mark, replaced on another basis.

let storage: Storage;
let dispose: () => Promise<void>;
let queries: ReportQueries;

beforeAll(async () => {
  ({ storage, dispose } = await openTestStorage());
  queries = new ReportQueries(storage.db);
});
afterAll(() => dispose?.());

const factsWith = (issued: number): DayFacts => ({
  tickets: [
    {
      hour: 9,
      serviceId: 'A',
      issued,
      called: 1,
      served: 1,
      noShows: 0,
      cancelled: 0,
      waiting: 0,
      inService: 0,
      waitSum: 60_000,
      waitN: 1,
      waitMax: null,
      systemSum: 0,
      systemN: 0,
      slMet: 1,
      slMissedCancelled: 0,
      fcr: 1,
      csatSum: 0,
      csatN: 0,
      csatTop: 0,
      npsN: 0,
      promoters: 0,
      detractors: 0,
      cesSum: 0,
      cesN: 0,
    },
  ],
  segments: [],
  staff: [],
  satisfaction: [],
  waits: [{ hour: 9, serviceId: 'A', waitMs: 60_000 }],
  counters: { open: [{ counterId: 'c1', operatorId: null, ms: 3_600_000 }], busy: [] },
  settled: true,
});

const issuedOn = async (day: string, basis: string) =>
  (await queries.keptDayFacts('s1', day, day, basis)).get(day)?.facts.tickets[0]?.issued;

describe('kept day facts', () => {
  it('read back as written, per store and day range', async () => {
    await queries.keepDayFacts('s1', 'b1', [
      { day: '2026-03-01', seq: 5, facts: factsWith(3) },
      { day: '2026-03-02', seq: 7, facts: factsWith(4) },
    ]);
    await queries.keepDayFacts('s2', 'b1', [{ day: '2026-03-01', seq: 9, facts: factsWith(8) }]);
    const kept = await queries.keptDayFacts('s1', '2026-03-01', '2026-03-31', 'b1');
    expect([...kept.keys()].sort()).toEqual(['2026-03-01', '2026-03-02']);
    expect(kept.get('2026-03-01')).toEqual({ seq: 5, facts: factsWith(3) });
    expect(await queries.keptDaySeqs('s1', '2026-03-02', '2026-03-02', 'b1')).toEqual(new Map([['2026-03-02', 7]]));
    expect((await queries.keptDayFacts('s1', '2026-03-01', '2026-03-31', 'b2')).size).toBe(0);
  });

  it('keep the facts of the latest mark when two reports write the same day', async () => {
    await queries.keepDayFacts('s1', 'b1', [{ day: '2026-03-03', seq: 10, facts: factsWith(10) }]);
    await queries.keepDayFacts('s1', 'b1', [{ day: '2026-03-03', seq: 6, facts: factsWith(6) }]);
    expect(await issuedOn('2026-03-03', 'b1')).toBe(10);
    await queries.keepDayFacts('s1', 'b1', [{ day: '2026-03-03', seq: 12, facts: factsWith(12) }]);
    expect(await issuedOn('2026-03-03', 'b1')).toBe(12);
  });

  it('replace facts kept on another basis, whatever their mark', async () => {
    await queries.keepDayFacts('s1', 'b2', [{ day: '2026-03-03', seq: 1, facts: factsWith(1) }]);
    expect(await issuedOn('2026-03-03', 'b2')).toBe(1);
    expect(await issuedOn('2026-03-03', 'b1')).toBeUndefined();
  });
});
