import type { CalibrationKind } from './features.ts';
import type { LogNormal } from './lognormal.ts';

/**
 * Linear quantile models on the predictor's features (see `features.ts` `design`), fitted on
 * learning days. A null model means the raw simulated quantile was the better
 * choice on the held-out learning days.
 */
export interface Calibration {
  p50: QuantileModel | null;
  p90: QuantileModel | null;
}

export interface QuantileModel {
  kind: CalibrationKind;
  beta: number[];
}

/** What `learnModel` learns from history and `predictWaits` uses. Plain JSON, safe to cache. */
export interface WaitModel {
  timeZone: string;
  /** Counter occupancy per call (call → done), per service: all hours and per local hour. */
  services: Record<string, { all: LogNormal; byHour: Array<LogNormal | null> }>;
  fallback: LogNormal;
  /** Rate at which a waiting customer leaves the line (exponential patience), per second. */
  abandonPerSec: number;
  /** Priority arrivals per second by service and local hour: they may overtake people waiting. */
  priorityArrivalsPerSec: Record<string, number[]>;
  calibration: Calibration | null;
}

const hourFormatters = new Map<string, Intl.DateTimeFormat>();
const hourCache = new Map<string, number>();

/** Local hour 0–23 in `timeZone`, cached per quarter hour because Intl is slow in hot loops. */
export function localHour(ms: number, timeZone: string): number {
  if (timeZone === 'UTC') return new Date(ms).getUTCHours();
  const key = `${timeZone}|${Math.floor(ms / 900_000)}`;
  const hit = hourCache.get(key);
  if (hit !== undefined) return hit;
  let f = hourFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', hourCycle: 'h23', timeZone });
    hourFormatters.set(timeZone, f);
  }
  const h = Number(f.format(new Date(ms))) % 24;
  if (hourCache.size > 50_000) hourCache.clear();
  hourCache.set(key, h);
  return h;
}

export function serviceDist(model: WaitModel, serviceId: string, ms: number): LogNormal {
  const s = model.services[serviceId];
  if (!s) return model.fallback;
  return s.byHour[localHour(ms, model.timeZone)] ?? s.all;
}
