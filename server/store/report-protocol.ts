import type { StoreSettings } from '../engine/state.ts';

/** Messages between the report service (main thread) and its worker. */
export type ReportRequest =
  | { kind: 'summary'; id: number; settings: StoreSettings; from: string; to: string; now: number }
  | { kind: 'csv'; id: number; settings: StoreSettings; from: string; to: string }
  /** The next chunk of a CSV job (the stream pulls, so a slow client holds no rows in memory). */
  | { kind: 'next'; id: number }
  | { kind: 'cancel'; id: number }
  /** Keep the facts of the stores' closed days that have none yet, in the background (answered with how many). */
  | { kind: 'fill'; id: number; stores: StoreSettings[]; now: number };

export type ReportReply =
  | { id: number; ok: true; value: unknown; done: boolean }
  | { id: number; ok: false; error: { message: string; kind: 'range' | 'aborted' | 'failed' } };

/** The worker's database: the SQLite file it opens read-only, or the PostgreSQL it pools to. */
export type ReportSource = { file: string } | { databaseUrl: string };
