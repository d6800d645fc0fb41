import type { BroadcastDto } from '../../shared/api/signage-schemas.ts';
import type { BroadcastPayload } from '../../shared/protocol.ts';
import { log } from '../ops/logger.ts';

/** What screens must hear about now: a broadcast started or ended, or the playlist changed. */
export type SignageEvent =
  | { type: 'broadcast'; storeId: string; message: Omit<BroadcastPayload, 'storeId'> }
  | { type: 'content-changed'; storeId: string };

export type SignageListener = (event: SignageEvent) => void;

/** What every screen shows of a broadcast: no author, no creation time. */
export function liveBroadcast(b: BroadcastDto): Omit<BroadcastPayload, 'storeId'> {
  return {
    id: b.id,
    message: b.message,
    ...(b.messageByLanguage ? { messageByLanguage: b.messageByLanguage } : {}),
    expiresAt: b.expiresAt,
  };
}

/**
 * The signage routes announce here; the realtime layer listens. Created before both, so
 * neither needs the other.
 *
 * @example
 * const events = new SignageEvents();
 * events.subscribe((e) => console.log(e.type));
 * events.contentChanged('demo'); // logs "content-changed"
 */
export class SignageEvents {
  readonly #listeners = new Set<SignageListener>();

  /** Returns a function that stops listening. */
  subscribe(listener: SignageListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  broadcast(storeId: string, message: Omit<BroadcastPayload, 'storeId'>): void {
    this.#emit({ type: 'broadcast', storeId, message });
  }

  contentChanged(storeId: string): void {
    this.#emit({ type: 'content-changed', storeId });
  }

  #emit(event: SignageEvent): void {
    for (const listener of this.#listeners) {
      // A failing listener must not fail the admin's request that already committed.
      try {
        listener(event);
      } catch (error) {
        log.error({ err: error }, 'signage listener failed');
      }
    }
  }
}
