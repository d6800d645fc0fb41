import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Operation } from '../../shared/api/operation.ts';
import { type OperationId, operations } from '../../shared/api/operations.ts';
import { POLICIES, type Policy } from '../../shared/api/policy.ts';
import { checkAnswer } from '../support/contract.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const CALLERS = ['anonymous', 'kiosk', 'signage', 'operator', 'manager', 'otherManager', 'admin'] as const;
type CallerName = (typeof CALLERS)[number];
type Expected = 401 | 403 | 'allowed';

const all = (e: Expected) => Object.fromEntries(CALLERS.map((c) => [c, e])) as Record<CallerName, Expected>;
const staff = (operator: Expected, manager: Expected, otherManager: Expected, admin: Expected) => ({
  ...all(401),
  operator,
  manager,
  otherManager,
  admin,
});

/**
 * What each policy means for each caller, written out by hand (not computed by the router's code),
 * for the demo store. `otherManager` manages another store; devices are paired to the demo store.
 * The demo store does not take tickets from phones here.
 */
const EXPECTED = new Map<Policy, Record<CallerName, Expected>>([
  [POLICIES.anyone, all('allowed')],
  [POLICIES.anyoneInStore, all('allowed')],
  // Knowing the token is the credential: whoever presents it is the holder.
  [POLICIES.ticketHolder, all('allowed')],
  [POLICIES.signedIn, staff('allowed', 'allowed', 'allowed', 'allowed')],
  [POLICIES.operatorInStore, staff('allowed', 'allowed', 403, 'allowed')],
  [POLICIES.managerInStore, staff(403, 'allowed', 403, 'allowed')],
  [POLICIES.managerOfQueryStore, staff(403, 'allowed', 403, 'allowed')],
  [POLICIES.manager, staff(403, 'allowed', 'allowed', 'allowed')],
  [POLICIES.admin, staff(403, 403, 403, 'allowed')],
  [POLICIES.issueTicket, { ...staff('allowed', 'allowed', 401, 'allowed'), kiosk: 'allowed' }],
]);

let s: TestServer;
const cookies: Partial<Record<CallerName, string>> = {};
const bearers: Partial<Record<CallerName, string>> = {};

async function pairDevice(kind: 'kiosk' | 'signage', admin: string): Promise<string> {
  const started = await s.api('POST', '/api/devices/pairing', { store: 'demo', kind });
  const paired = await s.api(
    'POST',
    '/api/admin/stores/demo/devices/pair',
    { code: started.body.code, name: kind },
    admin,
  );
  expect(paired.status).toBe(201);
  const poll = await s.api('GET', `/api/devices/pairing/${started.body.pairingId}`);
  return poll.body.deviceToken;
}

async function login(username: string, password: string): Promise<string> {
  const res = await fetch(`${s.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

beforeAll(async () => {
  s = await startTestServer();
  const admin = await s.cookieFor('admin');
  cookies.admin = admin;
  cookies.manager = await s.cookieFor('manager');
  cookies.operator = await s.cookieFor('operator');
  expect(
    (await s.api('POST', '/api/admin/stores', { slug: 'other', name: 'Other', timeZone: 'Europe/Berlin' }, admin))
      .status,
  ).toBe(201);
  const user = { username: 'other-manager', password: 'other-manager-pw', role: 'manager', storeIds: ['other'] };
  expect((await s.api('POST', '/api/admin/users', user, admin)).status).toBe(201);
  cookies.otherManager = await login(user.username, user.password);
  bearers.kiosk = await pairDevice('kiosk', admin);
  bearers.signage = await pairDevice('signage', admin);
  expect((await s.api('PATCH', '/api/admin/stores/demo', { allowPhoneJoin: false }, admin)).status).toBe(200);
});
afterAll(() => s?.close());

/** A fresh ticket's token, so leaving the line or rating a visit never depends on an earlier case. */
async function freshToken(): Promise<string> {
  const res = await fetch(`${s.url}/api/stores/demo/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearers.kiosk}` },
    body: JSON.stringify({ serviceId: 'pickup' }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { ticket: { token: string } }).ticket.token;
}

async function call(id: OperationId, op: Operation, caller: CallerName) {
  const params: Record<string, string> = { store: 'demo' };
  if (op.path.includes(':token')) params.token = await freshToken();
  const path = op.path.replace(/:(\w+)/g, (_, name: string) => params[name] ?? `no-such-${name}`);
  const query = id === 'listUsers' ? '?store=demo' : '';
  const headers: Record<string, string> = {};
  if (cookies[caller]) headers.cookie = cookies[caller];
  if (bearers[caller]) headers.authorization = `Bearer ${bearers[caller]}`;
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
    const admin = await login('admin', s.adminPassword); // the matrix signed everyone out at its end
    expect((await s.api('PATCH', '/api/admin/stores/demo', { allowPhoneJoin: true }, admin)).status).toBe(200);
    const after = await call('issueTicket', operations.issueTicket, 'anonymous');
    expect(after.status).toBe(422);
  });
});
