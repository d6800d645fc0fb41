import { io, type Socket } from 'socket.io-client';
import type { QueueSnapshot } from '../../shared/domain.ts';
import { SEQUENCED_EVENTS } from '../../shared/protocol.ts';

/** One message a socket received, in arrival order. */
export interface Received {
  name: string;
  // biome-ignore lint/suspicious/noExplicitAny: payloads are checked by the tests that read them
  payload: any;
}

const SEQUENCED: ReadonlySet<string> = new Set(SEQUENCED_EVENTS);

/**
 * Polls `check` until it returns a truthy value (bounded by `timeoutMs`, generous on purpose:
 * the bound is a safety net, not a measure).
 * @example const t = await waitFor(() => socket.sequenced().find((e) => e.name === 'ticket:done'), 'done');
 */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  what: string,
  timeoutMs = 15_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A real socket.io client in a store room, recording everything it receives. */
export class StoreSocket {
  readonly received: Received[] = [];
  readonly socket: Socket;
  ack: unknown;

  private constructor(socket: Socket) {
    this.socket = socket;
    socket.onAny((name: string, payload: unknown) => this.received.push({ name, payload }));
  }

  /**
   * Connects over websocket, joins `store` (as staff when `cookie` is given) and waits for the
   * join's acknowledgement and the first snapshot.
   */
  static async join(
    url: string,
    options: { store?: string; cookie?: string; batch?: boolean } = {},
  ): Promise<StoreSocket> {
    const socket = io(url, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      ...(options.cookie ? { extraHeaders: { cookie: options.cookie } } : {}),
    });
    const s = new StoreSocket(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    s.ack = await socket.timeout(10_000).emitWithAck('join', {
      store: options.store ?? 'demo',
      staff: !!options.cookie,
      ...(options.batch ? { batch: true } : {}),
    });
    await waitFor(() => s.received.some((r) => r.name === 'queue:snapshot'), 'the first snapshot');
    return s;
  }

  get snapshot(): QueueSnapshot {
    const first = this.received.find((r) => r.name === 'queue:snapshot');
    if (!first) throw new Error('no snapshot yet');
    return first.payload as QueueSnapshot;
  }

  /**
   * Events that carry their own `seq`, in arrival order (no snapshots, no derived `waits:updated`),
   * those that came inside `line:events` taken out of their batch.
   */
  sequenced(): Received[] {
    return this.received.flatMap((r) =>
      r.name === 'line:events' ? (r.payload.events as Received[]) : SEQUENCED.has(r.name) ? [r] : [],
    );
  }

  /** Waits until the room has delivered every event up to `seq`. */
  async until(seq: number, timeoutMs?: number): Promise<void> {
    await waitFor(() => this.sequenced().some((r) => r.payload.seq >= seq), `seq ${seq}`, timeoutMs);
  }

  close(): void {
    this.socket.close();
  }
}

/** Every object key anywhere inside `value` (to prove a key such as `token` never appears). */
export function deepKeys(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) deepKeys(v, into);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      deepKeys(v, into);
    }
  }
  return into;
}
