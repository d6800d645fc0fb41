import { POLICIES, type Policy } from './policy.ts';
import type { RateLimitName } from './rate-limits.ts';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** Where an operation lives and who may call it: the part of the operation map the apps load. */
export interface Route {
  readonly method: Method;
  /** Path under `/api`, Hono style, e.g. `/stores/:store/tickets`. */
  readonly path: string;
  readonly policy: Policy;
  /** Budgets each call spends (see `rate-limits.ts`); the router answers 429 past any of them. */
  readonly limits?: readonly RateLimitName[];
}

const { anyone, anyoneInStore, ticketHolder, signedIn, operatorInStore, managerInStore } = POLICIES;
const counter = <A extends string>(action: A) => `/stores/:store/counters/:counter/${action}` as const;

/**
 * Every operation of the HTTP API by name. It holds no schemas, so the customer apps can route
 * calls without bundling zod; `operations.ts` joins each entry with its schemas and docs.
 */
export const ROUTES = {
  health: { method: 'get', path: '/health', policy: anyone },
  ready: { method: 'get', path: '/ready', policy: anyone },
  openApi: { method: 'get', path: '/openapi.json', policy: anyone },
  login: { method: 'post', path: '/auth/login', policy: anyone },
  logout: { method: 'post', path: '/auth/logout', policy: signedIn },
  me: { method: 'get', path: '/auth/me', policy: signedIn },
  storeConfig: { method: 'get', path: '/stores/:store', policy: anyoneInStore },
  queue: { method: 'get', path: '/stores/:store/queue', policy: anyoneInStore },
  issueTicket: {
    method: 'post',
    path: '/stores/:store/tickets',
    policy: POLICIES.issueTicket,
    limits: ['phoneJoinPerAddress'],
  },
  getTicket: { method: 'get', path: '/tickets/:token', policy: ticketHolder },
  leaveLine: { method: 'delete', path: '/tickets/:token', policy: ticketHolder },
  giveFeedback: {
    method: 'post',
    path: '/tickets/:token/feedback',
    policy: ticketHolder,
    limits: ['feedbackPerAddress', 'feedbackPerTicket'],
  },
  openCounter: { method: 'post', path: counter('open'), policy: operatorInStore },
  pauseCounter: { method: 'post', path: counter('pause'), policy: operatorInStore },
  closeCounter: { method: 'post', path: counter('close'), policy: operatorInStore },
  callNext: { method: 'post', path: counter('call-next'), policy: operatorInStore },
  callTicket: { method: 'post', path: counter('call-ticket'), policy: managerInStore },
  nextCall: { method: 'get', path: counter('next'), policy: operatorInStore },
  recall: { method: 'post', path: counter('recall'), policy: operatorInStore },
  startService: { method: 'post', path: counter('start'), policy: operatorInStore },
  completeService: { method: 'post', path: counter('complete'), policy: operatorInStore },
  noShow: { method: 'post', path: counter('no-show'), policy: operatorInStore },
  transfer: { method: 'post', path: counter('transfer'), policy: operatorInStore },
  startPairing: { method: 'post', path: '/devices/pairing', policy: anyone },
  pollPairing: { method: 'get', path: '/devices/pairing/:pairingId', policy: anyone },
  summaryReport: { method: 'get', path: '/stores/:store/reports/summary', policy: managerInStore },
  ticketsCsv: { method: 'get', path: '/stores/:store/reports/tickets.csv', policy: managerInStore },
  staffing: { method: 'get', path: '/stores/:store/staffing', policy: managerInStore },
  playlist: { method: 'get', path: '/stores/:store/signage/playlist', policy: anyoneInStore },
  currentBroadcast: { method: 'get', path: '/stores/:store/signage/broadcast', policy: anyoneInStore },
  media: { method: 'get', path: '/stores/:store/signage/media/:file', policy: anyoneInStore },
  listStores: { method: 'get', path: '/admin/stores', policy: POLICIES.manager },
  createStore: { method: 'post', path: '/admin/stores', policy: POLICIES.admin },
  getStore: { method: 'get', path: '/admin/stores/:store', policy: managerInStore },
  updateStore: { method: 'patch', path: '/admin/stores/:store', policy: managerInStore },
  createService: { method: 'post', path: '/admin/stores/:store/services', policy: managerInStore },
  updateService: { method: 'patch', path: '/admin/stores/:store/services/:service', policy: managerInStore },
  createCounter: { method: 'post', path: '/admin/stores/:store/counters', policy: managerInStore },
  updateCounter: { method: 'patch', path: '/admin/stores/:store/counters/:counter', policy: managerInStore },
  listUsers: { method: 'get', path: '/admin/users', policy: POLICIES.managerOfQueryStore },
  createUser: { method: 'post', path: '/admin/users', policy: POLICIES.manager },
  updateUser: { method: 'patch', path: '/admin/users/:user', policy: POLICIES.manager },
  listDevices: { method: 'get', path: '/admin/stores/:store/devices', policy: managerInStore },
  pairDevice: { method: 'post', path: '/admin/stores/:store/devices/pair', policy: managerInStore },
  revokeDevice: { method: 'delete', path: '/admin/stores/:store/devices/:device', policy: managerInStore },
  listSignage: { method: 'get', path: '/admin/stores/:store/signage', policy: managerInStore },
  createSignage: { method: 'post', path: '/admin/stores/:store/signage', policy: managerInStore },
  updateSignage: { method: 'patch', path: '/admin/stores/:store/signage/:item', policy: managerInStore },
  deleteSignage: { method: 'delete', path: '/admin/stores/:store/signage/:item', policy: managerInStore },
  uploadMedia: { method: 'post', path: '/admin/stores/:store/signage/media', policy: managerInStore },
  listBroadcasts: { method: 'get', path: '/admin/stores/:store/broadcasts', policy: managerInStore },
  createBroadcast: { method: 'post', path: '/admin/stores/:store/broadcasts', policy: managerInStore },
  endBroadcast: { method: 'delete', path: '/admin/stores/:store/broadcasts/:broadcast', policy: managerInStore },
  auditLog: { method: 'get', path: '/admin/stores/:store/audit', policy: managerInStore },
  listWebhooks: { method: 'get', path: '/admin/stores/:store/webhooks', policy: managerInStore },
  createWebhook: { method: 'post', path: '/admin/stores/:store/webhooks', policy: managerInStore },
  updateWebhook: { method: 'patch', path: '/admin/stores/:store/webhooks/:webhook', policy: managerInStore },
  webhookDeliveries: { method: 'get', path: '/admin/stores/:store/webhooks/deliveries', policy: managerInStore },
  dashboard: { method: 'get', path: '/admin/stores/:store/dashboard', policy: managerInStore },
  myDay: { method: 'get', path: '/stores/:store/my-day', policy: operatorInStore },
} as const satisfies Record<string, Route>;

export type OperationId = keyof typeof ROUTES;

/** `'/stores/:store/counters/:counter/open'` → `'store' | 'counter'` */
export type PathParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;
export type PathParams<P extends string> = { [K in PathParamNames<P>]: string };

/**
 * `/api` + the path with its parameters filled in (encoded).
 * @example routeUrl(ROUTES.callNext, { store: 'demo', counter: 'c1' }) // '/api/stores/demo/counters/c1/call-next'
 */
export function routeUrl(route: Route, params: Record<string, string>): string {
  return `/api${route.path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${route.path}`);
    return encodeURIComponent(value);
  })}`;
}
