import type { Context } from 'hono';
import type { ZodType, z } from 'zod';
import type { AppEnv } from './deps.ts';
import { HttpError } from './http-error.ts';
import { MAX_JSON_BODY } from './middleware.ts';

/** Parses a JSON body with `schema`: 400 for broken JSON, 415 for another media type, 422 for wrong fields. */
export async function readBody<S extends ZodType>(c: Context<AppEnv>, schema: S): Promise<z.output<S>> {
  const type = c.req.header('content-type') ?? '';
  let raw: unknown = {};
  const text = await readText(c);
  if (text.length > 0) {
    if (!type.includes('application/json'))
      throw new HttpError(415, 'unsupported_media_type', 'Send JSON with Content-Type: application/json.');
    try {
      raw = JSON.parse(text);
    } catch {
      throw new HttpError(400, 'invalid_json', 'The request body is not valid JSON.');
    }
    // No field takes a NUL character, and PostgreSQL refuses one in text even to look it up.
    if (holdsNul(raw)) throw new HttpError(400, 'invalid_json', 'The request body holds a NUL character.');
  }
  return parseWith(schema, raw, 'body');
}

/**
 * The body as text, at most `MAX_JSON_BODY` bytes (413 past it). A body with a declared length
 * was checked by `limitBody`; one sent chunked is counted here as it arrives, straight from
 * Node's request, so it costs no web stream (under `app.request` in tests, Hono reads it).
 */
async function readText(c: Context<AppEnv>): Promise<string> {
  const incoming = c.env?.incoming;
  if (!incoming || c.req.header('content-length') !== undefined) return c.req.text();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of incoming as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_JSON_BODY) {
      c.header('Connection', 'close');
      throw new HttpError(413, 'payload_too_large', 'The request body is larger than 1 MiB.');
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function holdsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\0');
  if (Array.isArray(value)) return value.some(holdsNul);
  if (value && typeof value === 'object')
    return Object.entries(value).some(([k, v]) => k.includes('\0') || holdsNul(v));
  return false;
}

export function readQuery<S extends ZodType>(c: Context<AppEnv>, schema: S): z.output<S> {
  return parseWith(schema, c.req.query(), 'query');
}

function parseWith<S extends ZodType>(schema: S, raw: unknown, where: string): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const first = details[0];
  throw new HttpError(
    422,
    `invalid_${where}`,
    `Invalid ${where}: ${first ? `${first.path || '(root)'}: ${first.message}` : 'rejected'}`,
    details,
  );
}
