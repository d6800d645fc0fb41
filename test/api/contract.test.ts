import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiRouter } from '../../server/http/api-router.ts';
import type { AppEnv } from '../../server/http/deps.ts';
import { storeConfig } from '../../server/line/views.ts';
import { MAX_RANGE_DAYS } from '../../server/reports/report-range.ts';
import type { Operation } from '../../shared/api/operation.ts';
import { operations } from '../../shared/api/operations.ts';
import { ContractDrift, checkAnswer } from '../support/contract.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s?.close());

/** A Hono app with the real server's dependencies and the router, but handlers of the test's choosing. */
function bareApp() {
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('deps', s.server.deps);
    c.set('user', undefined);
    c.set('device', undefined);
    await next();
  });
  return { app, api: new ApiRouter(app.basePath('/api')) };
}

describe('the contract: every answer matches its operation’s response schema', () => {
  it('catches an answer that drifted from its schema, at the same check the suite’s helpers run', async () => {
    const { app, api } = bareApp();
    // A handler that renamed a field and changed a type, as a careless refactor would.
    api.add(operations.storeConfig, ({ store }) => {
      const { timeZone, ...rest } = storeConfig(store!.state);
      return { ...rest, tz: timeZone, serviceLevelTargetSec: '300' } as never;
    });
    const res = await app.request('/api/stores/demo');
    expect(res.status).toBe(200);
    const drifted = await res.json();
    expect(() => checkAnswer('GET', '/api/stores/demo', res.status, drifted)).toThrow(ContractDrift);
    expect(() => checkAnswer('GET', '/api/stores/demo', res.status, drifted)).toThrow(
      /timeZone|tz|serviceLevelTargetSec/,
    );

    const real = await s.api('GET', '/api/stores/demo');
    expect(() => checkAnswer('GET', '/api/stores/demo', 200, real.body)).not.toThrow();
    // Error answers are not held to the success schema.
    expect(() => checkAnswer('GET', '/api/stores/demo', 404, drifted)).not.toThrow();
  });

  it('a drifted ticket inside a snapshot is caught too (schemas are strict, nested ones included)', async () => {
    await s.api('POST', '/api/stores/demo/tickets', { serviceId: 'pickup' });
    const { body } = await s.api('GET', '/api/stores/demo/queue');
    const leaked = { ...body, waiting: [{ ...body.waiting[0], secret: 'x' }] };
    expect(() => checkAnswer('GET', '/api/stores/demo/queue', 200, leaked)).toThrow(/waiting\.0/);
  });

  it('states the report range limit the server enforces', () => {
    expect(operations.summaryReport.summary).toContain(`at most ${MAX_RANGE_DAYS} days`);
    expect(operations.ticketsCsv.summary).toContain(`at most ${MAX_RANGE_DAYS} days`);
  });

  it('documents a response schema for every operation, as JSON Schema', async () => {
    const doc = (await s.api('GET', '/api/openapi.json')).body;
    for (const op of Object.values(operations as Record<string, Operation>)) {
      const path = `/api${op.path}`.replace(/:(\w+)/g, '{$1}');
      const documented = doc.paths[path][op.method];
      expect(documented['x-policy'], path).toEqual(JSON.parse(JSON.stringify(op.policy)));
      const ok = Object.entries(documented.responses).filter(([status]) => status.startsWith('2'));
      expect(ok.length, path).toBeGreaterThan(0);
      for (const [, answer] of ok as Array<[string, { content: Record<string, { schema: object }> }]>) {
        const schema = Object.values(answer.content)[0]?.schema;
        expect(schema, path).toEqual(z.toJSONSchema(op.response, { io: 'output', unrepresentable: 'any' }));
      }
    }
  });
});

describe('registering an operation', () => {
  const handler = () => ({ ok: true });

  it('without a policy fails at start-up', () => {
    const { api } = bareApp();
    const { policy: _, ...noPolicy } = operations.health;
    expect(() => api.add(noPolicy as unknown as Operation, handler)).toThrow(/has no policy/);
    expect(() => api.add({ ...operations.health, policy: { allow: [] } }, handler)).toThrow(/has no policy/);
    expect(() => api.add({ ...operations.health, policy: { allow: ['everyone' as never] } }, handler)).toThrow(
      /unknown audience "everyone"/,
    );
    expect(() => api.add({ ...operations.health, policy: { allow: ['manager'], store: 'path' } }, handler)).toThrow(
      /needs a :store path parameter/,
    );
    expect(api.operations).toHaveLength(0);
  });

  it('without a policy does not type-check', () => {
    // @ts-expect-error `policy` is required by the Operation type
    const noPolicy: Operation = {
      method: 'get',
      path: '/x',
      summary: 'x',
      tag: 'x',
      response: z.string(),
      responses: { 200: 'x' },
    };
    expect(noPolicy.policy).toBeUndefined();
  });

  it('the app refuses to start with an operation of the map left without a handler', () => {
    const { api } = bareApp();
    api.register('health', () => ({ ok: true }) as const);
    expect(() => api.assertComplete()).toThrow(/operations without a handler: ready, openApi, login/);
  });
});
