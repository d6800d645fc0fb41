import type { Kysely } from 'kysely';
import { addDays, localParts } from '../../shared/time.ts';
import type { EngineEvent } from '../engine/events.ts';
import type { StoreState } from '../engine/state.ts';
import type { Database } from './schema.ts';

/** A ticket changed long after its day (left waiting for weeks) marks its day and the event's, not every day between. */
const MAX_MARKED_SPAN = 31;

/** Upserts one mark; the command path prepares it once (`sqlite-commit.ts`). */
export const MARK_SQL = `insert into report_day_marks (store_id, day, seq) values (?, ?, ?)
  on conflict (store_id, day) do update set seq = excluded.seq`;

/**
 * The local days whose report figures `events` change (see migration 003). A ticket event can
 * change its own day (the ticket, its feedback), and the day of any of its service segments:
 * those were called between the ticket's day and the event's, so every day of that span is
 * marked (usually one).
 */
export function reportDaysOf(events: readonly EngineEvent[], after: StoreState): Set<string> {
  const tz = after.settings.timeZone;
  // Every UTC offset is a multiple of 15 minutes, so a quarter hour lies in one local day: an
  // imported day of thousands of events needs a few dozen time-zone conversions, not thousands.
  const dayOfQuarter = new Map<number, string>();
  const localDay = (at: number) => {
    const quarter = Math.floor(at / 900_000);
    const known = dayOfQuarter.get(quarter);
    if (known !== undefined) return known;
    const day = localParts(at, tz).day;
    dayOfQuarter.set(quarter, day);
    return day;
  };
  const days = new Set<string>();
  for (const e of events) {
    const ticketId = e.type === 'ticket:issued' ? e.ticket.id : 'ticketId' in e ? e.ticketId : null;
    if (ticketId === null) continue;
    const eventDay = localDay(e.at);
    const ticketDay =
      e.type === 'ticket:issued' ? e.ticket.day : (after.tickets[ticketId]?.day ?? addDays(eventDay, -1));
    days.add(eventDay);
    for (let day = ticketDay, n = 0; day < eventDay && n < MAX_MARKED_SPAN; day = addDays(day, 1), n++) days.add(day);
    days.add(ticketDay);
  }
  return days;
}

/** Marks, in the command's transaction, the days `events` change with the store's new `seq`. */
export async function markReportDays(
  trx: Kysely<Database>,
  storeId: string,
  seq: number,
  events: readonly EngineEvent[],
  after: StoreState,
): Promise<void> {
  const days = reportDaysOf(events, after);
  if (days.size === 0) return;
  await trx
    .insertInto('report_day_marks')
    .values([...days].map((day) => ({ store_id: storeId, day, seq })))
    .onConflict((oc) => oc.columns(['store_id', 'day']).doUpdateSet({ seq }))
    .execute();
}
