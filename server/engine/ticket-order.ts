import type { Ticket } from './state.ts';

/**
 * Order of joining the line: earliest `joinedAt`, then `issuedAt`, then id, so the order is total.
 * @example waiting.sort(compareJoining)
 */
export function compareJoining(a: Ticket, b: Ticket): number {
  if (a.joinedAt !== b.joinedAt) return a.joinedAt - b.joinedAt;
  if (a.issuedAt !== b.issuedAt) return a.issuedAt - b.issuedAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The ticket that joined first, ignoring nulls. */
export function earliestJoined(a: Ticket | null, b: Ticket | null): Ticket | null {
  if (!a) return b;
  if (!b) return a;
  return compareJoining(a, b) <= 0 ? a : b;
}
