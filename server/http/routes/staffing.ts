import { localParts } from '../../../shared/time.ts';
import type { StoreState } from '../../engine/state.ts';
import { forecastDay } from '../../insight/forecast.ts';
import { adviseIntervals, lineFigures } from '../../insight/staffing.ts';
import { adviseNow } from '../../insight/staffing-now.ts';
import type { ApiRouter } from '../api-router.ts';

/** Forecasts use the same weekday of the last four weeks; five weeks of rows cover them. */
const HISTORY_MS = 35 * 86_400_000;

function localClock(at: number, timeZone: string): string {
  const { hour, minute } = localParts(at, timeZone);
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** Opening hours of a local date (ISO weekday), or the whole day when the store set none. */
function hoursOf(state: StoreState, date: string): { open: string; close: string } {
  const weekday = (new Date(`${date}T12:00:00Z`).getUTCDay() || 7) as 1 | 2 | 3 | 4 | 5 | 6 | 7;
  return state.settings.openingHours[weekday] ?? { open: '00:00', close: '23:59' };
}

/** The staffing advisor: counters to open now and per 15 minutes for the rest of the day. */
export function staffingRoutes(api: ApiRouter): void {
  api.register('staffing', async ({ deps, store, query }) => {
    const { id: storeId, state } = store;
    const asked = query.date;
    const { history, lines, models, waits } = deps;
    const now = lines.now();
    const tz = state.settings.timeZone;
    const today = localParts(now, tz).day;
    const date = asked ?? today;
    const rows = await history.finished(storeId, now - HISTORY_MS);
    const line = lineFigures(rows);
    const goal = { targetSec: state.settings.serviceLevelTargetSec, goal: state.settings.serviceLevelGoal };
    const { open, close } = hoursOf(state, date);
    const forecast = forecastDay(rows, { date, from: open, to: close, timeZone: tz });
    // For today only the rest of the day is still to plan.
    const upcoming = date === today ? forecast.filter((f) => f.start + 900_000 > now) : forecast;
    const intervals = adviseIntervals(upcoming, line, goal).map((a) => ({
      start: new Date(a.start).toISOString(),
      localTime: localClock(a.start, tz),
      arrivalsPerHour: a.arrivalsPerHour,
      meanServiceSec: a.meanServiceSec,
      counters: a.servers,
      quartersMeetingGoal: a.quartersMeetingGoal,
      quartersWithOneMore: a.quartersWithOneMore,
      pWait: a.pWait,
      serviceLevel: a.serviceLevel,
      averageWaitSec: a.averageWaitSec,
    }));
    const hours = new Map<number, number>();
    for (const i of intervals) {
      const hour = Number(i.localTime.slice(0, 2));
      hours.set(hour, Math.max(hours.get(hour) ?? 0, i.counters));
    }
    const nowAdvice =
      date === today
        ? adviseNow(state, models.modelFor(storeId, tz), now, line, goal, waits.forStore(storeId).byService)
        : null;
    return {
      date,
      timeZone: tz,
      targetSec: goal.targetSec,
      goal: goal.goal,
      meanServiceSec: line.meanServiceSec,
      now: nowAdvice && {
        counters: nowAdvice.servers,
        quartersMeetingGoal: nowAdvice.quartersMeetingGoal,
        quartersWithOneMore: nowAdvice.quartersWithOneMore,
        pWait: nowAdvice.pWait,
        serviceLevel: nowAdvice.serviceLevel,
        averageWaitSec: nowAdvice.averageWaitSec,
        arrivalsPerHour: nowAdvice.arrivalsPerHour,
        waiting: nowAdvice.waiting,
        openCounters: nowAdvice.openCounters,
        storeCounters: nowAdvice.storeCounters,
        needed: nowAdvice.needed,
        verdict: nowAdvice.verdict,
        predictedWait: nowAdvice.predicted?.wait ?? null,
        predictedServiceId: nowAdvice.predicted?.serviceId ?? null,
        withAllCounters: nowAdvice.withAllCounters,
        effect: nowAdvice.effect,
      },
      intervals,
      hours: [...hours].map(([hour, counters]) => ({ hour, counters })),
    };
  });
}
