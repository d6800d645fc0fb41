/**
 * Who may call an operation. The router checks the policy before the handler runs; OpenAPI shows
 * it as `x-policy` (and the older one-word `x-audience`).
 */
export const AUDIENCES = [
  /** Everyone, signed in or not. */
  'anyone',
  /** Whoever knows the ticket's token (the `:token` path parameter). */
  'ticket-holder',
  /** A paired kiosk of the store (device bearer token). */
  'kiosk',
  /** A paired signage screen of the store (device bearer token). */
  'signage',
  /** Anyone at all, when the store's settings allow joining the line from phones. */
  'phone-join',
  /** Any signed-in staff account. */
  'signed-in',
  /** Operators, managers and admins; with a store scope, of that store (admins: every store). */
  'operator',
  /** Managers and admins; with a store scope, of that store (admins: every store). */
  'manager',
  'admin',
] as const;
export type Audience = (typeof AUDIENCES)[number];

export interface Policy {
  /** The caller must be any one of these. */
  readonly allow: readonly Audience[];
  /**
   * Where the store the call is about comes from: the `:store` path parameter, or an optional
   * `?store=` query. The router resolves it (404 when unknown) and scopes roles and devices to it.
   */
  readonly store?: 'path' | 'query';
  /** The refusal when nobody in `allow` matches and the caller is not signed in (default: sign in first). */
  readonly refusal?: { readonly code: string; readonly message: string };
}

/** The policies Linecast uses; `InStore` ones are scoped to the `:store` of the path. */
export const POLICIES = {
  anyone: { allow: ['anyone'] },
  anyoneInStore: { allow: ['anyone'], store: 'path' },
  ticketHolder: { allow: ['ticket-holder'] },
  signedIn: { allow: ['signed-in'] },
  operatorInStore: { allow: ['operator'], store: 'path' },
  managerInStore: { allow: ['manager'], store: 'path' },
  /** A manager of the `?store=` named (or of any store when none is named); admins everywhere. */
  managerOfQueryStore: { allow: ['manager'], store: 'query' },
  /** Any manager; what they may touch inside is the handler's data rule (e.g. their own stores). */
  manager: { allow: ['manager'] },
  admin: { allow: ['admin'] },
  issueTicket: {
    allow: ['kiosk', 'operator', 'phone-join'],
    store: 'path',
    refusal: { code: 'device_not_paired', message: 'This store takes tickets only from its paired kiosks and staff.' },
  },
} as const satisfies Record<string, Policy>;

/** The one-word audience the first OpenAPI document used, kept so its readers keep working. */
export function audienceLabel(p: Policy): string {
  if (p.allow.includes('kiosk')) return 'device-or-staff';
  if (p.allow.includes('ticket-holder')) return 'holder';
  return p.allow[0] ?? 'nobody';
}
