import type { Generated } from 'kysely';

/**
 * The database as kysely sees it. Times are epoch milliseconds (integers) so reports can do
 * arithmetic in SQL; local day and hour are written at issue time because SQLite has no time zones.
 */
export interface Database {
  stores: StoresTable;
  services: ServicesTable;
  counters: CountersTable;
  tickets: TicketsTable;
  service_segments: ServiceSegmentsTable;
  feedback: FeedbackTable;
  events: EventsTable;
  users: UsersTable;
  user_stores: UserStoresTable;
  sessions: SessionsTable;
  devices: DevicesTable;
  pairings: PairingsTable;
  signage_items: SignageItemsTable;
  broadcasts: BroadcastsTable;
  audit_log: AuditLogTable;
  report_day_marks: ReportDayMarksTable;
  report_day_facts: ReportDayFactsTable;
  login_failures: LoginFailuresTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  media: MediaTable;
}

export interface MediaTable {
  store_id: string;
  file: string;
  content_type: string;
  bytes: Uint8Array;
  created_at: number;
}

export interface StoresTable {
  id: string;
  slug: string;
  name: string;
  time_zone: string;
  /** StoreSettings as JSON (the engine's view). */
  settings_json: string;
  /** Engine bookkeeping that is not a projection of one row: numbering and priority streak. */
  runtime_json: string;
  last_seq: number;
  created_at: number;
}

export interface ServicesTable {
  store_id: string;
  id: string;
  code: string;
  name_json: string;
  sort_order: number;
  active: number;
}

export interface CountersTable {
  store_id: string;
  id: string;
  name: string;
  service_ids_json: string;
  status: string;
  status_since: number;
  pause_reason: string | null;
  operator_id: string | null;
  current_ticket_id: string | null;
  active: number;
}

export interface TicketsTable {
  id: string;
  store_id: string;
  token: string;
  number: string;
  service_id: string;
  priority: number;
  language: string;
  status: string;
  day: string;
  /** Local hour (0–23, store time zone) of issue, for per-hour reports. */
  hour: number;
  issued_at: number;
  joined_at: number;
  first_called_at: number | null;
  called_at: number | null;
  started_at: number | null;
  done_at: number | null;
  counter_id: string | null;
  operator_id: string | null;
  recalls: number;
  transfers: number;
  source: string;
  idempotency_key: string | null;
  feedback_given: number;
}

/** One stretch of a ticket at one counter: from a call until done, no-show or transfer. */
export interface ServiceSegmentsTable {
  id: Generated<number>;
  store_id: string;
  ticket_id: string;
  service_id: string;
  counter_id: string;
  operator_id: string | null;
  day: string;
  hour: number;
  called_at: number;
  started_at: number | null;
  ended_at: number | null;
  outcome: 'done' | 'no_show' | 'transferred' | null;
}

export interface FeedbackTable {
  ticket_id: string;
  store_id: string;
  day: string;
  csat: number | null;
  nps: number | null;
  ces: number | null;
  comment: string | null;
  created_at: number;
}

export interface EventsTable {
  store_id: string;
  seq: number;
  type: string;
  at: number;
  payload_json: string;
}

export interface UsersTable {
  id: string;
  username: string;
  password_hash: string;
  role: string;
  active: number;
  created_at: number;
}

export interface UserStoresTable {
  user_id: string;
  store_id: string;
}

export interface SessionsTable {
  /** SHA-256 of the cookie value: a stolen database does not yield live sessions. */
  id_hash: string;
  user_id: string;
  created_at: number;
  expires_at: number;
  last_seen_at: number;
}

export interface DevicesTable {
  id: string;
  store_id: string;
  kind: string;
  name: string;
  token_hash: string;
  created_at: number;
  revoked_at: number | null;
  last_seen_at: number | null;
  last_rendered_at: number | null;
  last_ticket_shown: string | null;
  layout: string | null;
}

export interface PairingsTable {
  id: string;
  store_id: string;
  kind: string;
  code: string;
  created_at: number;
  expires_at: number;
  device_id: string | null;
  /** Handed to the device once, then cleared. */
  device_token: string | null;
}

export interface SignageItemsTable {
  id: string;
  store_id: string;
  kind: string;
  url: string | null;
  text_json: string | null;
  duration_sec: number;
  windows_json: string;
  sort_order: number;
  active: number;
  created_at: number;
}

export interface BroadcastsTable {
  id: string;
  store_id: string;
  message: string;
  /** The message per language (`{ en, 'zh-Hans'? }`) when given so; null: `message` in every language. */
  message_json: string | null;
  created_by: string | null;
  created_at: number;
  expires_at: number;
}

export interface AuditLogTable {
  id: Generated<number>;
  store_id: string | null;
  actor_id: string | null;
  action: string;
  details_json: string;
  at: number;
}

/** The store's `seq` of the last change to what a local day's report figures read (migration 003). */
export interface ReportDayMarksTable {
  store_id: string;
  day: string;
  seq: number;
}

/** The kept facts of a closed day, computed at the day's mark `seq` (migration 009). */
export interface ReportDayFactsTable {
  store_id: string;
  day: string;
  seq: number;
  basis: string;
  facts_json: string;
}

export interface LoginFailuresTable {
  key: string;
  failures: number;
  last_failure_at: number;
}

export interface WebhooksTable {
  id: string;
  store_id: string;
  url: string;
  secret: string;
  events_json: string;
  active: number;
  created_at: number;
}

export interface WebhookDeliveriesTable {
  id: string;
  webhook_id: string;
  store_id: string;
  event_type: string;
  seq: number;
  body: string;
  status: string;
  attempts: number;
  next_attempt_at: number | null;
  last_status_code: number | null;
  last_error: string | null;
  created_at: number;
  delivered_at: number | null;
}
