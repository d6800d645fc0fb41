import type { DayFacts } from '../reports/day-facts.ts';
import type { KeptFacts } from '../reports/report-source.ts';
import type { Db } from './database.ts';

/** The facts kept for the days of `from`…`to` on `basis` (migration 009), parsed. */
export async function keptDayFacts(
  db: Db,
  storeId: string,
  from: string,
  to: string,
  basis: string,
): Promise<Map<string, KeptFacts>> {
  const rows = await db
    .selectFrom('report_day_facts')
    .select(['day', 'seq', 'facts_json'])
    .where('store_id', '=', storeId)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .where('basis', '=', basis)
    .execute();
  return new Map(rows.map((r) => [r.day, { seq: Number(r.seq), facts: JSON.parse(r.facts_json) as DayFacts }]));
}

/** The marks the kept facts of `from`…`to` on `basis` were computed at, without reading the facts. */
export async function keptDaySeqs(
  db: Db,
  storeId: string,
  from: string,
  to: string,
  basis: string,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('report_day_facts')
    .select(['day', 'seq'])
    .where('store_id', '=', storeId)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .where('basis', '=', basis)
    .execute();
  return new Map(rows.map((r) => [r.day, Number(r.seq)]));
}

/**
 * Keeps the facts of closed days, one short statement per day so the line's own writes never
 * wait long for the lock. Two reports may compute a day at once: a row computed at a later mark
 * (on the same basis) is never replaced by one computed at an earlier mark.
 */
export async function keepDayFacts(
  db: Db,
  storeId: string,
  basis: string,
  days: ReadonlyArray<{ day: string; seq: number; facts: DayFacts }>,
): Promise<void> {
  for (const { day, seq, facts } of days) {
    const facts_json = JSON.stringify(facts);
    await db
      .insertInto('report_day_facts')
      .values({ store_id: storeId, day, seq, basis, facts_json })
      .onConflict((oc) =>
        oc
          .columns(['store_id', 'day'])
          .doUpdateSet({ seq, basis, facts_json })
          .where((eb) => eb.or([eb('report_day_facts.basis', '<>', basis), eb('report_day_facts.seq', '<=', seq)])),
      )
      .execute();
  }
}
