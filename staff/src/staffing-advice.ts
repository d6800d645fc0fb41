import type { Staffing } from '../../shared/api/report-schemas.ts';
import type { StaffElement } from './staff-element.ts';

type Now = NonNullable<Staffing['now']>;

/**
 * The staffing advice as one sentence, so the dashboard's alert and the staffing panel say the
 * same thing; empty when the counters open are enough.
 * @example adviceText(this, staffing.now, staffing.targetSec) // 'You would need 6 counters; you have 4 — expect about 23 min.'
 */
export function adviceText(el: Pick<StaffElement, 't' | 'min'>, now: Now, targetSec: number): string {
  if (now.verdict === 'beyond_store') {
    return el.t('alert.beyondStore', {
      needed: now.needed,
      have: now.storeCounters,
      wait: el.min(now.withAllCounters?.p50 ?? now.predictedWait?.p50),
    });
  }
  if (now.verdict === 'open_more') {
    return el.t('alert.openMore', {
      n: now.needed - now.openCounters,
      needed: now.needed,
      open: now.openCounters,
      wait: el.min(now.predictedWait?.p50),
      target: el.min(targetSec),
    });
  }
  return '';
}
