import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp } from '../../server/http/app.ts';
import { Metrics } from '../../server/ops/metrics.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace']);

interface Doc {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<
    string,
    Record<
      string,
      {
        summary?: string;
        tags?: string[];
        parameters: Array<{ name: string; in: string; required?: boolean; schema?: unknown }>;
        requestBody?: { content: Record<string, { schema: unknown }> };
        responses: Record<string, { description: string; content?: Record<string, unknown> }>;
      }
    >
  >;
}

/** `/api/stores/:store/tickets` → `/api/stores/{store}/tickets` */
const toOpenApiPath = (honoPath: string) => honoPath.replace(/:(\w+)/g, '{$1}');

describe('the OpenAPI document, /metrics and page headers', () => {
  let s: TestServer;
  let doc: Doc;
  beforeAll(async () => {
    s = await startTestServer();
    const r = await s.api('GET', '/api/openapi.json');
    expect(r.status).toBe(200);
    doc = r.body;
  });
  afterAll(() => s.close());

  const documented = () =>
    Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );

  it('lists every route the app registered under /api, and nothing it did not', () => {
    const { app, api } = createHttpApp(s.server.deps, new Metrics(s.server.deps.lines, s.server.deps.waits));
    // Middleware is registered with `use` (method ALL); handlers carry their own method.
    const registered = new Set(
      app.routes
        .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL')
        .map((r) => `${r.method} ${toOpenApiPath(r.path)}`),
    );
    expect(registered.size).toBeGreaterThan(40);
    expect([...registered].filter((key) => !documented().includes(key))).toEqual([]);
    expect(documented().filter((key) => !registered.has(key))).toEqual([]);
    expect(api.operations).toHaveLength(documented().length);
  });

  it('names only routes the running server answers', async () => {
    const unrouted: string[] = [];
    for (const key of documented()) {
      const [method, path] = key.split(' ') as [string, string];
      const url = s.url + path.replace(/\{(\w+)\}/g, 'probe');
      const res = await fetch(url, { method, redirect: 'manual' });
      const body = (await res.json().catch(() => ({}))) as { error?: { code?: string } };
      if (res.status === 404 && body.error?.code === 'not_found') unrouted.push(key);
    }
    expect(unrouted).toEqual([]);
    const missing = await s.api('GET', '/api/no-such-route');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
  });

  it('is an OpenAPI 3.1 document with paths, methods, parameters and responses', () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(typeof doc.info.title).toBe('string');
    expect(doc.info.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(Object.keys(doc.paths).length).toBeGreaterThan(20);
    for (const [path, ops] of Object.entries(doc.paths)) {
      expect(path).toMatch(/^\/api\//);
      expect(path).not.toMatch(/:\w/);
      const pathParams = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const [method, op] of Object.entries(ops)) {
        const where = `${method.toUpperCase()} ${path}`;
        expect(METHODS.has(method), where).toBe(true);
        expect(op.summary, where).toBeTruthy();
        expect(op.tags?.length, where).toBeGreaterThan(0);
        const declared = op.parameters.filter((p) => p.in === 'path');
        expect(declared.map((p) => p.name).sort(), where).toEqual([...pathParams].sort());
        for (const p of declared) expect(p.required, where).toBe(true);
        for (const p of op.parameters) expect(['path', 'query', 'header', 'cookie'], where).toContain(p.in);
        const statuses = Object.keys(op.responses);
        expect(statuses.length, where).toBeGreaterThan(0);
        expect(
          statuses.some((st) => /^2\d\d$/.test(st)),
          where,
        ).toBe(true);
        for (const [status, response] of Object.entries(op.responses)) {
          expect(status, where).toMatch(/^[1-5]\d\d$/);
          expect(typeof response.description, where).toBe('string');
        }
        if (op.requestBody) expect(op.requestBody.content['application/json']?.schema, where).toBeTypeOf('object');
        if (method === 'get') expect(op.requestBody, where).toBeUndefined();
      }
    }
  });

  it('serves /metrics as Prometheus text', async () => {
    // Something to count first.
    expect((await s.api('POST', '/api/stores/demo/tickets', { serviceId: 'pickup' })).status).toBe(201);
    const res = await fetch(`${s.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text.endsWith('\n')).toBe(true);
    const typed = new Map<string, string>();
    const samples: string[] = [];
    for (const line of text.split('\n').filter((l) => l.length > 0)) {
      const type = /^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$/.exec(line);
      if (type) {
        typed.set(type[1]!, type[2]!);
        continue;
      }
      if (line.startsWith('# HELP ')) continue;
      const sample =
        /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*"(,[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*")*\})? (-?[0-9.]+(e[+-]?\d+)?|NaN|[+-]Inf)$/.exec(
          line,
        );
      expect(sample, line).not.toBeNull();
      const name = sample![1]!;
      expect(
        typed.has(name) || typed.has(name.replace(/_(bucket|sum|count)$/, '')),
        `${name} has a # TYPE line before it`,
      ).toBe(true);
      samples.push(line);
    }
    expect(samples.length).toBeGreaterThan(0);
    expect(text).toMatch(/^linecast_waiting_tickets\{store="demo"\} 1$/m);
  });

  it('serves app pages with a Content-Security-Policy and nosniff', async () => {
    const ticket = (await s.api('POST', '/api/stores/demo/tickets', { serviceId: 'pickup' })).body.ticket;
    for (const page of ['/kiosk/?store=demo', '/signage/?store=demo&layout=board', '/staff/', `/t/${ticket.token}`]) {
      const res = await fetch(s.url + page);
      expect(res.status, page).toBe(200);
      expect(res.headers.get('content-type'), page).toMatch(/^text\/html/);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, page).toMatch(/default-src 'self'/);
      expect(csp, page).toMatch(/script-src 'self'(;|$)/);
      expect(csp, page).toMatch(/frame-ancestors 'none'/);
      expect(res.headers.get('x-content-type-options'), page).toBe('nosniff');
      await res.arrayBuffer();
    }
    const api = await fetch(`${s.url}/api/health`);
    expect(api.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
