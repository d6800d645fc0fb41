/**
 * Erlang B / Erlang C for an M/M/c line: the staffing arithmetic behind the advisor.
 * All rates are per second; `load` is offered traffic in Erlangs (λ / μ).
 */

/**
 * Erlang B blocking probability with `servers` servers, by the recursion
 * B(0) = 1, B(k) = A·B(k−1) / (k + A·B(k−1)), which never forms A^c or c! and so stays
 * stable for hundreds of servers.
 * @example erlangB(10, 14) // ≈ 0.0568
 */
export function erlangB(load: number, servers: number): number {
  let b = 1;
  for (let k = 1; k <= servers; k++) b = (load * b) / (k + load * b);
  return b;
}

/**
 * Erlang C probability that an arriving customer has to wait (M/M/c, infinite patience).
 * 1 when the line is unstable (load ≥ servers): everyone waits.
 * @example erlangC(10, 14) // ≈ 0.1741
 */
export function erlangC(load: number, servers: number): number {
  if (servers <= 0 || load >= servers) return 1;
  if (load <= 0) return 0;
  const b = erlangB(load, servers);
  return (servers * b) / (servers - load * (1 - b));
}

export interface ErlangInput {
  /** Arrivals per second. */
  arrivalRate: number;
  /** Mean service time in seconds (1/μ). */
  meanServiceSec: number;
  servers: number;
}

export interface ErlangResult {
  servers: number;
  /** Probability an arrival waits at all. */
  pWait: number;
  /** Share called within `targetSec`. */
  serviceLevel: number;
  /** Mean wait over all arrivals, seconds (Infinity when unstable). */
  averageWaitSec: number;
}

/** Service level: P(wait ≤ t) = 1 − C·e^{−(cμ−λ)t}. */
export function serviceLevel(input: ErlangInput, targetSec: number): number {
  const { arrivalRate, meanServiceSec, servers } = input;
  const load = arrivalRate * meanServiceSec;
  if (servers <= 0 || load >= servers) return 0;
  const c = erlangC(load, servers);
  const drain = servers / meanServiceSec - arrivalRate;
  return 1 - c * Math.exp(-drain * targetSec);
}

/** Mean wait over all arrivals: C / (cμ − λ). */
export function averageWait(input: ErlangInput): number {
  const { arrivalRate, meanServiceSec, servers } = input;
  const load = arrivalRate * meanServiceSec;
  if (servers <= 0 || load >= servers) return Number.POSITIVE_INFINITY;
  return erlangC(load, servers) / (servers / meanServiceSec - arrivalRate);
}

/** All three figures for one number of servers. */
export function erlangFigures(input: ErlangInput, targetSec: number): ErlangResult {
  const load = input.arrivalRate * input.meanServiceSec;
  return {
    servers: input.servers,
    pWait: erlangC(load, input.servers),
    serviceLevel: serviceLevel(input, targetSec),
    averageWaitSec: averageWait(input),
  };
}

/**
 * Smallest number of servers whose service level within `targetSec` reaches `goal`
 * (at least 1 when anyone arrives, 0 when nobody does).
 * @example smallestServers({ arrivalRate: 200 / 3600, meanServiceSec: 180 }, 20, 0.8) // 14
 */
export function smallestServers(
  input: Omit<ErlangInput, 'servers'>,
  targetSec: number,
  goal: number,
  maxServers = 1000,
): ErlangResult {
  const load = input.arrivalRate * input.meanServiceSec;
  if (load <= 0) return { servers: 0, pWait: 0, serviceLevel: 1, averageWaitSec: 0 };
  let c = Math.max(1, Math.floor(load) + 1);
  for (; c < maxServers; c++) {
    const r = erlangFigures({ ...input, servers: c }, targetSec);
    if (r.serviceLevel >= goal) return r;
  }
  return erlangFigures({ ...input, servers: maxServers }, targetSec);
}
