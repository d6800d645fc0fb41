import type { WaitRange } from '../../../shared/domain.ts';
import { isoWeekday, zonedTime } from '../../../shared/time.ts';
import type { Command } from '../../engine/commands.ts';
import type { EngineEvent } from '../../engine/events.ts';
import { createQueueRunner } from '../../engine/queue-runner.ts';
import type { StoreState } from '../../engine/state.ts';
import { countAhead, snapshotFromState } from '../prediction/snapshot.ts';
import { exponential, hashSeed, poisson, type Rng, rng } from '../prng.ts';
import { EventQueue } from './event-queue.ts';
import { seededId } from './ids.ts';
import type { Profile } from './profile.ts';
import { sampleServiceSec } from './service-time.ts';
import type { TruthRow } from './truth.ts';

/** Called right after each ticket is issued: what each predictor says about its wait. */
export type PredictHook = (state: StoreState, ticketId: string, now: number) => Record<string, WaitRange>;

export interface DayOptions {
  /** Local date "YYYY-MM-DD". */
  date: string;
  seed: number;
  predict?: PredictHook;
  /** Counters to staff per 15-minute slot from opening (first N counters of the profile), replacing schedules. */
  staffing?: number[];
  /** Record the truth per ticket (tickets ahead, predictions); false skips that work (bulk history). */
  truth?: boolean;
}

export interface DayResult {
  events: EngineEvent[];
  state: StoreState;
  truth: TruthRow[];
}

type Action =
  | { kind: 'arrive'; serviceId: string; priority: boolean }
  | { kind: 'open' | 'close'; counterId: string }
  | { kind: 'start' | 'complete' | 'noshow'; counterId: string; ticketId: string }
  | { kind: 'patience'; ticketId: string }
  | { kind: 'slot'; index: number };

const SLOT_MS = 15 * 60_000;

/**
 * One store day through the real engine on a virtual clock: Poisson arrivals per 15-minute
 * slot, counters opening and closing, calls, walk-up, no-shows, service, customers leaving
 * after their patience. Same state, profile and seed → same events.
 */
export function simulateDay(initial: StoreState, profile: Profile, opts: DayOptions): DayResult {
  // The runner updates one private copy in place: copying a day's tickets per command would
  // make a simulated month take minutes.
  const runner = createQueueRunner(initial);
  const state = runner.state;
  const events: EngineEvent[] = [];
  const r: Rng = rng(hashSeed(opts.seed, Date.parse(`${opts.date}T00:00:00Z`)));
  const q = new EventQueue<Action>();
  const openAt = zonedTime(opts.date, profile.open, profile.timeZone);
  const closeAt = zonedTime(opts.date, profile.close, profile.timeZone);
  const factor = profile.weekdayFactor[String(isoWeekday(opts.date))] ?? 1;
  const predictions = new Map<string, { ahead: number; predictions: Record<string, WaitRange> }>();
  const leftAt = new Map<string, number>();
  const releasedAt = new Map<string, number>();
  const pendingClose = new Set<string>();

  const run = (command: Command, now: number): EngineEvent[] | null => {
    const res = runner.execute(command, now);
    if (!res.ok) return null;
    events.push(...res.events);
    return res.events;
  };

  for (const s of profile.services) {
    for (let slot = 0; openAt + slot * SLOT_MS < closeAt; slot++) {
      const rate = (s.arrivalsPer15Min[slot] ?? s.arrivalsPer15Min[s.arrivalsPer15Min.length - 1] ?? 0) * factor;
      const from = openAt + slot * SLOT_MS;
      const span = Math.min(SLOT_MS, closeAt - from);
      const count = poisson(r, (rate * span) / SLOT_MS);
      for (let i = 0; i < count; i++) {
        q.push(from + Math.floor(r() * span), { kind: 'arrive', serviceId: s.id, priority: r() < s.priorityShare });
      }
    }
  }
  if (opts.staffing) {
    for (let i = 0; i < opts.staffing.length; i++) q.push(openAt + i * SLOT_MS, { kind: 'slot', index: i });
    q.push(closeAt, { kind: 'slot', index: opts.staffing.length });
  } else {
    for (const c of profile.counters) {
      for (const w of c.schedule) {
        q.push(zonedTime(opts.date, w.from, profile.timeZone), { kind: 'open', counterId: c.id });
        q.push(zonedTime(opts.date, w.to, profile.timeZone), { kind: 'close', counterId: c.id });
      }
    }
  }

  const waitingCount = () => Object.values(state.tickets).filter((t) => t.status === 'waiting').length;

  const close = (counterId: string, now: number): void => {
    const c = state.counters[counterId];
    if (!c || c.status === 'closed') return;
    // Finish the customer at the counter first; after hours, stay until the line is empty.
    if (c.currentTicketId !== null || (now >= closeAt && waitingCount() > 0)) pendingClose.add(counterId);
    else {
      pendingClose.delete(counterId);
      run({ type: 'close_counter', counterId }, now);
    }
  };

  const dispatch = (now: number): void => {
    for (const c of profile.counters) {
      const counter = state.counters[c.id];
      if (counter?.status !== 'open' || counter.currentTicketId !== null) continue;
      if (pendingClose.has(c.id)) {
        close(c.id, now);
        continue;
      }
      const called = run({ type: 'call_next', counterId: c.id }, now)?.find((e) => e.type === 'ticket:called');
      if (called?.type !== 'ticket:called') continue;
      const ticket = state.tickets[called.ticketId]!;
      if (r() < profile.noShowShare) {
        q.push(now + profile.noShowAfterSec * 1000, { kind: 'noshow', counterId: c.id, ticketId: ticket.id });
      } else {
        const start = now + Math.round(profile.walkUpSec * 1000 * (0.5 + r()));
        const svc = profile.services.find((s) => s.id === ticket.serviceId)!;
        q.push(start, { kind: 'start', counterId: c.id, ticketId: ticket.id });
        q.push(start + Math.round(sampleServiceSec(svc.serviceTime, r) * 1000), {
          kind: 'complete',
          counterId: c.id,
          ticketId: ticket.id,
        });
      }
    }
  };

  for (let guard = 0; q.size > 0 && guard < 1_000_000; guard++) {
    const { at, item: a } = q.pop()!;
    switch (a.kind) {
      case 'arrive': {
        const ticketId = seededId(r);
        const issued = run(
          {
            type: 'issue_ticket',
            ticketId,
            token: seededId(r),
            serviceId: a.serviceId,
            priority: a.priority,
            language: 'en',
            source: 'kiosk',
            idempotencyKey: null,
          },
          at,
        );
        if (!issued) break;
        // Counting the tickets ahead scans the line: skipped when nobody reads the truth.
        if (opts.truth !== false) {
          const ticket = state.tickets[ticketId]!;
          const snap = snapshotFromState(state, at);
          predictions.set(ticketId, {
            ahead: countAhead(snap, {
              id: ticketId,
              serviceId: a.serviceId,
              priority: a.priority,
              joinedAt: ticket.joinedAt,
            }),
            predictions: opts.predict ? opts.predict(state, ticketId, at) : {},
          });
        }
        if (profile.meanPatienceSec !== null) {
          q.push(at + Math.round(exponential(r, 1 / profile.meanPatienceSec) * 1000), { kind: 'patience', ticketId });
        }
        break;
      }
      case 'patience':
        if (state.tickets[a.ticketId]?.status === 'waiting' && run({ type: 'cancel', ticketId: a.ticketId }, at)) {
          leftAt.set(a.ticketId, at);
        }
        break;
      case 'open':
        pendingClose.delete(a.counterId);
        if (state.counters[a.counterId]?.status !== 'open')
          run({ type: 'open_counter', counterId: a.counterId, operatorId: null }, at);
        break;
      case 'close':
        close(a.counterId, at);
        break;
      case 'slot': {
        const want = opts.staffing?.[a.index] ?? 0;
        profile.counters.forEach((c, i) => {
          if (i < want) {
            pendingClose.delete(c.id);
            if (state.counters[c.id]?.status !== 'open')
              run({ type: 'open_counter', counterId: c.id, operatorId: null }, at);
          } else close(c.id, at);
        });
        break;
      }
      case 'start':
        run({ type: 'start_service', counterId: a.counterId }, at);
        break;
      case 'complete':
        if (run({ type: 'complete', counterId: a.counterId }, at)) releasedAt.set(a.ticketId, at);
        break;
      case 'noshow':
        if (run({ type: 'no_show', counterId: a.counterId }, at)) releasedAt.set(a.ticketId, at);
        break;
    }
    dispatch(at);
    // Counters held open after hours close as soon as the line is empty.
    if (q.size === 0) for (const id of [...pendingClose]) close(id, at);
  }

  const truth: TruthRow[] = [];
  for (const t of Object.values(state.tickets)) {
    const p = predictions.get(t.id);
    if (!p || t.day !== state.numbering.day) continue;
    truth.push({
      id: t.id,
      day: t.day,
      number: t.number,
      serviceId: t.serviceId,
      priority: t.priority,
      status: t.status,
      issuedAt: t.joinedAt,
      calledAt: t.firstCalledAt,
      doneAt: releasedAt.get(t.id) ?? t.doneAt,
      leftAt: leftAt.get(t.id) ?? null,
      counterId: t.counterId,
      waitSec: t.firstCalledAt === null ? null : (t.firstCalledAt - t.joinedAt) / 1000,
      ahead: p.ahead,
      predictions: p.predictions,
    });
  }
  truth.sort((a, b) => a.issuedAt - b.issuedAt);
  return { events, state, truth };
}
