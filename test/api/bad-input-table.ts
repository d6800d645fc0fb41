/**
 * What a *valid* request to each operation looks like, so every bad-input case changes exactly
 * one thing; plus the inputs naming things that do not exist. Keys are `METHOD /api/path` as in
 * `GET /api/openapi.json`. Every operation of the document must be listed here, or carry `none`
 * with the reason no bad input applies.
 */
export interface RouteEntry {
  /** No bad input applies (no path parameters, query or body, anyone may call it). */
  none?: string;
  /** Path parameters different from the defaults (see `Fixtures`). */
  params?: Record<string, string>;
  /** A body the operation would accept. */
  body?: unknown;
  /** A query the operation would accept. */
  query?: Record<string, string>;
  /** Requests naming something that does not exist (in the body or query), with their status. */
  unknown?: Array<{ body?: unknown; query?: Record<string, string>; status: number }>;
  /** Status for a JSON body over 1 MiB, when the operation is not a JSON one (raw uploads). */
  oversized?: number;
  /** Other bad requests specific to this operation. */
  extra?: Array<{ label: string; body: string; contentType: string; status: number }>;
}

/** Things the setup created, used as the valid path parameters. */
export interface Fixtures {
  waitingTicketId: string;
  operatorUserId: string;
  /** The code a device is showing right now (pairing pending). */
  pendingCode: string;
}

const RANGE = { from: '2024-03-01', to: '2024-03-07' };

export function routeTable(f: Fixtures): Record<string, RouteEntry> {
  return {
    'GET /api/health': { none: 'takes no input and anyone may call it' },
    'GET /api/ready': { none: 'takes no input and anyone may call it' },
    'GET /api/openapi.json': { none: 'takes no input and anyone may call it' },
    'POST /api/auth/login': {
      body: { username: 'admin', password: 'not-the-password' },
      unknown: [{ body: { username: 'nobody-here', password: 'whatever-it-is' }, status: 401 }],
    },
    'POST /api/auth/logout': {},
    'GET /api/auth/me': {},
    'GET /api/stores/{store}': {},
    'GET /api/stores/{store}/queue': {},
    'POST /api/stores/{store}/tickets': {
      body: { serviceId: 'pickup', priority: false, language: 'en', idempotencyKey: 'bad-input-key-1' },
      unknown: [{ body: { serviceId: 'no-such-service' }, status: 404 }],
    },
    'GET /api/tickets/{token}': {},
    'DELETE /api/tickets/{token}': {},
    // The waiting ticket is not served yet: a valid rating still gets 409, never a write.
    'POST /api/tickets/{token}/feedback': { body: { csat: 5, nps: 10, ces: 1, comment: 'great' } },
    'POST /api/stores/{store}/counters/{counter}/open': { params: { counter: 'c3' } },
    'POST /api/stores/{store}/counters/{counter}/pause': { params: { counter: 'c2' }, body: { reason: 'lunch break' } },
    'POST /api/stores/{store}/counters/{counter}/close': { params: { counter: 'c2' } },
    'POST /api/stores/{store}/counters/{counter}/call-next': {},
    'GET /api/stores/{store}/counters/{counter}/next': {},
    'POST /api/stores/{store}/counters/{counter}/call-ticket': {
      params: { counter: 'c2' },
      body: { ticketId: f.waitingTicketId, reason: 'needs assistance' },
      unknown: [{ body: { ticketId: 'no-such-ticket', reason: 'needs assistance' }, status: 404 }],
    },
    'POST /api/stores/{store}/counters/{counter}/recall': {},
    'POST /api/stores/{store}/counters/{counter}/start': {},
    'POST /api/stores/{store}/counters/{counter}/complete': {},
    'POST /api/stores/{store}/counters/{counter}/no-show': {},
    'POST /api/stores/{store}/counters/{counter}/transfer': {
      body: { serviceId: 'returns' },
      unknown: [{ body: { serviceId: 'no-such-service' }, status: 404 }],
    },
    'POST /api/devices/pairing': {
      body: { store: 'demo', kind: 'kiosk' },
      unknown: [{ body: { store: 'no-such-store', kind: 'kiosk' }, status: 404 }],
    },
    'GET /api/devices/pairing/{pairingId}': {},
    'GET /api/stores/{store}/reports/summary': { query: RANGE },
    'GET /api/stores/{store}/reports/tickets.csv': { query: RANGE },
    'GET /api/stores/{store}/staffing': { query: { date: '2024-03-01' } },
    'GET /api/stores/{store}/signage/playlist': {},
    'GET /api/stores/{store}/signage/broadcast': {},
    'GET /api/stores/{store}/signage/media/{file}': {},
    'GET /api/stores/{store}/my-day': {},
    'GET /api/admin/stores': {},
    'POST /api/admin/stores': { body: { slug: 'second-store', name: 'Second Store', timeZone: 'Europe/Paris' } },
    'GET /api/admin/stores/{store}': {},
    'PATCH /api/admin/stores/{store}': { body: { name: 'Renamed Store', priorityRatio: 3 } },
    'POST /api/admin/stores/{store}/services': {
      body: { id: 'repairs', code: 'D', name: { en: 'Repairs' } },
    },
    'PATCH /api/admin/stores/{store}/services/{service}': { body: { name: { en: 'Collect' } } },
    'POST /api/admin/stores/{store}/counters': {
      body: { id: 'c9', name: 'Counter 9', serviceIds: ['pickup'] },
      unknown: [{ body: { id: 'c9', name: 'Counter 9', serviceIds: ['no-such-service'] }, status: 404 }],
    },
    'PATCH /api/admin/stores/{store}/counters/{counter}': {
      params: { counter: 'c3' },
      body: { name: 'Counter Three' },
    },
    'GET /api/admin/users': { query: { store: 'demo' }, unknown: [{ query: { store: 'no-such-store' }, status: 404 }] },
    'POST /api/admin/users': {
      body: { username: 'new-operator', password: 'long-enough-password', role: 'operator', storeIds: ['demo'] },
      unknown: [
        {
          body: {
            username: 'new-operator',
            password: 'long-enough-password',
            role: 'operator',
            storeIds: ['no-such-store'],
          },
          status: 422,
        },
      ],
    },
    'PATCH /api/admin/users/{user}': { params: { user: f.operatorUserId }, body: { active: false } },
    'GET /api/admin/stores/{store}/devices': {},
    'POST /api/admin/stores/{store}/devices/pair': {
      body: { code: f.pendingCode, name: 'Entrance kiosk' },
      unknown: [
        { body: { code: f.pendingCode === '000000' ? '000001' : '000000', name: 'Entrance kiosk' }, status: 404 },
      ],
    },
    'DELETE /api/admin/stores/{store}/devices/{device}': {},
    'GET /api/admin/stores/{store}/signage': {},
    'POST /api/admin/stores/{store}/signage': { body: { kind: 'text', text: 'Welcome', durationSec: 8 } },
    'PATCH /api/admin/stores/{store}/signage/{item}': { body: { durationSec: 12 } },
    'DELETE /api/admin/stores/{store}/signage/{item}': {},
    'POST /api/admin/stores/{store}/signage/media': {
      // Raw media up to 50 MiB: a JSON body, however large, is refused for its type.
      oversized: 415,
      extra: [
        {
          label: 'a file of a type screens cannot show',
          body: '%PDF-1.4',
          contentType: 'application/pdf',
          status: 415,
        },
        { label: 'an empty file', body: '', contentType: 'image/png', status: 422 },
      ],
    },
    'GET /api/admin/stores/{store}/broadcasts': {},
    'POST /api/admin/stores/{store}/broadcasts': { body: { message: 'Store closes in 15 minutes', durationMin: 5 } },
    'DELETE /api/admin/stores/{store}/broadcasts/{broadcast}': {},
    'GET /api/admin/stores/{store}/audit': { query: { limit: '10' } },
    'GET /api/admin/stores/{store}/dashboard': { query: { day: '2024-03-01' } },
    'GET /api/admin/stores/{store}/webhooks': {},
    'POST /api/admin/stores/{store}/webhooks': {
      body: { url: 'https://hooks.example/linecast', events: ['ticket:called'] },
      extra: [
        {
          label: 'not an http address',
          body: JSON.stringify({ url: 'ftp://hooks.example/x' }),
          contentType: 'application/json',
          status: 422,
        },
      ],
    },
    'PATCH /api/admin/stores/{store}/webhooks/{webhook}': {
      body: { active: false },
      params: { webhook: 'no-such-webhook' },
    },
    'GET /api/admin/stores/{store}/webhooks/deliveries': { query: { limit: '10' } },
  };
}
