/**
 * One part of `npm run bench` (operations, fan-out, reports, memory, …). The runner
 * (`bench/run.ts`) calls each section in turn, prints its rows as one table and, with `--json`,
 * every section's result in one JSON object.
 */
export interface BenchSection {
  /** Short id used in `--only NAME` and as the key in the JSON output, e.g. `operations`. */
  name: string;
  run(ctx: BenchContext): Promise<SectionResult>;
}

export interface BenchContext {
  /** `--quick`: smaller sizes and shorter runs, for a smoke check (figures not to be published). */
  quick: boolean;
  /** A scratch folder for this run (data folders, generated histories); removed afterwards. */
  scratchDir: string;
  /** Progress lines go to stderr, so `--json` stdout stays one JSON object. */
  log(line: string): void;
  /**
   * A data folder holding a large history, made once per run by the generator
   * (`npm run simulate -- --stores 20 --days 90 --into …`, ≥ 1,000,000 tickets; smaller with
   * `--quick`), or the folder given with `--history DIR`. Sections may start servers on it
   * (admin password `ADMIN_PASSWORD` of bench/scale/processes.ts) but must not remove its stores.
   * Given by `npm run bench`; a section run on its own may have none.
   */
  largeHistory?(): Promise<{ dataDir: string; tickets: number }>;
}

/** One measured figure, with the reference measured in the same run where there is one. */
export interface BenchRow {
  metric: string;
  unit: string;
  linecast: number | null;
  /** The bare stack or bare socket.io, measured in the same run. */
  reference?: number | null;
  /** The target from the issue, in words (e.g. "≥ 2000", "≤ 2× reference"). */
  target?: string;
  /** Whether the target is met; omitted when the row has no target. */
  met?: boolean;
}

export interface SectionResult {
  rows: BenchRow[];
  /** Anything more a reader of the JSON may want (raw series, settings, profile notes). */
  details?: Record<string, unknown>;
}
