import type { EngineEvent } from '../engine/events.ts';
import { AfterTask } from '../ops/after-task.ts';
import type { CommittedEvent } from '../store/line-repository.ts';
import { LineBusyError } from './serial-queue.ts';

/** Commands in one transaction at most: enough to share its cost, few enough to answer soon. */
export const MAX_GROUP_COMMANDS = 64;

interface Group {
  events: EngineEvent[];
  commands: number;
  /** The group's events as committed; rejects when its transaction (or an earlier one) failed. */
  done: Promise<CommittedEvent[]>;
  /** Settles with the group, whatever the outcome: true when it committed. */
  settled: Promise<boolean>;
}

/**
 * Group commit for one store's line. Commands are still decided one at a time, in order, each on
 * the line as it will be after every decision before it; but the decisions made while the event
 * loop is busy go to storage together, in one transaction, at the next turn (`setImmediate`);
 * a quiet store's command commits right after the task that decided it.
 * Nobody hears of a decision, and no caller gets an answer, before its transaction committed; a
 * failed transaction fails every command in it and every group decided on top of it, and the live
 * line never saw any of them.
 */
/**
 * Writes a group's events after the store's last committed seq and applies them to the live line,
 * calling `applying` at once before it applies them (from then on they are no longer pending).
 */
export type GroupCommit = (events: EngineEvent[], applying: () => void) => Promise<CommittedEvent[]>;

export class CommitGroups {
  readonly #commit: GroupCommit;
  readonly #limit: number;
  /** Groups not settled yet, oldest first; the last may still be open. */
  readonly #groups: Group[] = [];
  #open: Group | undefined;
  #settledCount = 0;
  /** A quiet store commits right after the deciding task, a busy one at the next turn. */
  readonly #flushes = new AfterTask();

  /**
   * @param commit called for one group at a time, in order.
   * @param limit commands decided and not yet committed before more are refused (503).
   */
  constructor(commit: GroupCommit, limit: number) {
    this.#commit = commit;
    this.#limit = limit;
  }

  /** Decided, not yet settled, in order: what the next decision must be made on top of. */
  pending(): EngineEvent[] {
    if (this.#groups.length === 1) return this.#groups[0]?.events ?? [];
    return this.#groups.flatMap((g) => g.events);
  }

  /** How many groups have settled so far: a look-up made before a change of it may be stale. */
  get settledCount(): number {
    return this.#settledCount;
  }

  /**
   * Adds one command's events to the open group (opening one when needed); resolves with them,
   * numbered, once their transaction committed. Refuses with `LineBusyError` when `limit`
   * commands already wait for theirs.
   */
  /** Commands decided and waiting for their transaction. */
  get waiting(): number {
    return this.#groups.reduce((sum, g) => sum + g.commands, 0);
  }

  join(events: EngineEvent[]): Promise<CommittedEvent[]> {
    if (this.waiting >= this.#limit) throw new LineBusyError();
    let group = this.#open;
    if (!group || group.commands >= MAX_GROUP_COMMANDS) group = this.#openGroup();
    const from = group.events.length;
    group.events.push(...events);
    group.commands++;
    return group.done.then((committed) => committed.slice(from, from + events.length));
  }

  /** Resolves once every group decided so far has settled. */
  async settled(): Promise<void> {
    await Promise.all(this.#groups.map((g) => g.settled));
  }

  /** The settling of the first group holding an event `match` picks; undefined when none does. */
  holding(match: (e: EngineEvent) => boolean): Promise<boolean> | undefined {
    return this.#groups.find((g) => g.events.some(match))?.settled;
  }

  #openGroup(): Group {
    const previous = this.#groups.at(-1)?.settled ?? Promise.resolve(true);
    const group = { events: [], commands: 0 } as unknown as Group;
    // Leaves the pending list the moment its events reach the live line (or never will).
    const leave = () => {
      const at = this.#groups.indexOf(group);
      if (at < 0) return;
      this.#groups.splice(at, 1);
      this.#settledCount++;
    };
    group.done = new Promise<CommittedEvent[]>((resolve, reject) => {
      this.#flushes.schedule(() => {
        if (this.#open === group) this.#open = undefined;
        void previous.then((ok) => {
          if (!ok) {
            leave();
            return reject(new Error('an earlier commit of this store failed'));
          }
          this.#commit(group.events, leave).then(resolve, (error: unknown) => {
            leave();
            reject(error);
          });
        });
      });
    });
    group.settled = group.done.then(
      () => true,
      () => false,
    );
    this.#groups.push(group);
    this.#open = group;
    return group;
  }
}
