import { sql } from 'kysely';
import type { Db } from '../database.ts';

/**
 * Copies every row of store `from` (its settings, services, counters, tickets, segments,
 * feedback, events and report marks) to a new store `to`, with ticket ids and tokens prefixed so
 * they stay unique. For benchmarks that need many stores of history: one store is written
 * through `LineRepository`, the others are copies of its rows, in seconds instead of an hour.
 * Event payloads keep the original ticket ids (reports read only counters from them).
 */
export async function cloneStore(db: Db, from: string, to: string): Promise<void> {
  const p = `${to}:`;
  await db.transaction().execute(async (trx) => {
    await sql`
      INSERT INTO stores (id, slug, name, time_zone, settings_json, runtime_json, last_seq, created_at)
      SELECT ${to}, ${to}, ${`Linecast ${to}`}, time_zone,
        REPLACE(REPLACE(settings_json, ${`"id":"${from}"`}, ${`"id":"${to}"`}), ${`"slug":"${from}"`}, ${`"slug":"${to}"`}),
        runtime_json, last_seq, created_at
      FROM stores WHERE id = ${from}`.execute(trx);
    await sql`
      INSERT INTO services (store_id, id, code, name_json, sort_order, active)
      SELECT ${to}, id, code, name_json, sort_order, active FROM services WHERE store_id = ${from}`.execute(trx);
    await sql`
      INSERT INTO counters (store_id, id, name, service_ids_json, status, status_since, pause_reason, operator_id,
        current_ticket_id, active)
      SELECT ${to}, id, name, service_ids_json, status, status_since, pause_reason, operator_id,
        ${p} || current_ticket_id, active
      FROM counters WHERE store_id = ${from}`.execute(trx);
    await sql`
      INSERT INTO tickets (id, store_id, token, number, service_id, priority, language, status, day, hour, issued_at,
        joined_at, first_called_at, called_at, started_at, done_at, counter_id, operator_id, recalls, transfers, source,
        idempotency_key, feedback_given)
      SELECT ${p} || id, ${to}, ${p} || token, number, service_id, priority, language, status, day, hour, issued_at,
        joined_at, first_called_at, called_at, started_at, done_at, counter_id, operator_id, recalls, transfers, source,
        ${p} || idempotency_key, feedback_given
      FROM tickets WHERE store_id = ${from}`.execute(trx);
    await sql`
      INSERT INTO service_segments (store_id, ticket_id, service_id, counter_id, operator_id, day, hour, called_at,
        started_at, ended_at, outcome)
      SELECT ${to}, ${p} || ticket_id, service_id, counter_id, operator_id, day, hour, called_at, started_at, ended_at,
        outcome
      FROM service_segments WHERE store_id = ${from}`.execute(trx);
    await sql`
      INSERT INTO feedback (ticket_id, store_id, day, csat, nps, ces, comment, created_at)
      SELECT ${p} || ticket_id, ${to}, day, csat, nps, ces, comment, created_at FROM feedback WHERE store_id = ${from}`.execute(
      trx,
    );
    await sql`
      INSERT INTO events (store_id, seq, type, at, payload_json)
      SELECT ${to}, seq, type, at, payload_json FROM events WHERE store_id = ${from}`.execute(trx);
    await sql`
      INSERT INTO report_day_marks (store_id, day, seq)
      SELECT ${to}, day, seq FROM report_day_marks WHERE store_id = ${from}`.execute(trx);
  });
}
