import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import type { Operation } from '../../shared/api/operation.ts';
import { type OperationId, type Operations, operations } from '../../shared/api/operations.ts';
import type { Policy } from '../../shared/api/policy.ts';
import type { PathParams } from '../../shared/api/routes.ts';
import { emptyBody } from '../../shared/schemas.ts';
import type { UserRecord } from '../store/user-repository.ts';
import { clientAddress } from './client-address.ts';
import type { AppEnv, Deps } from './deps.ts';
import { rateLimited } from './http-error.ts';
import {
  admit,
  assertPolicy,
  type Caller,
  type HeldTicket,
  type ResolvedStore,
  storeFromParam,
  ticketFromToken,
} from './policy-check.ts';
import { readBody, readQuery } from './read-input.ts';

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;
type RoleOnly = 'operator' | 'manager' | 'admin' | 'signed-in';

/** What a handler gets: everything the router checked and parsed, typed from the operation. */
export interface HandlerInput<O extends Operation> {
  c: Context<AppEnv>;
  deps: Deps;
  params: PathParams<O['path']>;
  body: Out<O['body']>;
  query: Out<O['query']>;
  /** The store of the path (or query), resolved and in scope for the caller. */
  store: O['policy'] extends { store: 'path' } ? ResolvedStore : ResolvedStore | undefined;
  caller: Caller & {
    user: O['policy']['allow'][number] extends RoleOnly ? UserRecord : UserRecord | undefined;
    ticket: O['policy']['allow'] extends readonly ['ticket-holder'] ? HeldTicket : HeldTicket | undefined;
  };
}

/** An answer with a status other than the operation's first 2xx (e.g. 201 vs 200 for a repeat). */
export class Reply<T> {
  constructor(
    readonly body: T,
    readonly status: 200 | 201,
  ) {}
}
export const reply = <T>(body: T, status: 200 | 201) => new Reply(body, status);

type Answer<O extends Operation> = z.input<O['response']> | Reply<z.input<O['response']>> | Response;
export type Handler<O extends Operation> = (input: HandlerInput<O>) => Answer<O> | Promise<Answer<O>>;
export type HandlerFor<K extends OperationId> = Handler<Operations[K]>;

/**
 * Registers each operation of the map with its handler. Before the handler runs it resolves the
 * store, enforces the declared policy (404 for an unknown store or ticket, then 401 / 403) and
 * rate limits (429 with `Retry-After`), parses the body and query (400 / 415 / 422), and hands
 * the handler the store and the caller.
 * An operation without a valid policy cannot be registered: that throws at start-up.
 *
 * @example api.register('queue', ({ store, deps }) => queueOf(store, deps));
 */
export class ApiRouter {
  readonly operations: Operation[] = [];
  readonly #app: Hono<AppEnv>;

  constructor(app: Hono<AppEnv>) {
    this.#app = app;
  }

  /** Registers an operation of the map; `before` runs ahead of the policy (e.g. an upload's size limit). */
  register<K extends OperationId>(id: K, handler: HandlerFor<K>, before: MiddlewareHandler<AppEnv>[] = []): void {
    this.add(operations[id], handler as unknown as Handler<Operation>, before, id);
  }

  /** Registers any operation; refuses one whose policy is missing or malformed. */
  add(op: Operation, handler: Handler<Operation>, before: MiddlewareHandler<AppEnv>[] = [], id = op.path): void {
    assertPolicy(op, `operation ${id} (${String(op.method).toUpperCase()} ${op.path})`);
    this.operations.push(op);
    const status = successStatus(op);
    const run = async (c: Context<AppEnv>) => {
      const answer = await handler(await this.#checked(c, op));
      if (answer instanceof Response) return answer;
      if (answer instanceof Reply) return c.json(answer.body, answer.status);
      return c.json(answer, status);
    };
    this.#app.on(op.method.toUpperCase(), op.path, ...([...before, run] as [typeof run]));
  }

  /** Fails start-up when an operation of the map was left without a handler. */
  assertComplete(): void {
    const registered = new Set(this.operations);
    const missing = Object.entries(operations).filter(([, op]) => !registered.has(op));
    if (missing.length > 0) throw new Error(`operations without a handler: ${missing.map(([id]) => id).join(', ')}`);
  }

  async #checked(c: Context<AppEnv>, op: Operation): Promise<HandlerInput<Operation>> {
    const policy: Policy = op.policy;
    const params = c.req.param() as Record<string, string>;
    let query: unknown;
    let store: ResolvedStore | undefined;
    if (policy.store === 'path') store = storeFromParam(c, params.store ?? '');
    if (policy.store === 'query') {
      // The query names the store, so it is read first (422), then the store (404).
      query = op.query ? readQuery(c, op.query) : undefined;
      const named = (query as { store?: string } | undefined)?.store;
      if (named) store = storeFromParam(c, named);
    }
    const ticket = params.token !== undefined ? await ticketFromToken(c, params.token) : undefined;
    const who = { user: c.get('user'), device: c.get('device'), ticket };
    const via = admit(policy, store, who);
    if (op.limits?.length) {
      const deps = c.get('deps');
      const subject = { via, address: clientAddress(c, deps.config.trustProxy), ticketId: ticket?.ticket.id };
      const wait = await deps.limiter.check(op.limits, subject, deps.lines.now());
      if (wait > 0) throw rateLimited(wait);
    }
    let body: unknown;
    if (op.body) body = await readBody(c, op.body);
    else if (op.method !== 'get' && !op.consumes) await readBody(c, emptyBody);
    if (op.query && policy.store !== 'query') query = readQuery(c, op.query);
    return { c, deps: c.get('deps'), params, body, query, store, caller: { via, ...who } } as HandlerInput<Operation>;
  }
}

function successStatus(op: Operation): 200 | 201 {
  const ok = Object.keys(op.responses)
    .map(Number)
    .filter((s) => s >= 200 && s < 300)
    .sort();
  return (ok[0] ?? 200) as 200 | 201;
}
