import type { Command } from '../engine/commands.ts';
import type { EngineEvent } from '../engine/events.ts';
import { decide } from '../engine/index.ts';
import { LiveState } from '../engine/live-state.ts';
import type { Rejection } from '../engine/rejection.ts';
import type { StoreState, Ticket } from '../engine/state.ts';
import type { AuditEntry } from '../store/audit-repository.ts';
import { type CommittedEvent, type LineRepository, StaleLineError } from '../store/line-repository.ts';
import { LineBusyError, SerialQueue } from './serial-queue.ts';

/** Commands one store may have waiting or running before more are refused (503): see `SerialQueue`. */
export const DEFAULT_COMMAND_QUEUE_LIMIT = 256;

/**
 * `state` is the store's live state: read what you need at once (ticket records themselves never
 * change, so a ticket taken from it stays as it was).
 */
export type DispatchResult =
  | { ok: true; events: CommittedEvent[]; state: StoreState }
  | { ok: false; rejection: Rejection; state: StoreState };

/**
 * Where committed events come from: `here` when this process decided them, `peer` when another
 * node did and this one caught up (its sockets already heard them through the shared adapter).
 */
export type CommitOrigin = 'here' | 'peer';

export type CommitListener = (
  storeId: string,
  events: CommittedEvent[],
  state: StoreState,
  origin: CommitOrigin,
) => void;

/**
 * How many times a command is decided again after another node committed first. Each retry
 * follows a commit by someone else, so running out means a store so contended that the client
 * is better told to retry (503) than kept waiting.
 */
const STALE_RETRIES = 32;

interface Line {
  live: LiveState;
  lastSeq: number;
}

/**
 * The live lines of every store: the engine's state in memory, commands serialized per store,
 * each decision committed to storage before anyone hears of it.
 */
export class LineService {
  readonly #repo: LineRepository;
  readonly #clock: () => number;
  readonly #lines = new Map<string, Line>();
  readonly #slugs = new Map<string, string>();
  readonly #queue: SerialQueue;
  readonly #listeners: CommitListener[] = [];

  constructor(repo: LineRepository, clock: () => number = Date.now, queueLimit = DEFAULT_COMMAND_QUEUE_LIMIT) {
    this.#repo = repo;
    this.#clock = clock;
    this.#queue = new SerialQueue(queueLimit);
  }

  /** Commands of a store waiting or running now (its queue depth). */
  pendingCommands(storeId: string): number {
    return this.#queue.pending(storeId);
  }

  async load(): Promise<void> {
    for (const { state, lastSeq } of await this.#repo.loadAll()) this.#remember(state, lastSeq);
  }

  /**
   * Brings a store's line up to what storage holds (events committed by another node, or a store
   * created there), in the store's turn. Safe to call any number of times.
   */
  async catchUp(storeId: string): Promise<void> {
    try {
      await this.#queue.run(storeId, () => this.#catchUpNow(storeId));
    } catch (error) {
      // A full queue means commands are coming: each of them catches up before deciding.
      if (!(error instanceof LineBusyError)) throw error;
    }
  }

  get repository(): LineRepository {
    return this.#repo;
  }

  now(): number {
    return this.#clock();
  }

  /** Resolves a store id or slug to the store id. */
  resolveStore(idOrSlug: string): string | undefined {
    if (this.#lines.has(idOrSlug)) return idOrSlug;
    return this.#slugs.get(idOrSlug);
  }

  storeIds(): string[] {
    return [...this.#lines.keys()];
  }

  state(storeId: string): StoreState | undefined {
    return this.#lines.get(storeId)?.live.state;
  }

  lastSeq(storeId: string): number {
    return this.#lines.get(storeId)?.lastSeq ?? 0;
  }

  /** A consistent (state, seq) pair: what a snapshot is made of. */
  view(storeId: string): { state: StoreState; lastSeq: number } | undefined {
    const line = this.#lines.get(storeId);
    return line && { state: line.live.state, lastSeq: line.lastSeq };
  }

  onCommit(listener: CommitListener): void {
    this.#listeners.push(listener);
  }

  /** Creates a store; `audit` is written in the same transaction. */
  async createStore(state: StoreState, audit?: AuditEntry): Promise<void> {
    await this.#repo.createStore(state, this.#clock(), audit);
    this.#remember(state, 0);
    // No events yet: listeners (and other nodes) learn that the store exists.
    this.#tell(state.settings.id, [], state, 'here');
  }

  /**
   * Decides, commits (with `audit`, in the same transaction), then tells listeners. Rejections
   * change nothing, the audit log included. Refused with `LineBusyError`, changing nothing, when
   * the store's queue is full.
   */
  dispatch(storeId: string, command: Command, audit?: AuditEntry): Promise<DispatchResult> {
    return this.#queue.run(storeId, () => this.#dispatchNow(storeId, command, audit));
  }

  #dispatchNow(storeId: string, command: Command, audit?: AuditEntry): Promise<DispatchResult> {
    return this.#retryWhenStale(storeId, () => this.#decideAndCommit(storeId, command, audit));
  }

  async #decideAndCommit(storeId: string, command: Command, audit?: AuditEntry): Promise<DispatchResult> {
    const line = this.#mustGet(storeId);
    const decision = decide(line.live.state, command, this.#clock());
    if (!decision.ok) return { ok: false, rejection: decision.rejection, state: line.live.state };
    // The live state changes only after the commit: a failed one leaves it as it was.
    const after = line.live.preview(decision.events);
    const events = await this.#repo.commit(storeId, line.lastSeq, decision.events, after, audit);
    line.live.apply(decision.events);
    line.lastSeq += events.length;
    const state = line.live.state;
    this.#slugs.set(state.settings.slug, storeId);
    if (events.length > 0) this.#tell(storeId, events, state, 'here');
    return { ok: true, events, state };
  }

  /**
   * Runs `attempt` (one decision and its commit); when another node committed for this store
   * since our last look, storage refuses the commit, we catch up on its events and decide again
   * on the latest state. One process alone never sees a stale commit.
   */
  async #retryWhenStale<T>(storeId: string, attempt: () => Promise<T>): Promise<T> {
    for (let tries = 0; ; tries++) {
      try {
        return await attempt();
      } catch (error) {
        if (!(error instanceof StaleLineError) || tries >= STALE_RETRIES) {
          if (error instanceof StaleLineError) throw new LineBusyError();
          throw error;
        }
        await this.#catchUpNow(storeId);
      }
    }
  }

  /**
   * Catches up every store that storage holds further along than this node (a hint from another
   * node lost on the way): one query when nothing moved.
   */
  async catchUpBehind(): Promise<void> {
    for (const [storeId, seq] of await this.#repo.lastSeqs()) {
      if (seq > this.lastSeq(storeId) || !this.#lines.has(storeId)) await this.catchUp(storeId);
    }
  }

  async #catchUpNow(storeId: string): Promise<void> {
    const line = this.#lines.get(storeId);
    if (!line) {
      const loaded = await this.#repo.loadStore(storeId);
      if (loaded && !this.#lines.has(storeId)) this.#remember(loaded.state, loaded.lastSeq);
      return;
    }
    const events = await this.#repo.eventsAfter(storeId, line.lastSeq);
    if (events.length === 0) return;
    line.live.apply(events);
    line.lastSeq = events.at(-1)?.seq ?? line.lastSeq;
    const state = line.live.state;
    this.#slugs.set(state.settings.slug, storeId);
    this.#tell(storeId, events, state, 'peer');
  }

  #tell(storeId: string, events: CommittedEvent[], state: StoreState, origin: CommitOrigin): void {
    for (const l of this.#listeners) l(storeId, events, state, origin);
  }

  /**
   * Issues a ticket unless one with the same idempotency key exists: double taps and retries
   * get the first ticket back.
   */
  issueTicket(
    storeId: string,
    command: Extract<Command, { type: 'issue_ticket' }>,
  ): Promise<{ ok: true; ticket: Ticket; created: boolean } | { ok: false; rejection: Rejection }> {
    // The look-up and the issue share the store's turn, so one key can never make two tickets.
    // Another node may issue under the same key between our look-up and our commit: then the
    // commit is stale and the look-up runs again after catching up.
    return this.#queue.run(storeId, () =>
      this.#retryWhenStale(storeId, async () => {
        if (command.idempotencyKey) {
          const existing = await this.#repo.findTicketByIdempotencyKey(storeId, command.idempotencyKey);
          if (existing)
            return { ok: true, ticket: this.state(storeId)?.tickets[existing.id] ?? existing, created: false } as const;
        }
        const result = await this.#decideAndCommit(storeId, command);
        if (!result.ok) return result;
        const ticket = result.state.tickets[command.ticketId];
        if (!ticket) throw new Error('issued ticket missing from state');
        return { ok: true, ticket, created: true } as const;
      }),
    );
  }

  /** Replaces a store's history with simulated events (first start of the demo store). */
  async importHistory(storeId: string, batches: Array<{ events: EngineEvent[]; after: StoreState }>): Promise<void> {
    return this.#queue.run(storeId, async () => {
      const line = this.#mustGet(storeId);
      line.lastSeq = await this.#repo.commitBatch(storeId, line.lastSeq, batches);
      const last = batches.at(-1);
      if (last) line.live.reset(last.after);
    });
  }

  #mustGet(storeId: string): Line {
    const line = this.#lines.get(storeId);
    if (!line) throw new Error(`unknown store ${storeId}`);
    return line;
  }

  #remember(state: StoreState, lastSeq: number): void {
    this.#lines.set(state.settings.id, { live: new LiveState(state), lastSeq });
    this.#slugs.set(state.settings.slug, state.settings.id);
  }
}
