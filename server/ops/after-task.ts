/** Runs of one kind this close together mean a busy loop: the next run waits a turn to gather more. */
const BUSY_WITHIN_MS = 5;

/**
 * When to run work that gathers what the current task produced (a commit's commands, a
 * broadcast's events): right after this task while quiet, so nothing waits a turn for nothing;
 * at the event loop's next turn (`setImmediate`) when the last run was moments ago, so that
 * everything the requests read meanwhile produce joins the same run.
 * @example const soon = new AfterTask(); soon.schedule(() => flush());
 */
export class AfterTask {
  #lastRunAt = Number.NEGATIVE_INFINITY;

  schedule(work: () => void): void {
    const busy = performance.now() - this.#lastRunAt < BUSY_WITHIN_MS;
    (busy ? setImmediate : queueMicrotask)(() => {
      this.#lastRunAt = performance.now();
      work();
    });
  }
}
