import { request } from 'node:http';
import { checkAnswer } from '../support/contract.ts';

/**
 * One request on its own connection. A server may answer an oversized body before reading it and
 * close the connection; the answer counts once it arrived, whatever happens to the rest of the upload.
 */
export function rawRequest(method: string, url: string, headers: Record<string, string>, body: string | undefined) {
  return new Promise<{ status: number; type: string; text: string }>((resolve, reject) => {
    let answered = false;
    const payload = body === undefined ? undefined : Buffer.from(body);
    const req = request(
      url,
      {
        method,
        agent: false,
        headers: { ...headers, ...(payload ? { 'content-length': String(payload.length) } : {}) },
      },
      (res) => {
        answered = true;
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'] ?? '', text }));
        res.on('error', reject);
      },
    );
    req.on('error', (err) => {
      if (!answered) reject(err);
    });
    req.end(payload);
  });
}

/**
 * A JSON request on a fresh connection (no keep-alive, so no race with the server closing an idle
 * socket while the machine is busy). A 2xx answer must match its operation's response schema.
 * @example const r = await callJson('POST', `${url}/api/stores/demo/tickets`, { serviceId: 'pickup' });
 */
export async function callJson(method: string, url: string, body?: unknown, cookie?: string) {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await rawRequest(method, url, headers, body === undefined ? undefined : JSON.stringify(body));
  // biome-ignore lint/suspicious/noExplicitAny: answers are checked by the tests that read them
  let parsed: any = res.text;
  try {
    parsed = JSON.parse(res.text);
  } catch {}
  checkAnswer(method, url, res.status, parsed);
  return { status: res.status, body: parsed };
}
