import type { Context } from 'hono';
import { AUDIENCES, type Audience, type Policy } from '../../shared/api/policy.ts';
import type { Route } from '../../shared/api/routes.ts';
import { hasRole, roleAtLeast } from '../auth/roles.ts';
import type { StoreState, Ticket } from '../engine/state.ts';
import type { DeviceDto } from '../store/device-repository.ts';
import type { UserRecord } from '../store/user-repository.ts';
import type { AppEnv } from './deps.ts';
import { HttpError } from './http-error.ts';

/** The store an operation is about, resolved from its path or query: id and live state. */
export interface ResolvedStore {
  id: string;
  state: StoreState;
}

/** The ticket whose token is in the path, as the live line knows it (or as stored, once it left). */
export interface HeldTicket {
  storeId: string;
  ticket: Ticket;
  state: StoreState;
}

/** Who is calling, and which entry of the policy let them in. */
export interface Caller {
  via: Audience;
  user: UserRecord | undefined;
  device: DeviceDto | undefined;
  ticket: HeldTicket | undefined;
}

const ROLES = new Set<Audience>(['operator', 'manager', 'admin']);

/** A policy the router can enforce, or an error naming the operation: thrown at start-up. */
export function assertPolicy(route: Route, where: string): void {
  const policy = route.policy as Policy | undefined;
  if (!policy || !Array.isArray(policy.allow) || policy.allow.length === 0)
    throw new Error(`${where} has no policy: every operation must declare who may call it`);
  const unknown = policy.allow.find((a) => !AUDIENCES.includes(a));
  if (unknown) throw new Error(`${where}: unknown audience "${unknown}"`);
  if (policy.store === 'path' && !route.path.includes(':store'))
    throw new Error(`${where}: a store-scoped policy needs a :store path parameter`);
  if (policy.allow.includes('ticket-holder') && !route.path.includes(':token'))
    throw new Error(`${where}: a ticket-holder policy needs a :token path parameter`);
  if (!policy.store && policy.allow.some((a) => a === 'kiosk' || a === 'signage' || a === 'phone-join'))
    throw new Error(`${where}: device and phone-join audiences need a store scope`);
}

/** The store named by the path's `:store` (id or slug), or 404. */
export function storeFromParam(c: Context<AppEnv>, idOrSlug: string): ResolvedStore {
  const lines = c.get('deps').lines;
  const id = lines.resolveStore(idOrSlug);
  const state = id ? lines.state(id) : undefined;
  if (!id || !state) throw new HttpError(404, 'unknown_store', 'No such store.');
  return { id, state };
}

/** The ticket behind a token, or 404 (a wrong token looks exactly like an unknown one). */
export async function ticketFromToken(c: Context<AppEnv>, token: string): Promise<HeldTicket> {
  const { lines } = c.get('deps');
  if (token.length < 16 || token.length > 100) throw new HttpError(404, 'unknown_ticket', 'No such ticket.');
  const found = await lines.repository.findTicketByToken(token);
  const state = found && lines.state(found.storeId);
  if (!found || !state) throw new HttpError(404, 'unknown_ticket', 'No such ticket.');
  return { storeId: found.storeId, ticket: state.tickets[found.ticket.id] ?? found.ticket, state };
}

/** The first audience of the policy the caller belongs to, or the refusal (401 / 403). */
export function admit(policy: Policy, store: ResolvedStore | undefined, who: Omit<Caller, 'via'>): Audience {
  const { user, device } = who;
  const inStore = (d: DeviceDto | undefined) => !!d && (!store || d.storeId === store.id);
  for (const audience of policy.allow) {
    switch (audience) {
      case 'anyone':
        return audience;
      case 'ticket-holder':
        if (who.ticket) return audience;
        break;
      case 'kiosk':
      case 'signage':
        if (inStore(device) && device?.kind === audience) return audience;
        break;
      case 'phone-join':
        if (store?.state.settings.allowPhoneJoin) return audience;
        break;
      case 'signed-in':
        if (user) return audience;
        break;
      default:
        if (store ? hasRole(user, audience, store.id) : user && roleAtLeast(user.role, audience)) return audience;
    }
  }
  if (policy.refusal) throw new HttpError(401, policy.refusal.code, policy.refusal.message);
  if (!user) throw new HttpError(401, 'not_signed_in', 'Sign in first.');
  const role = policy.allow.find((a) => ROLES.has(a)) as 'operator' | 'manager' | 'admin' | undefined;
  if (role && !roleAtLeast(user.role, role)) throw new HttpError(403, 'forbidden', `This needs the ${role} role.`);
  throw new HttpError(403, 'forbidden', 'You do not work in this store.');
}
