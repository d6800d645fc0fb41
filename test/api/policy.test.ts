import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiRouter } from '../../server/http/api-router.ts';
import type { AppEnv } from '../../server/http/deps.ts';
import { SESSION_IDLE_MS } from '../../server/store/session-repository.ts';
import type { Operation } from '../../shared/api/operation.ts';
import { type OperationId, operations } from '../../shared/api/operations.ts';
import { POLICIES, type Policy } from '../../shared/api/policy.ts';
import { checkAnswer } from '../support/contract.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { CALLERS, type CallerName, type Credentials, makeCallers } from './policy-callers.ts';

type Expected = 401 | 403 | 404 | 'allowed';
type Row = Record<CallerName, Expected>;

const all = (e: Expected) => Object.fromEntries(CALLERS.map((c) => [c, e])) as Row;
/** Staff policies: everyone else — a ticket's holder, devices, a revoked device, an expired session — must sign in. */
const staff = (operator: Expected, manager: Expected, otherManager: Expected, admin: Expected): Row => ({
  ...all(401),
  operator,
  manager,
  otherManager,
  admin,
});

/**
 * What each policy means for each caller, written out by hand (not computed by the router's code),
 * for the demo store. The demo store does not take tickets from phones here.
 */
const EXPECTED = new Map<Policy, Row>([
  [POLICIES.anyone, all('allowed')],
  [POLICIES.anyoneInStore, all('allowed')],
  // The token is the credential: without it (a token that is not theirs) nobody is a holder,
  // and a wrong token looks exactly like an unknown ticket.
  [POLICIES.ticketHolder, { ...all(404), ticketHolder: 'allowed' }],
  [POLICIES.signedIn, staff('allowed', 'allowed', 'allowed', 'allowed')],
  [POLICIES.operatorInStore, staff('allowed', 'allowed', 403, 'allowed')],
  [POLICIES.managerInStore, staff(403, 'allowed', 403, 'allowed')],
  [POLICIES.managerOfQueryStore, staff(403, 'allowed', 403, 'allowed')],
  [POLICIES.manager, staff(403, 'allowed', 'allowed', 'allowed')],
  [POLICIES.admin, staff(403, 403, 403, 'allowed')],
  [POLICIES.issueTicket, { ...staff('allowed', 'allowed', 401, 'allowed'), kiosk: 'allowed' }],
]);

/** What is served outside the API's operation map, to anyone: the apps' pages and the metrics. */
const OUTSIDE_THE_API = [
  'GET /metrics',
  'GET /',
  'GET /kiosk',
  'GET /kiosk/',
  'GET /t/:token',
  'GET /signage',
  'GET /signage/',
  'GET /staff',
  'GET /staff/',
  'GET /staff/*',
  'GET /*',
];

let now = Date.parse('2026-06-01T08:00Z');
let s: TestServer;
let callers: Record<CallerName, Credentials>;

beforeAll(async () => {
  s = await startTestServer({ clock: () => now });
  callers = await makeCallers(
    s,
    (ms) => {
      now += ms;
    },
    SESSION_IDLE_MS,
  );
  expect((await s.api('PATCH', '/api/admin/stores/demo', { allowPhoneJoin: false }, callers.admin.cookie)).status).toBe(
    200,
  );
});
afterAll(() => s?.close());

/** A fresh ticket's token, so leaving the line or rating a visit never depends on an earlier case. */
async function freshToken(): Promise<string> {
  const res = await fetch(`${s.url}/api/stores/demo/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${callers.kiosk.bearer}` },
    body: JSON.stringify({ serviceId: 'pickup' }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { ticket: { token: string } }).ticket.token;
}

async function call(id: OperationId, op: Operation, caller: CallerName) {
  const who = callers[caller];
  const params: Record<string, string> = { store: 'demo' };
  if (op.path.includes(':token'))
    params.token = who.holdsTicket ? await freshToken() : randomBytes(16).toString('base64url');
  const path = op.path.replace(/:(\w+)/g, (_, name: string) => params[name] ?? `no-such-${name}`);
  const query = id === 'listUsers' ? '?store=demo' : '';
  const headers: Record<string, string> = {};
  if (who.cookie) headers.cookie = who.cookie;
  if (who.bearer) headers.authorization = `Bearer ${who.bearer}`;
  // An empty JSON object: enough to pass the policy and then fail (or pass) validation harmlessly.
  const sendsJson = !!op.body;
  if (sendsJson) headers['content-type'] = 'application/json';
  const url = `/api${path}${query}`;
  const res = await fetch(s.url + url, {
    method: op.method.toUpperCase(),
    headers,
    body: sendsJson ? '{}' : undefined,
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {}
  checkAnswer(op.method, url, res.status, body);
  return { status: res.status, body: body as { error?: { code: string } } };
}

describe('the router enforces each operation’s declared policy', () => {
  // Signing out ends the caller's session, so it goes last.
  const ids = (Object.keys(operations) as OperationId[]).sort(
    (a, b) => Number(a === 'logout') - Number(b === 'logout'),
  );

  it('knows what every policy in the map means', () => {
    for (const id of ids) expect(EXPECTED.has(operations[id].policy), id).toBe(true);
  });

  it('serves no route that is neither an operation of the map (with its policy) nor a known page', () => {
    const declared = new Set([
      ...Object.values(operations as Record<string, Operation>).map(
        (op) => `${op.method.toUpperCase()} /api${op.path}`,
      ),
      ...OUTSIDE_THE_API,
    ]);
    const served = s.server.routes.map((r) => `${r.method} ${r.path}`);
    expect(served.filter((r) => !declared.has(r))).toEqual([]);
    expect(served.length).toBeGreaterThan(Object.keys(operations).length);
  });

  it('refuses, at start-up, an operation whose policy is missing', () => {
    const router = new ApiRouter(new Hono<AppEnv>());
    const bare = { ...operations.queue, policy: undefined } as unknown as Operation;
    expect(() => router.add(bare, () => ({}))).toThrow(/has no policy/);
    const empty = { ...operations.queue, policy: { allow: [] } } as unknown as Operation;
    expect(() => router.add(empty, () => ({}))).toThrow(/has no policy/);
  });

  it.each(CALLERS)('for %s, on every operation', async (caller) => {
    const wrong: string[] = [];
    for (const id of ids) {
      const op = operations[id] as Operation;
      const expected = EXPECTED.get(op.policy)?.[caller];
      const { status, body } = await call(id, op, caller);
      // Allowed: past the policy, whatever the handler then makes of the (empty) input.
      const ok = expected === 'allowed' ? status !== 401 && status !== 403 : status === expected;
      if (!ok)
        wrong.push(`${id} (${op.method} ${op.path}): expected ${expected}, got ${status} ${JSON.stringify(body)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('lets anyone take a ticket once the store allows joining from phones', async () => {
    const before = await call('issueTicket', operations.issueTicket, 'anonymous');
    expect(before.status).toBe(401);
    expect(before.body.error?.code).toBe('device_not_paired');
    const revoked = await call('issueTicket', operations.issueTicket, 'revokedDevice');
    expect(revoked.body.error?.code).toBe('device_not_paired');
    const res = await fetch(`${s.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: s.adminPassword }),
    });
    const admin = res.headers.get('set-cookie')!.split(';')[0]!; // the matrix signed everyone out at its end
    expect((await s.api('PATCH', '/api/admin/stores/demo', { allowPhoneJoin: true }, admin)).status).toBe(200);
    const after = await call('issueTicket', operations.issueTicket, 'anonymous');
    expect(after.status).toBe(422);
  });
});
