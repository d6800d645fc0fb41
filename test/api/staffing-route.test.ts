import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { waitFor } from './store-socket.ts';

describe('the staffing advisor route', () => {
  let s: TestServer;
  beforeAll(async () => {
    // Two weeks of simulated history give the forecast a same-weekday past to learn from.
    s = await startTestServer({ demoHistoryDays: 14 });
  }, 180_000);
  afterAll(() => s.close());

  it('recommends counters for every 15-minute interval of a past day from the history', async () => {
    const manager = await s.cookieFor('manager');
    const { body: queue } = await s.api('GET', '/api/stores/demo/queue');
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(Date.parse(queue.at));
    const day = new Date(`${today}T12:00:00Z`);
    day.setUTCDate(day.getUTCDate() + 7);
    const nextWeek = day.toISOString().slice(0, 10);
    const res = await s.api('GET', `/api/stores/demo/staffing?date=${nextWeek}`, undefined, manager);
    expect(res.status).toBe(200);
    // The demo store opens 10:00–22:00: 48 intervals, each with at least one counter advised.
    expect(res.body.intervals).toHaveLength(48);
    for (const i of res.body.intervals) {
      expect(i.counters).toBeGreaterThanOrEqual(1);
      expect(i.serviceLevel).toBeGreaterThanOrEqual(0.8);
      // How often the advice meets the goal quarter by quarter; one counter more never does worse.
      expect(i.quartersMeetingGoal).toBeGreaterThan(0);
      expect(i.quartersMeetingGoal).toBeLessThanOrEqual(1);
      expect(i.quartersWithOneMore).toBeGreaterThanOrEqual(i.quartersMeetingGoal);
    }
    // Busier slots never get fewer counters than much quieter ones.
    const sorted = [...res.body.intervals].sort((a, b) => a.arrivalsPerHour - b.arrivalsPerHour);
    expect(sorted.at(-1).counters).toBeGreaterThanOrEqual(sorted[0].counters);
    expect(res.body.now).toBeNull();
    expect(res.body.hours).toHaveLength(12);
  });

  it('advises for now, with the effect of one counter more or fewer, and is for managers only', async () => {
    const manager = await s.cookieFor('manager');
    const operator = await s.cookieFor('operator');
    await s.api('POST', '/api/stores/demo/counters/c1/open', undefined, operator);
    await s.api('POST', '/api/stores/demo/counters/c2/open', undefined, operator);
    for (let i = 0; i < 6; i++) await s.api('POST', '/api/stores/demo/tickets', { serviceId: 'pickup' });
    const res = await s.api('GET', '/api/stores/demo/staffing', undefined, manager);
    expect(res.status).toBe(200);
    expect(res.body.now.openCounters).toBe(2);
    expect(res.body.now.quartersWithOneMore).toBeGreaterThanOrEqual(res.body.now.quartersMeetingGoal);
    expect(res.body.now.waiting).toBe(6);
    // One advice: never fewer than Erlang's count, and the verdict compares it with what is open and what exists.
    const now = res.body.now;
    expect(now.storeCounters).toBe(4);
    expect(now.needed).toBeGreaterThanOrEqual(now.counters);
    const verdict = now.needed > 4 ? 'beyond_store' : now.needed > 2 ? 'open_more' : 'enough';
    expect(now.verdict).toBe(verdict);
    expect(now.withAllCounters === null).toBe(verdict !== 'beyond_store');
    // The one prediction is the live one every screen shows: the longest wait of any service
    // (both read the latest prediction, which follows the line a moment later: wait until it did).
    await waitFor(async () => {
      const advice = (await s.api('GET', '/api/stores/demo/staffing', undefined, manager)).body.now;
      const { waits } = (await s.api('GET', '/api/stores/demo/queue')).body;
      const longest = Math.max(...Object.values(waits as Record<string, { p50: number }>).map((w) => w.p50));
      // Null until the first prediction of the line lands.
      return advice.predictedWait !== null && advice.predictedWait.p50 > 0 && advice.predictedWait.p50 === longest;
    }, 'the advice to carry the live prediction');
    expect(res.body.now.effect.more.p50).toBeLessThanOrEqual(res.body.now.effect.current.p50);
    expect(res.body.now.effect.fewer.p50).toBeGreaterThanOrEqual(res.body.now.effect.current.p50);
    expect((await s.api('GET', '/api/stores/demo/staffing', undefined, operator)).status).toBe(403);
    expect((await s.api('GET', '/api/stores/demo/staffing?date=tomorrow', undefined, manager)).status).toBe(422);
  });
});
