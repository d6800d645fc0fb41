/** Setting up a running Linecast for a bench: the admin's session and a store with many counters open. */
import { ADMIN_PASSWORD } from './processes.ts';

/** Signs in as the first admin and returns the session cookie (`name=value`). */
export async function signIn(url: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (!res.ok || !cookie) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return cookie;
}

async function post(url: string, cookie: string, body?: unknown): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/**
 * Adds `count` counters serving every service of the demo store and opens them with the admin
 * as operator; returns their ids.
 */
export async function openCounters(url: string, cookie: string, store: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 1; i <= count; i++) {
    const id = `bench-${String(i).padStart(3, '0')}`;
    const created = await post(`${url}/api/admin/stores/${store}/counters`, cookie, {
      id,
      name: `Bench ${i}`,
      serviceIds: ['pickup', 'returns', 'personalisation'],
    });
    if (!created.ok && created.status !== 409)
      throw new Error(`counter ${id}: ${created.status} ${await created.text()}`);
    const opened = await post(`${url}/api/stores/${store}/counters/${id}/open`, cookie);
    if (!opened.ok) throw new Error(`open ${id}: ${opened.status} ${await opened.text()}`);
    ids.push(id);
  }
  return ids;
}
