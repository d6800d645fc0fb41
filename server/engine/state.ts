import type { CounterStatus, Language, LocalizedText, TicketStatus } from '../../shared/domain.ts';

/** Epoch milliseconds. The engine never reads a clock: every command comes with `now`. */
export type Millis = number;

export interface StoreSettings {
  id: string;
  slug: string;
  /** The name in the store's first language, and wherever no per-language name is given. */
  name: string;
  /** The name in each language the customer may choose; absent: `name` in every language. */
  nameByLanguage?: LocalizedText;
  /** false once an admin deactivated the store: it takes no tickets. Absent means active. */
  active?: boolean;
  /** IANA time zone; ticket numbers reset at local midnight there. */
  timeZone: string;
  languages: Language[];
  /** Share of customers to call within this many seconds (the service-level target). */
  serviceLevelTargetSec: number;
  /** Goal for the service level, 0–1 (e.g. 0.8 = 80% called within the target). */
  serviceLevelGoal: number;
  /**
   * At most this many priority calls in a row while normal tickets wait for the same counter.
   * 0 means priority tickets get no precedence (plain order of joining).
   */
  priorityRatio: number;
  allowPhoneJoin: boolean;
  /**
   * The address phones reach this store at (QR codes, links), e.g. "https://queue.shop.example";
   * absent or null: the server's `PUBLIC_URL`, else the address the kiosk page was opened with.
   */
  publicUrl?: string | null;
  /** When set, a called ticket becomes a no-show after `graceSec` once `maxRecalls` recalls are used. */
  autoNoShow: { graceSec: number; maxRecalls: number } | null;
  /** Opening hours per ISO weekday (1 = Monday … 7 = Sunday), local "HH:MM". */
  openingHours: Partial<Record<1 | 2 | 3 | 4 | 5 | 6 | 7, { open: string; close: string }>>;
}

export interface Service {
  id: string;
  /** Ticket number prefix, e.g. "A". */
  code: string;
  name: LocalizedText;
  sortOrder: number;
  active: boolean;
}

export interface Counter {
  id: string;
  name: string;
  serviceIds: string[];
  status: CounterStatus;
  statusSince: Millis;
  pauseReason: string | null;
  /** Operator signed in at this counter (user id), for per-operator figures. */
  operatorId: string | null;
  currentTicketId: string | null;
  active: boolean;
}

export interface Ticket {
  id: string;
  token: string;
  /** Printed number: service code + per-day sequence, e.g. "A042". */
  number: string;
  serviceId: string;
  priority: boolean;
  language: Language;
  status: TicketStatus;
  /** Local date (YYYY-MM-DD, store time zone) the number belongs to. */
  day: string;
  issuedAt: Millis;
  /** Place in time in the line; kept across transfers. */
  joinedAt: Millis;
  /** First call ever (for the wait measure); `calledAt` is the latest call. */
  firstCalledAt: Millis | null;
  calledAt: Millis | null;
  startedAt: Millis | null;
  /** When the ticket ended: served (done), marked a no-show, or left the line (cancelled). */
  doneAt: Millis | null;
  counterId: string | null;
  operatorId: string | null;
  recalls: number;
  transfers: number;
  source: TicketSource;
  idempotencyKey: string | null;
  feedbackGiven: boolean;
}

export type TicketSource = 'kiosk' | 'phone' | 'staff';

/**
 * Everything the engine knows about one store. Terminal tickets (done, no-show, cancelled)
 * stay until the store's day changes, so feedback and "where did my ticket go" still work.
 */
export interface StoreState {
  settings: StoreSettings;
  services: Record<string, Service>;
  counters: Record<string, Counter>;
  tickets: Record<string, Ticket>;
  /** Local day the numbering belongs to, and the last number used per service code that day. */
  numbering: { day: string; lastByCode: Record<string, number> };
  /**
   * Per counter id: priority calls that counter made in a row while a normal ticket it could serve
   * was waiting (see `priorityRatio`). A missing record or entry means 0, so states built before
   * this field existed stay valid.
   */
  priorityStreaks: Record<string, number>;
}
