import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataDirFingerprint } from '../../server/store/testing/table-fingerprint.ts';
import { type ChildServer, removeChildData, startChildServer } from '../support/child-server.ts';
import { StoreSocket, waitFor } from './store-socket.ts';

const junk = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.integer(),
  fc.string(),
  fc.boolean(),
  fc.array(fc.anything(), { maxLength: 3 }),
  fc.dictionary(fc.string(), fc.anything(), { maxKeys: 4 }),
  fc.record({ store: fc.oneof(fc.constant('demo'), fc.string(), fc.integer()), staff: fc.anything() }),
);

/** With the HTTP fuzz's 5,000 requests (fuzz-http.test.ts), 10,000 hostile cases per run. */
const EVENTS = 5_000;

/** The server's own figure for its JS heap, from `/metrics` (prom-client's default metrics). */
async function heapUsedMb(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const bytes = Number(/^nodejs_heap_size_used_bytes (\S+)$/m.exec(text)?.[1]);
  return Math.round(bytes / 1_048_576);
}

// The server runs as its own process, as in production: an error thrown past a socket handler
// would end that process, and the test would see it exit.
describe(`socket messages from anyone (${EVENTS.toLocaleString('en')} random events)`, () => {
  let s: ChildServer;
  let raw: Socket;
  const dataDir = mkdtempSync(join(tmpdir(), 'linecast-junk-'));
  const health = async () => (await fetch(`${s.url}/api/health`)).status;
  beforeAll(async () => {
    s = await startChildServer({ dataDir, adminPassword: 'junk-test-password' });
    raw = io(s.url, { transports: ['websocket'], reconnection: false, forceNew: true });
    await new Promise<void>((resolve, reject) => {
      raw.once('connect', () => resolve());
      raw.once('connect_error', reject);
    });
  });
  afterAll(async () => {
    raw.close();
    await s.kill();
    await removeChildData(dataDir);
  });

  it('a join whose acknowledgement is not a function is answered by nobody and stops nothing', async () => {
    raw.emit('join', { store: 'demo' }, 5);
    raw.emit('join', { store: 'nowhere' }, { not: 'a function' });
    raw.emit('heartbeat', { store: 'demo' }, 'ack');
    raw.emit('resync', 7, null);
    // The same socket still works afterwards: a proper join gets its acknowledgement.
    const ack = await raw.timeout(10_000).emitWithAck('join', { store: 'demo' });
    expect(ack).toEqual({ ok: true, staff: false });
    expect(await health()).toBe(200);
    expect(s.process.exitCode).toBeNull();
  });

  it('random payloads and acknowledgements on every event leave the server serving and the database unchanged', async () => {
    const before = await dataDirFingerprint(dataDir);
    const heapBefore = await heapUsedMb(s.url);
    const events = ['join', 'resync', 'heartbeat', 'leave', 'queue:snapshot', 'no-such-event'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...events), fc.array(junk, { maxLength: 3 }), async (event, args) => {
        raw.emit(event, ...args);
      }),
      { numRuns: EVENTS },
    );
    // Messages on one socket are handled in order: once this join is answered, the junk was read.
    expect(await raw.timeout(30_000).emitWithAck('join', { store: 'demo' })).toEqual({ ok: true, staff: false });
    const display = await StoreSocket.join(s.url);
    expect(display.ack).toEqual({ ok: true, staff: false });
    display.close();
    await waitFor(async () => (await health()) === 200, 'health');
    expect(s.process.exitCode).toBeNull();
    expect(raw.connected).toBe(true);
    // Not one event (no paired device's token among them) may write anything.
    expect(await dataDirFingerprint(dataDir)).toEqual(before);
    // A figure, not a bound: without a forced GC the heap of another process is only indicative.
    console.log(`socket fuzz: server heap used ${heapBefore} MB before, ${await heapUsedMb(s.url)} MB after`);
  });
});
