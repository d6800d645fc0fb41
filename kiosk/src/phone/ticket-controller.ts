import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { callApi } from '../../../shared/api/client.ts';
import { HttpError } from '../../../shared/client/fetch-json.ts';
import { StoreSocketController } from '../../../shared/client/store-socket-controller.ts';
import type { FeedbackInput, StorePublicConfig, TicketDto } from '../../../shared/domain.ts';

/** Other customers' moves change our position; coalesce bursts of them into one fetch. */
const NEIGHBOUR_REFRESH_MS = 400;
/** A safety net under the socket; much tighter when no live connection is possible. */
const POLL_LIVE_MS = 60_000;
const POLL_OFFLINE_MS = 5_000;

/**
 * The phone page's view of one ticket: fetched by token, then followed live in the room of the
 * store it names, refetched whenever that room says something about it (or about the line ahead
 * of it), on reconnect, on wake-up and by a slow poll.
 */
export class TicketController implements ReactiveController {
  ticket: TicketDto | null = null;
  config: StorePublicConfig | null = null;
  problem: 'notFound' | 'unreachable' | null = null;
  readonly token = decodeURIComponent(location.pathname.match(/\/t\/([^/?#]+)/)?.[1] ?? '');
  readonly live: StoreSocketController;
  #host: ReactiveControllerHost;
  #storeId: string | null = null;
  #inFlight: Promise<void> | null = null;
  #again = false;
  #soon: ReturnType<typeof setTimeout> | undefined;
  #poll: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
    this.live = new StoreSocketController(host, {
      store: () => this.#storeId,
      onSnapshot: () => void this.refresh(),
      onEvent: (name, payload) => {
        const about = 'ticket' in payload ? payload.ticket.id : 'ticketId' in payload ? payload.ticketId : null;
        if (about === this.ticket?.id) void this.refresh();
        else if (name.startsWith('ticket:') && this.ticket?.status === 'waiting') this.#refreshSoon();
        if (name === 'store:updated' && 'config' in payload) this.config = payload.config;
      },
      // A public room carries the waits of the first few in line only; further back, the refetch
      // that other customers' moves trigger brings this ticket's own wait (GET by its token).
      onWaits: ({ tickets }) => {
        const wait = this.ticket && tickets[this.ticket.id];
        if (wait && this.ticket?.status === 'waiting') {
          this.ticket = { ...this.ticket, wait };
          this.#host.requestUpdate();
        }
      },
    });
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.#onVisible);
    void this.refresh();
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.#onVisible);
    clearTimeout(this.#soon);
    clearTimeout(this.#poll);
  }

  /** Fetches the ticket now; calls made while one is in flight collapse into one more fetch. */
  refresh(): Promise<void> {
    if (this.#inFlight) {
      this.#again = true;
      return this.#inFlight;
    }
    this.#inFlight = this.#load().finally(() => {
      this.#inFlight = null;
      if (this.#again) {
        this.#again = false;
        void this.refresh();
      }
    });
    return this.#inFlight;
  }

  /** Leaves the line; resolves to false when the server refused or could not be reached. */
  async leave(): Promise<boolean> {
    try {
      const { ticket } = await callApi('leaveLine', { params: { token: this.token } });
      this.ticket = { ...ticket, token: this.token };
      return true;
    } catch {
      await this.refresh();
      return this.ticket?.status === 'cancelled';
    } finally {
      this.#host.requestUpdate();
    }
  }

  /**
   * Sends the feedback once; a 409 means it was already given, which is just as good. Resolves to
   * true when sent, else to how long to wait first when the server said (429), else to 0.
   */
  async sendFeedback(feedback: FeedbackInput): Promise<true | number> {
    try {
      await callApi('giveFeedback', { params: { token: this.token }, body: feedback });
    } catch (error) {
      if (error instanceof HttpError && error.status === 429) return error.retryAfterSec ?? 60;
      if (!(error instanceof HttpError && error.status === 409)) return 0;
    }
    if (this.ticket) this.ticket = { ...this.ticket, feedbackGiven: true };
    this.#host.requestUpdate();
    void this.refresh();
    return true;
  }

  async #load(): Promise<void> {
    clearTimeout(this.#poll);
    try {
      const { ticket } = await callApi('getTicket', { params: { token: this.token } });
      this.ticket = ticket;
      this.problem = null;
      await this.#follow(ticket.storeId);
    } catch (error) {
      this.problem = error instanceof HttpError && error.status === 404 ? 'notFound' : 'unreachable';
    }
    this.#host.requestUpdate();
    if (this.problem !== 'notFound') {
      const delay = this.#storeId && this.live.connected ? POLL_LIVE_MS : POLL_OFFLINE_MS;
      this.#poll = setTimeout(() => void this.refresh(), delay);
    }
  }

  /** Joins the ticket's store room (at once, on the first answer) and loads the store's config. */
  async #follow(storeId: string): Promise<void> {
    if (storeId !== this.#storeId) {
      this.#storeId = storeId;
      this.config = null;
      this.live.join();
    }
    if (!this.config) {
      this.config = await callApi('storeConfig', { params: { store: storeId } }).catch(() => null);
    }
  }

  #refreshSoon(): void {
    if (this.#soon !== undefined) return;
    this.#soon = setTimeout(() => {
      this.#soon = undefined;
      void this.refresh();
    }, NEIGHBOUR_REFRESH_MS);
  }

  /** Back from the lock screen or another tab: the socket resyncs too, but this also works without one. */
  #onVisible = (): void => {
    if (document.visibilityState === 'visible') void this.refresh();
  };
}
