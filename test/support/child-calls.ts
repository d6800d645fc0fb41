import type { Ticket } from '../../server/engine/index.ts';

/** How far on a ticket's status is: an acknowledged ticket must never be found further back. */
export const STATUS_RANK: Record<Ticket['status'], number> = {
  waiting: 0,
  called: 1,
  serving: 2,
  done: 3,
  no_show: 3,
  cancelled: 3,
};

export interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: the tests read whatever each route answers
  body: any;
}

/** One JSON request to a server process (no response-schema check: processes under attack answer as they can). */
export async function call(url: string, method: string, cookie?: string, body?: unknown): Promise<Answer> {
  const res = await fetch(url, {
    method,
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(cookie ? { cookie } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: await res.json() };
}

/** Signs in as the first admin and returns the session cookie (`name=value`). */
export async function signInAdmin(url: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}
