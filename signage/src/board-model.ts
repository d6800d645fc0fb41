import { waitMessage } from '../../shared/client/format-wait.ts';
import { MISSED_KEEP_MS } from '../../shared/client/queue-reducer.ts';
import type { Language, PublicTicketDto, QueueSnapshot, StorePublicConfig } from '../../shared/domain.ts';
import { t } from './signage-messages.ts';

/** One call as a screen shows it. */
export interface CallView {
  ticketId: string;
  number: string;
  counterName: string;
}

/** People waiting and the wait for one service. */
export interface ServiceRow {
  id: string;
  code: string;
  name: string;
  waiting: number;
  waitText: string;
}

/** The newest call still waiting for its customer (status `called`), or null. */
export function newestCall(queue: QueueSnapshot | null): CallView | null {
  const called = (queue?.called ?? []).filter((t) => t.status === 'called');
  called.sort((a, b) => (b.calledAt ?? '').localeCompare(a.calledAt ?? '') || b.number.localeCompare(a.number));
  return called[0] ? toCallView(called[0]) : null;
}

/** The day's last calls, newest first, leaving out the one featured above them. */
export function recentCalls(queue: QueueSnapshot | null, featured: CallView | null, count: number): CallView[] {
  return (queue?.recentCalls ?? [])
    .filter((t) => t.id !== featured?.ticketId)
    .slice(0, count)
    .map(toCallView);
}

/** Numbers of the no-shows of the last 30 minutes, newest first. */
export function missedNumbers(queue: QueueSnapshot | null, now: number): string[] {
  return (queue?.missed ?? [])
    .filter((t) => now - Date.parse(t.doneAt ?? t.calledAt ?? t.issuedAt) < MISSED_KEEP_MS)
    .map((t) => t.number);
}

export function toCallView(ticket: Pick<PublicTicketDto, 'id' | 'number' | 'counterName' | 'counterId'>): CallView {
  return { ticketId: ticket.id, number: ticket.number, counterName: ticket.counterName ?? ticket.counterId ?? '' };
}

/**
 * The rows of the "waiting now" panel, in the store's service order. "No wait" only where an open
 * counter serves the service: with none open the row says so instead of promising a quick call.
 */
export function serviceRows(
  config: StorePublicConfig | null,
  queue: QueueSnapshot | null,
  language: Language,
): ServiceRow[] {
  if (!config) return [];
  const served = new Set((queue?.counters ?? []).filter((c) => c.status === 'open').flatMap((c) => c.serviceIds));
  return config.services
    .filter((s) => s.active)
    .sort((a, b) => a.sortOrder - b.sortOrder)
    .map((s) => {
      const waiting = queue?.waitingByService[s.id] ?? 0;
      const wait = waitMessage(queue?.waits[s.id], waiting);
      return {
        id: s.id,
        code: s.code,
        name: s.name[language] ?? s.name.en,
        waiting,
        waitText:
          queue && !served.has(s.id)
            ? t(language, 'noCounterOpen')
            : waiting === 0
              ? t(language, 'noWait')
              : t(language, wait.key, wait.params),
      };
    });
}
