import { type ZodType, z } from 'zod';
import type { Operation } from '../../shared/api/operation.ts';
import { audienceLabel } from '../../shared/api/policy.ts';
import { RATE_LIMITS } from '../../shared/api/rate-limits.ts';

export const API_VERSION = '1.0.0';

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

const RETRY_AFTER = { description: 'whole seconds to wait before trying again', schema: { type: 'integer' } };

/**
 * The OpenAPI 3.1 document of the registered operations: request and response bodies as JSON
 * Schema from the operation map's zod schemas, who may call each one as `x-policy`, and the
 * default budgets a call spends as `x-rate-limits`.
 */
export function openApiDocument(operations: readonly Operation[], version = API_VERSION) {
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
    const answer = jsonSchema(op.response, 'output');
    const responses: Record<string, unknown> = {};
    for (const [status, description] of Object.entries(op.responses)) {
      const ok = Number(status) < 400;
      const media = ok ? (op.produces ?? 'application/json') : 'application/json';
      responses[status] = {
        description,
        // Every 429 says when to try again; a 503 only sometimes (line_busy does, a failed health check not).
        ...(status === '429' ? { headers: { 'Retry-After': RETRY_AFTER } } : {}),
        content: { [media]: { schema: ok ? answer : errorSchema } },
      };
    }
    // A raw upload (`consumes`) is described in its summary: the body schemas here are JSON ones.
    const body = op.body ? { content: { 'application/json': { schema: jsonSchema(op.body, 'input') } } } : undefined;
    paths[path] ??= {};
    paths[path][op.method] = {
      summary: op.summary,
      tags: [op.tag],
      'x-audience': audienceLabel(op.policy),
      'x-policy': op.policy,
      ...(op.limits ? { 'x-rate-limits': op.limits.map((name) => ({ name, ...RATE_LIMITS[name] })) } : {}),
      parameters: [...params, ...query],
      ...(body ? { requestBody: { required: true, ...body } } : {}),
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

function jsonSchema(schema: ZodType, io: 'input' | 'output'): unknown {
  return z.toJSONSchema(schema, { io, unrepresentable: 'any' });
}

function queryParameters(schema: ZodType) {
  const json = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema: s,
  }));
}
