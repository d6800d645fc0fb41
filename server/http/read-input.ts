import type { Context } from 'hono';
import type { ZodType, z } from 'zod';
import type { AppEnv } from './deps.ts';
import { HttpError } from './http-error.ts';

/** Parses a JSON body with `schema`: 400 for broken JSON, 415 for another media type, 422 for wrong fields. */
export async function readBody<S extends ZodType>(c: Context<AppEnv>, schema: S): Promise<z.output<S>> {
  const type = c.req.header('content-type') ?? '';
  let raw: unknown = {};
  const text = await c.req.text();
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
