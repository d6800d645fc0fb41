import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableFingerprint } from '../../server/store/testing/table-fingerprint.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { type Fixtures, type RouteEntry, routeTable } from './bad-input-table.ts';
import { rawRequest } from './http-client.ts';

interface JsonSchema {
  type?: string | string[];
  anyOf?: JsonSchema[];
  enum?: unknown[];
  pattern?: string;
  maxLength?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
}

interface Operation {
  'x-audience': string;
  parameters: Array<{ name: string; in: 'path' | 'query'; required: boolean; schema: JsonSchema }>;
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}

interface Case {
  label: string;
  path: string;
  query?: Record<string, string>;
  cookie?: string;
  origin?: string;
  body?: string;
  contentType?: string;
  /** The exact status, or 0 for "any 4xx". */
  status: number;
}

const FOREIGN_ORIGIN = 'https://evil.example';
const OVERSIZED = JSON.stringify({ padding: 'x'.repeat(1024 * 1024 + 64 * 1024) });
const UNKNOWN: Record<string, string> = {
  token: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
  file: 'no-such-file-0000.png',
};

/** A JSON value whose type the property's schema does not allow, or undefined when it allows any. */
function wrongValue(schema: JsonSchema): unknown {
  const allowed = new Set<string>();
  const collect = (s: JsonSchema) => {
    for (const t of [s.type ?? []].flat()) allowed.add(t === 'integer' ? 'number' : t);
    for (const v of s.enum ?? []) allowed.add(v === null ? 'null' : typeof v);
    for (const sub of s.anyOf ?? []) collect(sub);
  };
  collect(schema);
  if (allowed.size === 0) return undefined;
  const candidates: Array<[string, unknown]> = [
    ['number', 12345],
    ['string', 'wrong-type'],
    ['boolean', true],
    ['array', ['wrong-type']],
    ['object', { wrong: 'type' }],
  ];
  return candidates.find(([type]) => !allowed.has(type))?.[1];
}

/** A query value its schema refuses. */
function badQueryValue(schema: JsonSchema): string {
  if (schema.type === 'integer' || schema.type === 'number') return 'many';
  if (schema.enum) return 'not-a-choice';
  if (schema.pattern) return 'not/matching';
  if (schema.maxLength !== undefined) return 'x'.repeat(schema.maxLength + 1);
  throw new Error(`no bad value known for query schema ${JSON.stringify(schema)}`);
}

describe('bad input to every route', () => {
  let s: TestServer;
  const cookies: Record<'operator' | 'manager' | 'admin', string> = { operator: '', manager: '', admin: '' };
  let fixtures: Fixtures;
  let params: Record<string, string>;

  const ok = async (p: ReturnType<TestServer['api']>, status = 200) => {
    const r = await p;
    expect(r.status, JSON.stringify(r.body)).toBe(status);
    return r.body;
  };

  beforeAll(async () => {
    s = await startTestServer();
    for (const role of ['operator', 'manager', 'admin'] as const) cookies[role] = await s.cookieFor(role);
    const { operator, manager } = cookies;
    // A line with something in it: c1 calling A001, A002 waiting, c2 open and free.
    await ok(s.api('POST', '/api/stores/demo/counters/c1/open', undefined, operator));
    await ok(s.api('POST', '/api/stores/demo/counters/c2/open', undefined, operator));
    await ok(s.api('POST', '/api/stores/demo/tickets', { serviceId: 'pickup' }), 201);
    const waiting = (await ok(s.api('POST', '/api/stores/demo/tickets', { serviceId: 'pickup' }), 201)).ticket;
    await ok(s.api('POST', '/api/stores/demo/counters/c1/call-next', undefined, operator));
    // One paired screen, one device still showing its code, a slide, a broadcast and a media file.
    const paired = await ok(s.api('POST', '/api/devices/pairing', { store: 'demo', kind: 'signage' }), 201);
    const device = (
      await ok(
        s.api('POST', '/api/admin/stores/demo/devices/pair', { code: paired.code, name: 'Screen 1' }, manager),
        201,
      )
    ).device;
    const pending = await ok(s.api('POST', '/api/devices/pairing', { store: 'demo', kind: 'kiosk' }), 201);
    const item = (
      await ok(s.api('POST', '/api/admin/stores/demo/signage', { kind: 'text', text: 'Hello' }, manager), 201)
    ).item;
    const broadcast = (
      await ok(s.api('POST', '/api/admin/stores/demo/broadcasts', { message: 'Hi', durationMin: 5 }, manager), 201)
    ).broadcast;
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    const upload = await fetch(`${s.url}/api/admin/stores/demo/signage/media`, {
      method: 'POST',
      headers: { 'content-type': 'image/png', cookie: manager },
      body: png,
    });
    expect(upload.status).toBe(201);
    const media = (await upload.json()) as { file: string };
    const me = await ok(s.api('GET', '/api/auth/me', undefined, operator));
    fixtures = { waitingTicketId: waiting.id, operatorUserId: me.user.id, pendingCode: pending.code };
    params = {
      store: 'demo',
      counter: 'c1',
      token: waiting.token,
      service: 'pickup',
      user: me.user.id,
      device: device.id,
      item: item.id,
      broadcast: broadcast.id,
      file: media.file,
      pairingId: pending.pairingId,
    };
  });
  afterAll(() => s.close());

  const send = async (method: string, c: Case) => {
    const query = c.query && Object.keys(c.query).length > 0 ? `?${new URLSearchParams(c.query)}` : '';
    const headers: Record<string, string> = {};
    if (c.cookie) headers.cookie = c.cookie;
    if (c.origin) headers.origin = c.origin;
    if (c.body !== undefined) headers['content-type'] = c.contentType ?? 'application/json';
    const res = await rawRequest(method, s.url + c.path + query, headers, c.body);
    let body: unknown;
    try {
      body = JSON.parse(res.text);
    } catch {
      body = res.text;
    }
    return { status: res.status, type: res.type, body };
  };

  /** The bad requests for one operation, each a valid request with one thing wrong. */
  function casesFor(method: string, docPath: string, op: Operation, entry: RouteEntry): Case[] {
    const audience = op['x-audience'];
    const fill = (overrides: Record<string, string> = {}) =>
      docPath.replace(/\{(\w+)\}/g, (_, name: string) => {
        const value = overrides[name] ?? entry.params?.[name] ?? params[name];
        if (value === undefined) throw new Error(`no value for path parameter ${name} of ${method} ${docPath}`);
        return encodeURIComponent(value);
      });
    const roleCookie = {
      operator: cookies.operator,
      'signed-in': cookies.operator,
      manager: cookies.manager,
      admin: cookies.admin,
    }[audience];
    const schema = op.requestBody?.content['application/json']?.schema;
    if (schema && entry.body === undefined) throw new Error(`the table has no valid body for ${method} ${docPath}`);
    const validBody = entry.body === undefined ? undefined : JSON.stringify(entry.body);
    const base: Case = { label: '', path: fill(), query: entry.query, cookie: roleCookie, body: validBody, status: 0 };
    const cases: Case[] = [];
    const add = (label: string, change: Partial<Case>) => cases.push({ ...base, ...change, label });

    if (roleCookie) add('no session', { cookie: undefined, status: 401 });
    if (audience === 'manager' || audience === 'admin') add('an operator', { cookie: cookies.operator, status: 403 });
    if (audience === 'admin') add('a manager', { cookie: cookies.manager, status: 403 });
    if (method !== 'GET') {
      add('a cookie write from a foreign Origin', {
        cookie: roleCookie ?? cookies.admin,
        origin: FOREIGN_ORIGIN,
        status: 403,
      });
      add('a body over 1 MiB', { body: OVERSIZED, status: entry.oversized ?? 413 });
    }
    if (schema) {
      const valid = entry.body as Record<string, unknown>;
      add('malformed JSON', { body: '{"broken": ', status: 400 });
      add('JSON sent as text/plain', { contentType: 'text/plain', status: 415 });
      add('an array instead of an object', { body: '[]', status: 422 });
      add('null instead of an object', { body: 'null', status: 422 });
      if (schema.required?.length) add('an empty object', { body: '{}', status: 422 });
      if (schema.additionalProperties === false)
        add('an unknown field', { body: JSON.stringify({ ...valid, unexpected: 1 }), status: 422 });
      for (const [name, prop] of Object.entries(schema.properties ?? {})) {
        const wrong = wrongValue(prop);
        if (wrong !== undefined)
          add(`${name} of the wrong type`, { body: JSON.stringify({ ...valid, [name]: wrong }), status: 422 });
      }
    }
    for (const p of op.parameters) {
      if (p.in === 'query') {
        add(`query ${p.name} invalid`, { query: { ...entry.query, [p.name]: badQueryValue(p.schema) }, status: 422 });
        if (p.required) {
          const { [p.name]: _, ...rest } = entry.query ?? {};
          add(`query ${p.name} missing`, { query: rest, status: 422 });
        }
      } else {
        add(`unknown ${p.name}`, { path: fill({ [p.name]: UNKNOWN[p.name] ?? `no-such-${p.name}` }), status: 404 });
        const broken = fill({ [p.name]: 'UNDECODABLE' }).replace('UNDECODABLE', '%E0%A4%A');
        add(`undecodable ${p.name}`, { path: broken, status: 0 });
      }
    }
    for (const u of entry.unknown ?? []) {
      add(`unknown id in ${u.body ? 'body' : 'query'}`, {
        ...(u.body ? { body: JSON.stringify(u.body) } : {}),
        ...(u.query ? { query: u.query } : {}),
        status: u.status,
      });
    }
    for (const x of entry.extra ?? []) add(x.label, { body: x.body, contentType: x.contentType, status: x.status });
    return cases;
  }

  it('answers every bad request with a 4xx JSON error, never a 500, and changes nothing', async () => {
    const doc = (await s.api('GET', '/api/openapi.json')).body as { paths: Record<string, Record<string, Operation>> };
    const table = routeTable(fixtures);
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        op,
      })),
    );
    expect(operations.length).toBeGreaterThan(40);
    expect(operations.map((o) => o.key).filter((key) => !table[key])).toEqual([]);

    const before = await tableFingerprint(s.server.storage.db);
    const seqBefore = s.server.deps.lines.lastSeq('demo');
    const failures: string[] = [];
    let sent = 0;
    for (const { key, method, path, op } of operations) {
      const entry = table[key]!;
      const cases = casesFor(method, path, op, entry);
      if (cases.length === 0 && !entry.none) failures.push(`${key}: no bad input generated and no reason given`);
      for (const c of cases) {
        const r = await send(method, c);
        sent++;
        const error = (r.body as { error?: { code?: unknown; message?: unknown } })?.error;
        const shaped =
          r.type.includes('application/json') && typeof error?.code === 'string' && typeof error.message === 'string';
        const statusOk = c.status === 0 ? r.status >= 400 && r.status < 500 : r.status === c.status;
        if (!statusOk || !shaped) {
          failures.push(
            `${key} — ${c.label}: expected ${c.status || '4xx'}, got ${r.status} ${JSON.stringify(r.body).slice(0, 160)}`,
          );
        }
      }
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(300);

    const after = await tableFingerprint(s.server.storage.db);
    expect(after.events).toEqual(before.events);
    expect(after.counts).toEqual(before.counts);
    expect(after.rows).toEqual(before.rows);
    expect(s.server.deps.lines.lastSeq('demo')).toBe(seqBefore);
    // No bad request ended a session either.
    for (const cookie of Object.values(cookies))
      expect((await s.api('GET', '/api/auth/me', undefined, cookie)).status).toBe(200);
  });
});
