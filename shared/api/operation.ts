import type { ZodType, z } from 'zod';
import type { OperationId, Route } from './routes.ts';
import { ROUTES } from './routes.ts';

/** What an operation documents beside its route: inputs, the answer's schema, descriptions. */
export interface OperationDocs {
  readonly summary: string;
  readonly tag: string;
  /** JSON body; operations without one refuse a body with fields. */
  readonly body?: ZodType;
  readonly query?: ZodType;
  /** The body of every 2xx answer (for `produces` media, what the text is). */
  readonly response: ZodType;
  /** Status → description, for OpenAPI. */
  readonly responses: Readonly<Record<number, string>>;
  /** Media type of a successful answer when it is not JSON (CSV, a media file). */
  readonly produces?: string;
  /** Media types of a raw (non-JSON) request body, e.g. an upload. */
  readonly consumes?: readonly string[];
}

export type Operation = Route & OperationDocs;

type Docs = { readonly [K in OperationId]: OperationDocs };

/** Joins each route with its docs; a route without docs, or docs without a route, is a type error. */
export function defineOperations<D extends Docs>(docs: D & Record<Exclude<keyof D, OperationId>, never>) {
  const joined = {} as { [K in OperationId]: (typeof ROUTES)[K] & D[K] };
  for (const id of Object.keys(ROUTES) as OperationId[]) {
    (joined as Record<OperationId, Operation>)[id] = Object.freeze({ ...ROUTES[id], ...docs[id] });
  }
  return Object.freeze(joined);
}

/** The types one operation takes and gives, inferred from its schemas. */
export type BodyOf<O> = O extends { body: infer B extends ZodType } ? z.input<B> : undefined;
export type QueryOf<O> = O extends { query: infer Q extends ZodType } ? z.input<Q> : undefined;
export type ResponseOf<O> = O extends { response: infer R extends ZodType } ? z.output<R> : never;
