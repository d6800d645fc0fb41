import type { Command } from '../engine/commands.ts';
import type { EngineEvent } from '../engine/events.ts';
import { decide } from '../engine/index.ts';
import { LiveState } from '../engine/live-state.ts';
import type { Rejection } from '../engine/rejection.ts';
import type { StoreState, Ticket } from '../engine/state.ts';
import type { AuditEntry } from '../store/audit-repository.ts';
import { type CommittedEvent, type LineRepository, StaleLineError } from '../store/line-repository.ts';
import { CommitGroups } from './commit-groups.ts';
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

type IssueCommand = Extract<Command, { type: 'issue_ticket' }>;
type IssueResult = { ok: true; ticket: Ticket; created: boolean } | { ok: false; rejection: Rejection };

/**
 * How many times a command is decided again after another node committed first. Each retry
 * follows a commit by someone else, so running out means a store so contended that the client
 * is better told to retry (503) than kept waiting.
 */
const STALE_RETRIES = 32;

interface Line {
  live: LiveState;
  lastSeq: number;
  /** Commands decided and waiting for their shared transaction (sole writer only). */
  groups?: CommitGroups;
}

/** A decision waiting for its commit; boxed so the store's queue moves on without awaiting it. */
interface Joined<T> {
  answer: Promise<T>;
}

/** How often an idempotent issue looks its key up again when a group settles meanwhile. */
const KEY_LOOKUPS = 8;

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
  readonly #queueLimit: number;

  constructor(repo: LineRepository, clock: () => number = Date.now, queueLimit = DEFAULT_COMMAND_QUEUE_LIMIT) {
    this.#repo = repo;
    this.#clock = clock;
    this.#queue = new SerialQueue(queueLimit);
    this.#queueLimit = queueLimit;
  }

  /** Commands of a store waiting or running now, their commit included (its queue depth). */
  pendingCommands(storeId: string): number {
    return this.#queue.pending(storeId) + (this.#lines.get(storeId)?.groups?.waiting ?? 0);
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
  async dispatch(storeId: string, command: Command, audit?: AuditEntry): Promise<DispatchResult> {
    // An admin's command and its audit entry keep a transaction of their own.
    if (this.#repo.soleWriter && !audit) {
      const joined = await this.#queue.run(storeId, async () => this.#decideAndJoin(storeId, command));
      return joined.answer;
    }
    return this.#queue.run(storeId, () => this.#dispatchNow(storeId, command, audit));
  }

  async #dispatchNow(storeId: string, command: Command, audit?: AuditEntry): Promise<DispatchResult> {
    await this.#lines.get(storeId)?.groups?.settled();
    return this.#retryWhenStale(storeId, () => this.#decideAndCommit(storeId, command, audit));
  }

  /**
   * Decides on the line as it will be after the decisions still waiting for their commit, and
   * adds the events to the store's open group (`CommitGroups`): the answer comes once that
   * group's transaction committed. Runs in the store's turn, without awaiting the commit.
   */
  #decideAndJoin(storeId: string, command: Command): Joined<DispatchResult> {
    const line = this.#mustGet(storeId);
    const groups = this.#groupsOf(storeId, line);
    const decision = line.live.speculate(groups.pending(), (state) => decide(state, command, this.#clock()));
    if (!decision.ok)
      return { answer: Promise.resolve({ ok: false, rejection: decision.rejection, state: line.live.state }) };
    if (decision.events.length === 0)
      return { answer: Promise.resolve({ ok: true, events: [], state: line.live.state }) };
    const committed = groups.join(decision.events);
    return { answer: committed.then((events) => ({ ok: true, events, state: line.live.state })) };
  }

  #groupsOf(storeId: string, line: Line): CommitGroups {
    line.groups ??= new CommitGroups(async (events, applying) => {
      const after = line.live.preview(events);
      const committed = await this.#repo.commit(storeId, line.lastSeq, events, after);
      applying();
      line.live.apply(events);
      line.lastSeq += committed.length;
      this.#slugs.set(line.live.state.settings.slug, storeId);
      this.#tell(storeId, committed, line.live.state, 'here');
      return committed;
    }, this.#queueLimit);
    return line.groups;
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
  issueTicket(storeId: string, command: IssueCommand): Promise<IssueResult> {
    if (this.#repo.soleWriter) return this.#issueGrouped(storeId, command);
    // The look-up and the issue share the store's turn, so one key can never make two tickets.
    // Another node may issue under the same key between our look-up and our commit: then the
    // commit is stale and the look-up runs again after catching up.
    return this.#queue.run(storeId, () =>
      this.#retryWhenStale(storeId, async () => {
        const existing = await this.#existingTicket(storeId, command);
        if (existing) return existing;
        return this.#issued(command, await this.#decideAndCommit(storeId, command));
      }),
    );
  }

  /**
   * The grouped issue: the key is looked up in storage and among the decisions waiting for their
   * commit; a ticket under it that is still waiting is answered once it is committed.
   */
  async #issueGrouped(storeId: string, command: IssueCommand): Promise<IssueResult> {
    const joined = await this.#queue.run(storeId, async (): Promise<Joined<IssueResult>> => {
      const groups = this.#groupsOf(storeId, this.#mustGet(storeId));
      const key = command.idempotencyKey;
      for (let lookups = 0; key && lookups < KEY_LOOKUPS; lookups++) {
        const seen = groups.settledCount;
        const existing = await this.#existingTicket(storeId, command);
        if (existing) return { answer: Promise.resolve(existing) };
        const waiting = groups.holding((e) => e.type === 'ticket:issued' && e.ticket.idempotencyKey === key);
        if (waiting) await waiting;
        else if (groups.settledCount === seen) break;
        if (lookups === KEY_LOOKUPS - 1) throw new LineBusyError();
      }
      const decided = this.#decideAndJoin(storeId, command);
      return { answer: decided.answer.then((result) => this.#issued(command, result)) };
    });
    return joined.answer;
  }

  /** The ticket already issued under the command's idempotency key, if any. */
  async #existingTicket(storeId: string, command: IssueCommand): Promise<IssueResult | undefined> {
    if (!command.idempotencyKey) return undefined;
    const existing = await this.#repo.findTicketByIdempotencyKey(storeId, command.idempotencyKey);
    if (!existing) return undefined;
    return { ok: true, ticket: this.state(storeId)?.tickets[existing.id] ?? existing, created: false };
  }

  #issued(command: IssueCommand, result: DispatchResult): IssueResult {
    if (!result.ok) return result;
    const ticket = result.state.tickets[command.ticketId];
    if (!ticket) throw new Error('issued ticket missing from state');
    return { ok: true, ticket, created: true };
  }

  /** Replaces a store's history with simulated events (first start of the demo store). */
  async importHistory(storeId: string, batches: Array<{ events: EngineEvent[]; after: StoreState }>): Promise<void> {
    return this.#queue.run(storeId, async () => {
      const line = this.#mustGet(storeId);
      await line.groups?.settled();
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
