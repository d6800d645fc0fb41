import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableFingerprint } from '../../server/store/testing/table-fingerprint.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { rawRequest } from './http-client.ts';

/**
 * Random requests to every operation of the OpenAPI document, per run of `npm test`. CI never runs
 * fewer than 5,000 (with the socket fuzz's 5,000 events, 10,000 hostile cases).
 */
const REQUESTED = Number(process.env.LINECAST_FUZZ_CASES ?? 5_000);
const CASES = process.env.CI === 'true' ? Math.max(5_000, REQUESTED) : REQUESTED;

interface Operation {
  method: string;
  path: string;
  params: string[];
  query: string[];
  bodyKeys: string[];
}

interface OpenApiOperation {
  parameters?: Array<{ name: string; in: string }>;
  requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
}

const KNOWN_IDS = ['demo', 'c1', 'c2', 'pickup', 'returns', 'admin', 'nope'];
const NASTY = ['..', '%', '%00', '%E0%A4%A', '%2F', 'a'.repeat(3000), '<script>', "' or 1=1 --", '\u202e', '😀'];

const pathValue = fc.oneof(
  fc.constantFrom(...KNOWN_IDS),
  fc.constantFrom(...NASTY),
  fc.string({ maxLength: 40 }).map(encodeURIComponent),
  fc.string({ unit: 'grapheme', maxLength: 12 }).map(encodeURIComponent),
);
const jsonish = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, '', 0, -1, 1e308, true, 'pickup', 'demo', 'A'.repeat(5000), [], {}),
);

function bodyFor(op: Operation) {
  const shaped = fc
    .dictionary(fc.constantFrom(...(op.bodyKeys.length ? op.bodyKeys : ['x'])), jsonish, { maxKeys: 6 })
    .map((o) => JSON.stringify(o));
  return fc.oneof(
    { weight: 4, arbitrary: shaped },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

describe('random and malformed requests to every operation', () => {
  let s: TestServer;
  let operations: Operation[] = [];
  let adminCookie = '';

  beforeAll(async () => {
    // The rate limits in force, as in production: a 429 must change nothing either.
    s = await startTestServer({ rateLimits: {} });
    adminCookie = await s.cookieFor('admin');
    const doc = (await s.api('GET', '/api/openapi.json')).body as {
      paths: Record<string, Record<string, OpenApiOperation>>;
    };
    operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        params: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
        query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        bodyKeys: Object.keys(op.requestBody?.content?.['application/json']?.schema?.properties ?? {}),
      })),
    );
  });
  afterAll(() => s.close());

  it(`never answers 5xx, never stops, changes nothing when it refuses, and keeps its memory flat (${CASES} cases)`, {
    timeout: 900_000,
  }, async () => {
    expect(operations.length).toBeGreaterThan(40);
    const request = fc.constantFrom(...operations).chain((op) =>
      fc.record({
        op: fc.constant(op),
        params: fc.array(pathValue, { minLength: op.params.length, maxLength: op.params.length }),
        query: fc.dictionary(fc.constantFrom(...op.query, 'from', 'to', 'x'), fc.string({ maxLength: 30 }), {
          maxKeys: 3,
        }),
        body: bodyFor(op),
        contentType: fc.constantFrom('application/json', 'application/json', 'text/plain', '', 'image/png'),
        auth: fc.constantFrom('none', 'admin', 'admin-cross-site', 'junk-cookie', 'junk-bearer'),
        junk: fc.string({ maxLength: 30 }),
      }),
    );

    const failures: string[] = [];
    let before = await tableFingerprint(s.server.storage.db);
    let sent = 0;
    let heapAfterWarmUp = 0;
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;

    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        let i = 0;
        const path = r.op.path.replace(/\{[^}]+\}/g, () => r.params[i++] ?? 'x');
        const query = new URLSearchParams(r.query).toString();
        const headers: Record<string, string> = {};
        if (r.contentType) headers['content-type'] = r.contentType;
        if (r.auth === 'admin') Object.assign(headers, { cookie: adminCookie, origin: s.url });
        if (r.auth === 'admin-cross-site')
          Object.assign(headers, { cookie: adminCookie, origin: 'https://evil.example' });
        if (r.auth === 'junk-cookie') headers.cookie = `lc_session=${encodeURIComponent(r.junk)}`;
        if (r.auth === 'junk-bearer') headers.authorization = `Bearer ${encodeURIComponent(r.junk)}`;
        const url = `${s.url}${path}${query ? `?${query}` : ''}`;
        const body = r.op.method === 'GET' ? undefined : r.body;
        const res = await rawRequest(r.op.method, url, headers, body);
        sent++;
        if (sent === 500) {
          gc();
          heapAfterWarmUp = process.memoryUsage().heapUsed;
        }
        const what = `${r.op.method} ${path} (${r.auth}) → ${res.status}`;
        if (res.status >= 500 || res.status === 0) failures.push(`${what}: ${res.text.slice(0, 200)}`);
        if (res.status >= 400 && res.type.includes('json')) {
          const error = (JSON.parse(res.text) as { error?: { code?: unknown; message?: unknown } }).error;
          if (typeof error?.code !== 'string' || typeof error.message !== 'string')
            failures.push(`${what}: ${res.text}`);
        }
        if (r.op.method === 'GET') return;
        const after = await tableFingerprint(s.server.storage.db);
        if (res.status >= 400 && JSON.stringify(after) !== JSON.stringify(before))
          failures.push(`${what}: a refused request changed the database`);
        before = after;
      }),
      { numRuns: CASES, interruptAfterTimeLimit: 840_000 },
    );
    expect(failures.slice(0, 20)).toEqual([]);
    expect(sent).toBe(CASES);
    expect((await s.api('GET', '/api/health')).status).toBe(200);
    gc();
    const growthMb = (process.memoryUsage().heapUsed - heapAfterWarmUp) / 1_048_576;
    console.log(`HTTP fuzz: ${sent} requests, heap after GC ${growthMb.toFixed(1)} MB above its level after 500`);
    // Flat: what thousands of requests leave behind is noise, not a per-request leak.
    expect(growthMb).toBeLessThan(64);
  });
});
