import type { LineService } from '../line/line-service.ts';

/** Prometheus text for `GET /metrics`: the live line per store and what was committed. */
export class Metrics {
  readonly #committed = new Map<string, number>();
  readonly #lines: LineService;
  requests = 0;

  constructor(lines: LineService) {
    this.#lines = lines;
    lines.onCommit((storeId, events) => {
      for (const e of events) {
        const key = `${storeId}\u0000${e.type}`;
        this.#committed.set(key, (this.#committed.get(key) ?? 0) + 1);
      }
    });
  }

  render(): string {
    const out = [
      '# HELP linecast_waiting_tickets Tickets waiting in the line now.',
      '# TYPE linecast_waiting_tickets gauge',
    ];
    const counters = ['# HELP linecast_counters Counters by status.', '# TYPE linecast_counters gauge'];
    for (const storeId of this.#lines.storeIds()) {
      const state = this.#lines.state(storeId);
      if (!state) continue;
      const waiting = Object.values(state.tickets).filter((t) => t.status === 'waiting').length;
      out.push(`linecast_waiting_tickets{store="${storeId}"} ${waiting}`);
      for (const status of ['open', 'paused', 'closed'] as const) {
        const n = Object.values(state.counters).filter((c) => c.active && c.status === status).length;
        counters.push(`linecast_counters{store="${storeId}",status="${status}"} ${n}`);
      }
    }
    out.push(...counters);
    out.push('# HELP linecast_events_total Events committed since start.', '# TYPE linecast_events_total counter');
    for (const [key, n] of this.#committed) {
      const [storeId, type] = key.split('\u0000');
      out.push(`linecast_events_total{store="${storeId}",type="${type}"} ${n}`);
    }
    out.push(
      '# HELP linecast_http_requests_total HTTP requests served.',
      '# TYPE linecast_http_requests_total counter',
    );
    out.push(`linecast_http_requests_total ${this.requests}`);
    return `${out.join('\n')}\n`;
  }
}
