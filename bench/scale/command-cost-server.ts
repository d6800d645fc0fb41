import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startLinecast } from '../../server/app.ts';
import type { Command } from '../../server/engine/commands.ts';
import type { EngineEvent } from '../../server/engine/events.ts';
import { createQueueRunner } from '../../server/engine/index.ts';
import type { StoreState } from '../../server/engine/state.ts';
import { RATE_LIMITS_OFF } from '../../server/http/rate-limiter.ts';
import type { LineService } from '../../server/line/line-service.ts';

/**
 * The server side of `command-cost.ts`: the real Linecast server in its own process (so the
 * harness's HTTP client does not count), driven over IPC: `fill` a day, read `cpu`, `stop`.
 */

export type ServerMessage = { type: 'fill'; tickets: number } | { type: 'cpu' } | { type: 'stop' };
export type ServerReply =
  | { type: 'ready'; url: string }
  | { type: 'filled' }
  | { type: 'cpu'; usage: NodeJS.CpuUsage }
  | { type: 'error'; message: string };

export const ADMIN_PASSWORD = 'bench-admin-password';

/** Puts `count` finished tickets into today's line: issued, called and done, a few ms apart. */
export async function fillDay(lines: LineService, storeId: string, count: number): Promise<void> {
  const initial = lines.state(storeId);
  if (!initial || count === 0) return;
  const runner = createQueueRunner(initial);
  const batches: Array<{ events: EngineEvent[]; after: StoreState }> = [];
  let events: EngineEvent[] = [];
  // Milliseconds before now: the whole fill lands in today unless run in the first minute of the day.
  let at = Date.now() - count * 3 - 1000;
  const run = (command: Command) => {
    const decision = runner.execute(command, at++);
    if (!decision.ok) throw new Error(`fill refused: ${decision.rejection.message}`);
    events.push(...decision.events);
    if (events.length >= 3000) {
      batches.push({ events, after: runner.state });
      events = [];
    }
  };
  run({ type: 'open_counter', counterId: 'c1', operatorId: null });
  for (let i = 0; i < count; i++) {
    const serviceId = i % 3 === 0 ? 'returns' : 'pickup';
    run({
      type: 'issue_ticket',
      ticketId: randomUUID(),
      token: randomUUID().replaceAll('-', ''),
      serviceId,
      priority: false,
      language: 'en',
      source: 'kiosk',
      idempotencyKey: null,
    });
    run({ type: 'call_next', counterId: 'c1' });
    run({ type: 'complete', counterId: 'c1' });
  }
  run({ type: 'close_counter', counterId: 'c1' });
  if (events.length > 0) batches.push({ events, after: runner.state });
  await lines.importHistory(storeId, batches);
}

async function main(): Promise<void> {
  const send = (reply: ServerReply) => process.send?.(reply);
  const dataDir = mkdtempSync(join(tmpdir(), 'linecast-command-cost-'));
  const server = await startLinecast({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    staticDir: resolve(import.meta.dirname, '../../dist'),
    adminPassword: ADMIN_PASSWORD,
    production: true,
    demoHistoryDays: 0,
    rateLimits: RATE_LIMITS_OFF, // a load generator, not phones
  });
  process.on('message', (message: ServerMessage) => {
    const answer = async (): Promise<ServerReply | undefined> => {
      switch (message.type) {
        case 'fill':
          await fillDay(server.deps.lines, 'demo', message.tickets);
          return { type: 'filled' };
        case 'cpu':
          return { type: 'cpu', usage: process.cpuUsage() };
        case 'stop':
          await server.close();
          rmSync(dataDir, { recursive: true, force: true });
          // A normal exit lets `--cpu-prof` write its profile.
          process.exit(0);
      }
    };
    answer().then(
      (reply) => reply && send(reply),
      (error: unknown) => send({ type: 'error', message: String(error) }),
    );
  });
  send({ type: 'ready', url: server.url });
}

if (process.send) await main();
