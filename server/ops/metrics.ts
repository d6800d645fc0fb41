import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { waitingIds } from '../engine/index.ts';
import type { LineService } from '../line/line-service.ts';
import type { LiveWaits } from '../line/live-waits.ts';

export type SocketKind = 'display' | 'staff' | 'unjoined';

/**
 * Prometheus metrics for `GET /metrics` (prom-client, one registry per server): HTTP latency by
 * route, Node's own figures (event-loop lag, heap, GC), sockets by kind, the line and its
 * predicted wait per store, commits and errors. Line figures are read when scraped, so a
 * command pays nothing for them.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly #http: Histogram<'method' | 'route' | 'status'>;
  readonly #errors: Counter<'kind'>;
  #sockets: () => Record<SocketKind, number> = () => ({ display: 0, staff: 0, unjoined: 0 });

  constructor(lines: LineService, waits: LiveWaits) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 20 });
    this.#http = new Histogram({
      name: 'linecast_http_request_duration_seconds',
      help: 'HTTP requests by route pattern, method and status.',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
      registers,
    });
    this.#errors = new Counter({
      name: 'linecast_errors_total',
      help: 'Errors answered or logged, by where they happened.',
      labelNames: ['kind'],
      registers,
    });
    const committed = new Counter({
      name: 'linecast_events_committed_total',
      help: 'Events committed, by store and type.',
      labelNames: ['store', 'type'],
      registers,
    });
    lines.onCommit((storeId, events, _state, origin) => {
      if (origin !== 'here') return;
      for (const e of events) committed.inc({ store: storeId, type: e.type });
    });
    const sockets = (): Record<SocketKind, number> => this.#sockets();
    new Gauge({
      name: 'linecast_sockets_connected',
      help: 'Realtime sockets connected now, by kind.',
      labelNames: ['kind'],
      registers,
      collect() {
        for (const [kind, n] of Object.entries(sockets())) this.set({ kind }, n);
      },
    });
    new Gauge({
      name: 'linecast_waiting_tickets',
      help: 'Tickets waiting in the line now, by store.',
      labelNames: ['store'],
      registers,
      collect() {
        this.reset();
        for (const storeId of lines.storeIds()) {
          const state = lines.state(storeId);
          if (state) this.set({ store: storeId }, waitingIds(state.tickets).size);
        }
      },
    });
    new Gauge({
      name: 'linecast_counters',
      help: 'Active counters by store and status.',
      labelNames: ['store', 'status'],
      registers,
      collect() {
        this.reset();
        for (const storeId of lines.storeIds()) {
          const state = lines.state(storeId);
          if (!state) continue;
          for (const status of ['open', 'paused', 'closed'] as const) {
            const n = Object.values(state.counters).filter((c) => c.active && c.status === status).length;
            this.set({ store: storeId, status }, n);
          }
        }
      },
    });
    new Gauge({
      name: 'linecast_predicted_wait_seconds',
      help: 'Predicted wait for a customer joining now, by store, service and quantile.',
      labelNames: ['store', 'service', 'quantile'],
      registers,
      collect() {
        this.reset();
        for (const storeId of lines.storeIds()) {
          for (const [service, w] of Object.entries(waits.forStore(storeId).byService)) {
            if (!w) continue;
            this.set({ store: storeId, service, quantile: '0.5' }, w.p50);
            this.set({ store: storeId, service, quantile: '0.9' }, w.p90);
          }
        }
      },
    });
  }

  /** Where to count sockets from (the realtime layer, once it exists). */
  countSockets(count: () => Record<SocketKind, number>): void {
    this.#sockets = count;
  }

  observeRequest(method: string, route: string, status: number, seconds: number): void {
    this.#http.observe({ method, route, status: String(status) }, seconds);
  }

  error(kind: 'http' | 'socket' | 'timer' | 'webhook'): void {
    this.#errors.inc({ kind });
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
