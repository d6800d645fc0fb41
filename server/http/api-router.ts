import type { Context, Hono, MiddlewareHandler } from 'hono';
import { type ZodType, z } from 'zod';
import type { AppEnv } from './deps.ts';
import { HttpError } from './http-error.ts';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** Who may call an operation, as documented in OpenAPI and enforced by the handler's guards. */
export type Audience = 'anyone' | 'holder' | 'device-or-staff' | 'signed-in' | 'operator' | 'manager' | 'admin';

export interface Operation {
  method: Method;
  /** Hono path under `/api`, e.g. `/stores/:store/tickets`. */
  path: string;
  summary: string;
  tag: string;
  audience: Audience;
  body?: ZodType;
  query?: ZodType;
  /** Status → description of the answer. */
  responses: Record<number, string>;
  /** Media type of a successful answer when it is not JSON (e.g. CSV). */
  produces?: string;
}

type Handler = (c: Context<AppEnv>) => Response | Promise<Response>;

/**
 * Registers routes and remembers each one, so `GET /api/openapi.json` lists every operation
 * with the very schemas that validate it.
 */
export class ApiRouter {
  readonly operations: Operation[] = [];
  readonly #app: Hono<AppEnv>;

  constructor(app: Hono<AppEnv>) {
    this.#app = app;
  }

  route(op: Operation, ...handlers: [...MiddlewareHandler<AppEnv>[], Handler]): void {
    this.operations.push(op);
    this.#app.on(op.method.toUpperCase(), op.path, ...(handlers as [Handler]));
  }
}

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
  }
  return parseWith(schema, raw, 'body');
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

const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} },
    },
  },
};

/** The OpenAPI 3.1 document of every registered operation. */
export function openApiDocument(operations: Operation[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const path = `/api${op.path}`.replace(/:(\w+)/g, '{$1}');
    const params = [...op.path.matchAll(/:(\w+)/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const query = op.query ? queryParameters(op.query) : [];
    const responses: Record<string, unknown> = {};
    for (const [status, description] of Object.entries(op.responses)) {
      const ok = Number(status) < 400;
      const media = ok ? (op.produces ?? 'application/json') : 'application/json';
      responses[status] = { description, content: { [media]: { schema: ok ? {} : errorSchema } } };
    }
    paths[path] ??= {};
    paths[path][op.method] = {
      summary: op.summary,
      tags: [op.tag],
      'x-audience': op.audience,
      parameters: [...params, ...query],
      ...(op.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(op.body) } } } }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Linecast API',
      version,
      description: 'Single-line queue management and digital signage for stores.',
    },
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'lc_session' },
        device: { type: 'http', scheme: 'bearer' },
      },
    },
    paths,
  };
}

function jsonSchema(schema: ZodType): unknown {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
}

function queryParameters(schema: ZodType) {
  const json = jsonSchema(schema) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema: s,
  }));
}
