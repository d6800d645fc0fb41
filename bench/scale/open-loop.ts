/** Latencies of an open-loop run, each measured from its request's scheduled start. */
export interface OpenLoopResult {
  sent: number;
  failed: number;
  p50: number;
  p99: number;
  max: number;
}

/**
 * Starts `request` at a fixed rate whatever the answers do (open loop: a slow server does not
 * slow the load down), for `durationMs` or until `until` settles (at least one second), and
 * measures each latency from the request's scheduled time, so queueing shows in the figures.
 */
export async function openLoop(
  request: () => Promise<boolean>,
  opts: { ratePerSec: number; durationMs: number; until?: Promise<unknown> },
): Promise<OpenLoopResult> {
  const interval = 1000 / opts.ratePerSec;
  const started = performance.now();
  let stop = false;
  opts.until?.then(
    () => (stop = true),
    () => (stop = true),
  );
  const latencies: number[] = [];
  const inFlight: Array<Promise<void>> = [];
  let failed = 0;
  const maxRequests = Math.ceil((opts.durationMs / 1000) * opts.ratePerSec);
  for (let i = 0; i < maxRequests; i++) {
    const scheduled = started + i * interval;
    if (i >= opts.ratePerSec && stop) break;
    const wait = scheduled - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(
      request().then(
        (ok) => {
          if (!ok) failed++;
          latencies.push(performance.now() - scheduled);
        },
        () => {
          failed++;
          latencies.push(performance.now() - scheduled);
        },
      ),
    );
  }
  await Promise.all(inFlight);
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] ?? 0;
  return { sent: latencies.length, failed, p50: at(50), p99: at(99), max: latencies.at(-1) ?? 0 };
}
