import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';

/**
 * A store's local day, as instants written out by hand from each zone's rules (not computed by
 * the code under test): its first minute and the first minute of the next day.
 */
interface DayCase {
  zone: string;
  day: string;
  start: string;
  nextStart: string;
  hours: number;
}

// In time order: the server's clock only moves forward.
const DAYS: DayCase[] = [
  // Daylight-saving time starts in New York: a 23-hour day.
  {
    zone: 'America/New_York',
    day: '2026-03-08',
    start: '2026-03-08T05:00Z',
    nextStart: '2026-03-09T04:00Z',
    hours: 23,
  },
  { zone: 'Europe/Berlin', day: '2026-03-29', start: '2026-03-28T23:00Z', nextStart: '2026-03-29T22:00Z', hours: 23 },
  { zone: 'Asia/Shanghai', day: '2026-03-29', start: '2026-03-28T16:00Z', nextStart: '2026-03-29T16:00Z', hours: 24 },
  // Sydney leaves daylight-saving time: a 25-hour day south of the equator.
  {
    zone: 'Australia/Sydney',
    day: '2026-04-05',
    start: '2026-04-04T13:00Z',
    nextStart: '2026-04-05T14:00Z',
    hours: 25,
  },
  { zone: 'Europe/Berlin', day: '2026-10-25', start: '2026-10-24T22:00Z', nextStart: '2026-10-25T23:00Z', hours: 25 },
  {
    zone: 'America/New_York',
    day: '2026-11-01',
    start: '2026-11-01T04:00Z',
    nextStart: '2026-11-02T05:00Z',
    hours: 25,
  },
];

const MINUTE = 60_000;
const slugOf = (zone: string) => zone.toLowerCase().replace(/[^a-z]+/g, '-');

describe('day rollover at each store’s own local midnight, across daylight-saving changes', () => {
  let now = Date.parse('2026-03-01T12:00Z');
  let s: TestServer;
  let admin = '';
  const signIn = async () => {
    const res = await fetch(`${s.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: s.adminPassword }),
    });
    expect(res.status).toBe(200);
    admin = res.headers.get('set-cookie')!.split(';')[0]!;
  };

  beforeAll(async () => {
    s = await startTestServer({ clock: () => now });
    await signIn();
    for (const zone of new Set(DAYS.map((d) => d.zone))) {
      const slug = slugOf(zone);
      const store = await s.api('POST', '/api/admin/stores', { slug, name: zone, timeZone: zone }, admin);
      expect(store.status, JSON.stringify(store.body)).toBe(201);
      const service = { id: 'pickup', code: 'A', name: { en: 'Pick-up', 'zh-Hans': '取货' } };
      expect((await s.api('POST', `/api/admin/stores/${slug}/services`, service, admin)).status).toBe(201);
    }
  });
  afterAll(() => s.close());

  // Sessions expire over the hours the clock jumps: sign in at each step, as a colleague would.
  const issue = async (zone: string) => {
    await signIn();
    const r = await s.api('POST', `/api/stores/${slugOf(zone)}/tickets`, { serviceId: 'pickup' }, admin);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.ticket as { id: string; number: string; status: string };
  };

  for (const d of DAYS) {
    it(`${d.zone}: ${d.day} (${d.hours} hours) starts and ends at local midnight`, async () => {
      expect(Date.parse(d.nextStart) - Date.parse(d.start)).toBe(d.hours * 3_600_000);
      now = Date.parse(d.start) - 2 * MINUTE;
      await issue(d.zone);
      now = Date.parse(d.start) - MINUTE;
      const lastOfDayBefore = await issue(d.zone);
      now = Date.parse(d.start) + MINUTE;
      const first = await issue(d.zone);
      expect(first.number).toBe('A001');
      expect(lastOfDayBefore.number).not.toBe('A001');
      // The last minute of a 23- or 25-hour day is still the same day.
      now = Date.parse(d.nextStart) - MINUTE;
      expect((await issue(d.zone)).number).toBe('A002');
      now = Date.parse(d.nextStart) + MINUTE;
      expect((await issue(d.zone)).number).toBe('A001');

      // A customer still waiting at midnight keeps their place in the line.
      const queue = await s.api('GET', `/api/stores/${slugOf(d.zone)}/queue`);
      expect(queue.body.waiting.map((t: { id: string }) => t.id)).toContain(lastOfDayBefore.id);
      // The day's report holds exactly the tickets issued in it.
      await signIn();
      const csv = await fetch(`${s.url}/api/stores/${slugOf(d.zone)}/reports/tickets.csv?from=${d.day}&to=${d.day}`, {
        headers: { cookie: admin },
      });
      expect(csv.status).toBe(200);
      const rows = (await csv.text()).trim().split('\n').slice(1);
      expect(rows.length).toBe(2);
    });
  }
});
