import type { CounterTime } from './counter-time.ts';
import type { DayFacts } from './day-facts.ts';
import { count, feedbackFigures, seconds, share } from './figures.ts';
import type { StaffMeasures } from './measures.ts';
import { addInto, asFeedbackAggregates, NO_FEEDBACK_SUMS, STAFF_KEYS, type Sums, zeros } from './sums.ts';
import { mean } from './ticket-measures.ts';

export type StaffGrouping = 'counter' | 'operator';

type StaffSums = Sums<(typeof STAFF_KEYS)[number]>;

/**
 * Per counter or operator: the service segments called on the range's days (the work done in
 * the range), and the open/busy time from `counterTime`. Feedback and first-contact resolution
 * belong to the counter and operator that finished the ticket (its `done` segment); a wait to
 * the one that called the ticket first. The map's key is the id, or '' for "no operator".
 */
export function staffMeasures(
  days: ReadonlyMap<string, DayFacts>,
  grouping: StaffGrouping,
  times: CounterTime[],
): Map<string, StaffMeasures> {
  const rows = new Map<string, StaffSums>();
  for (const facts of days.values()) {
    for (const cell of facts.staff) {
      const k = (grouping === 'counter' ? cell.counterId : cell.operatorId) ?? '';
      const sum = rows.get(k) ?? zeros(STAFF_KEYS);
      addInto(sum, cell, STAFF_KEYS);
      rows.set(k, sum);
    }
  }
  const timeByKey = new Map<string, { openMs: number; busyMs: number }>();
  for (const t of times) {
    const k = (grouping === 'counter' ? t.counterId : t.operatorId) ?? '';
    const sum = timeByKey.get(k) ?? { openMs: 0, busyMs: 0 };
    timeByKey.set(k, { openMs: sum.openMs + t.openMs, busyMs: sum.busyMs + t.busyMs });
  }
  const measures = new Map<string, StaffMeasures>();
  for (const k of new Set([...rows.keys(), ...timeByKey.keys()])) {
    measures.set(k, toStaffMeasures(rows.get(k), timeByKey.get(k)));
  }
  return measures;
}

function toStaffMeasures(
  r: StaffSums | undefined,
  time: { openMs: number; busyMs: number } | undefined,
): StaffMeasures {
  const served = count(r?.served);
  const openMs = time?.openMs ?? 0;
  const busyMs = time?.busyMs ?? 0;
  return {
    calls: count(r?.calls),
    served,
    noShows: count(r?.noShows),
    transferred: count(r?.transferred),
    avgWalkUpSec: seconds(mean(r?.walkUpSum, r?.walkUpN)),
    avgServiceSec: seconds(mean(r?.serviceSum, r?.serviceN)),
    avgWaitSec: seconds(mean(r?.waitSum, r?.waitN)),
    firstContactResolution: share(r?.fcr, served),
    openSec: openMs / 1000,
    busySec: busyMs / 1000,
    idleSec: (openMs - busyMs) / 1000,
    throughputPerHour: share(served, openMs / 3_600_000),
    ...feedbackFigures(asFeedbackAggregates(r ?? NO_FEEDBACK_SUMS)),
  };
}
