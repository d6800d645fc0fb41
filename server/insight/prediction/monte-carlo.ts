import { exponential, type Rng } from '../prng.ts';
import { sampleResidual } from './lognormal.ts';
import { localHour, serviceDist, type WaitModel } from './model.ts';
import { canServe, type LineSnapshot } from './snapshot.ts';

/** A customer whose wait we want. `virtual` ones (someone arriving now) never take a counter. */
export interface Target {
  serviceId: string;
  priority: boolean;
  joinedAt: number;
  /** Index into `snap.waiting`, or -1 for a virtual arrival. */
  waitingIndex: number;
}

interface Entry {
  serviceId: string;
  priority: boolean;
  key: number;
  joinedAt: number;
  abandonAt: number;
  /** Index in targets, or -1. */
  target: number;
  virtual: boolean;
}

const HORIZON_MS = 4 * 3600_000;

/**
 * Runs the line forward `runs` times from the snapshot: counters finish their current service
 * (residual of a lognormal given its elapsed time), call the next eligible customer under the
 * priority rule, people ahead may leave (exponential patience) and priority arrivals may overtake.
 * A target who would leave in a run keeps its place as a "ghost": its wait is when it would have
 * been called. Returns sorted wait samples (seconds) per target; Infinity when no counter can serve it.
 */
export function simulateWaits(
  snap: LineSnapshot,
  model: WaitModel,
  targets: Target[],
  runs: number,
  r: Rng,
): number[][] {
  const out: number[][] = targets.map(() => []);
  const { now, rule } = snap;
  const headStart = rule.kind === 'headStart' ? rule.sec * 1000 : 0;
  const ratio = rule.kind === 'ratio' ? rule.ratio : 0;
  const keyOf = (priority: boolean, joinedAt: number) => (priority ? joinedAt - headStart : joinedAt);
  const overtakers = rule.kind === 'headStart' ? headStart > 0 : ratio > 0;
  const hour = localHour(now, model.timeZone);
  const targetOfWaiting = new Map<number, number>();
  targets.forEach((t, i) => {
    if (t.waitingIndex >= 0) targetOfWaiting.set(t.waitingIndex, i);
  });
  // Which services each counter may serve, looked up once instead of per call in every run.
  const services = new Set<string>([...snap.waiting.map((w) => w.serviceId), ...targets.map((t) => t.serviceId)]);
  for (const id of Object.keys(model.priorityArrivalsPerSec)) services.add(id);
  const eligible = new Map(snap.servers.map((s) => [s, new Set([...services].filter((id) => canServe(s, id)))]));
  for (let run = 0; run < runs; run++) {
    const queue: Entry[] = snap.waiting.map((w, i) => ({
      serviceId: w.serviceId,
      priority: w.priority,
      key: keyOf(w.priority, w.joinedAt),
      joinedAt: w.joinedAt,
      abandonAt: now + exponential(r, model.abandonPerSec) * 1000,
      target: targetOfWaiting.get(i) ?? -1,
      virtual: false,
    }));
    targets.forEach((t, i) => {
      if (t.waitingIndex < 0) {
        queue.push({ ...t, key: keyOf(t.priority, t.joinedAt), abandonAt: now, target: i, virtual: true });
      }
    });
    const arrivals: Entry[] = [];
    if (overtakers) {
      for (const [serviceId, rates] of Object.entries(model.priorityArrivalsPerSec)) {
        const rate = rates[hour] ?? 0;
        for (let t = now + exponential(r, rate) * 1000; t < now + HORIZON_MS; t += exponential(r, rate) * 1000) {
          arrivals.push({
            serviceId,
            priority: true,
            key: keyOf(true, t),
            joinedAt: t,
            abandonAt: 0,
            target: -1,
            virtual: false,
          });
          if (arrivals.length > 200) break;
        }
      }
      arrivals.sort((a, b) => a.joinedAt - b.joinedAt);
    }
    const servers = snap.servers.map((s) => ({
      s,
      ok: eligible.get(s)!,
      // The ratio rule counts per counter, as the engine does.
      streak: s.streak ?? 0,
      freeAt: s.busy
        ? now +
          1000 * sampleResidual(serviceDist(model, s.busy.serviceId, s.busy.since), (now - s.busy.since) / 1000, r())
        : now,
    }));
    let unresolved = targets.length;
    let next = 0;
    const results = new Array<number>(targets.length).fill(Number.POSITIVE_INFINITY);
    const serve = (sv: (typeof servers)[number], at: number): void => {
      for (;;) {
        let best = -1;
        let normalsWait = false;
        const preferPriority = ratio > 0 && sv.streak < ratio;
        const ok = sv.ok;
        for (let i = 0; i < queue.length; i++) {
          const q = queue[i]!;
          if (!ok.has(q.serviceId)) continue;
          if (!q.priority) normalsWait = true;
          if (best < 0) best = i;
          else {
            const b = queue[best]!;
            const better = ratio > 0 && q.priority !== b.priority ? q.priority === preferPriority : q.key < b.key;
            if (better) best = i;
          }
        }
        if (best < 0) {
          sv.freeAt = Number.POSITIVE_INFINITY;
          return;
        }
        const e = queue[best]!;
        queue.splice(best, 1);
        if (e.target >= 0) {
          results[e.target] = (at - e.joinedAt) / 1000;
          unresolved--;
        }
        if (e.virtual || e.abandonAt <= at) continue;
        if (ratio > 0) sv.streak = e.priority && normalsWait ? sv.streak + 1 : 0;
        sv.freeAt = at + 1000 * sampleResidual(serviceDist(model, e.serviceId, at), 0, r());
        return;
      }
    };
    while (unresolved > 0) {
      let sv = servers[0];
      for (const x of servers) if (sv === undefined || x.freeAt < sv.freeAt) sv = x;
      const arrival = arrivals[next];
      const tServer = sv ? sv.freeAt : Number.POSITIVE_INFINITY;
      if (arrival && arrival.joinedAt < tServer) {
        next++;
        arrival.abandonAt = arrival.joinedAt + exponential(r, model.abandonPerSec) * 1000;
        queue.push(arrival);
        const idle = servers.find((x) => x.freeAt === Number.POSITIVE_INFINITY && canServe(x.s, arrival.serviceId));
        if (idle) serve(idle, arrival.joinedAt);
        continue;
      }
      if (!sv || tServer === Number.POSITIVE_INFINITY || tServer > now + HORIZON_MS) break;
      serve(sv, tServer);
    }
    // Past the horizon the line is hopeless, not unknown: report the horizon as the wait.
    targets.forEach((t, i) => {
      if (results[i] === Number.POSITIVE_INFINITY && servers.some((x) => canServe(x.s, t.serviceId))) {
        results[i] = (now + HORIZON_MS - t.joinedAt) / 1000;
      }
    });
    for (let i = 0; i < targets.length; i++) out[i]!.push(results[i]!);
  }
  for (const o of out) o.sort((a, b) => a - b);
  return out;
}
