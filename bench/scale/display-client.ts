/**
 * Fan-out load for `npm run bench`, in its own process (argv[2]: a DisplayPlan as JSON; the
 * result as JSON on stdout): `displays` socket.io clients (websocket transport) join one
 * store's public room, then tickets are issued over HTTP at each rate (open loop). Every
 * display's receipt of every `ticket:issued` is timed from the moment its request was sent;
 * a (display, ticket) pair never received counts as lost, and so does a gap in a display's `seq`.
 * With `bases` (several nodes), display i connects to `bases[i % n]` and ticket j is issued
 * through `bases[j % n]`, so most receipts cross from one node to another.
 */
import { Agent, request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { io, type Socket } from 'socket.io-client';
import { cpuMs } from './processes.ts';

export interface DisplayPlan {
  base: string;
  /** Several nodes: where displays connect and tickets are issued, in turn, instead of `base`. */
  bases?: string[];
  cookie?: string;
  store: string;
  displays: number;
  issuePath: string;
  issueBody: Record<string, unknown>;
  rates: number[];
  seconds: number;
  /** Bare server: pad its payload (body field `pad`) to this many bytes, as Linecast's. */
  padToBytes?: number;
  /**
   * Join as the signage and kiosk apps do, for `line:events` (each turn's events in one message)
   * instead of one message per event. The bare server ignores it.
   */
  batch?: boolean;
  /** The servers' process ids: their CPU is read from /proc (Linux) around each step. */
  serverPids?: number[];
}

export interface RateResult {
  rate: number;
  issued: number;
  deliveries: number;
  lost: number;
  seqGaps: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  payloadBytes: number;
  /** What one display received during the step: messages per event name, and their JSON bytes. */
  perDisplay: { messages: Record<string, number>; bytes: number };
  /**
   * CPU this client process used during the step (sending, then until the last receipt), in ms
   * (user + system), and that step's wall time: one process receives for every display, so when
   * its CPU nears the wall time it, not the server, sets the pace.
   */
  clientCpuMs: number;
  stepMs: number;
  /** CPU the servers used during the step (summed), per ticket issued, in ms; null without `serverPids`. */
  serverCpuMsPerTicket: number | null;
}

const plan = JSON.parse(process.argv[2] ?? '{}') as DisplayPlan;
const now = () => performance.timeOrigin + performance.now();
const agent = new Agent({ keepAlive: true, maxSockets: 16 });
const bases = plan.bases?.length ? plan.bases : [plan.base];

function issue(body: Record<string, unknown>, base = plan.base): Promise<{ status: number; id: string | undefined }> {
  const text = JSON.stringify(body);
  return new Promise((done) => {
    const req = request(
      `${base}${plan.issuePath}`,
      {
        method: 'POST',
        agent,
        timeout: 10_000,
        headers: {
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(text)),
          ...(plan.cookie ? { cookie: plan.cookie } : {}),
        },
      },
      (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          data += c;
        });
        res.on('end', () => {
          let id: string | undefined;
          try {
            id = (JSON.parse(data) as { ticket?: { id?: string } }).ticket?.id;
          } catch {}
          done({ status: res.statusCode ?? 0, id });
        });
      },
    );
    req.on('timeout', () => req.destroy());
    req.on('error', () => done({ status: 0, id: undefined }));
    req.end(text);
  });
}

/** Receipt times per ticket id, one slot per display (NaN until received). */
const receipts = new Map<string, Float64Array>();
const lastSeq = new Float64Array(plan.displays);
let seqGaps = 0;
let payloadBytes = 0;
/** Display 0's receipts since the step began, by event name. */
let watched: { messages: Record<string, number>; bytes: number } = { messages: {}, bytes: 0 };

async function connect(index: number): Promise<Socket> {
  const socket = io(bases[index % bases.length], {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: 60_000,
  });
  socket.on('queue:snapshot', (snapshot: { seq: number }) => {
    lastSeq[index] = snapshot.seq;
  });
  type Payload = { seq?: number; ticket?: { id?: string } };
  const receive = (name: string, payload: Payload) => {
    if (typeof payload?.seq !== 'number') return;
    // Sequenced events arrive one seq after the other; anything else is a lost event.
    if (payload.seq !== (lastSeq[index] ?? 0) + 1) seqGaps++;
    lastSeq[index] = Math.max(lastSeq[index] ?? 0, payload.seq);
    if (name !== 'ticket:issued' || !payload.ticket?.id) return;
    if (index === 0) payloadBytes = JSON.stringify(payload).length;
    let slots = receipts.get(payload.ticket.id);
    if (!slots) {
      slots = new Float64Array(plan.displays).fill(Number.NaN);
      receipts.set(payload.ticket.id, slots);
    }
    slots[index] = now();
  };
  socket.onAny((name: string, payload: Payload & { events?: Array<{ name: string; payload: Payload }> }) => {
    if (index === 0) {
      watched.messages[name] = (watched.messages[name] ?? 0) + 1;
      watched.bytes += JSON.stringify(payload).length;
    }
    if (name === 'queue:snapshot' || name === 'waits:updated') return;
    if (name === 'line:events') for (const e of payload.events ?? []) receive(e.name, e.payload);
    else receive(name, payload);
  });
  await new Promise<void>((done, reject) => {
    socket.once('connect', () => done());
    socket.once('connect_error', reject);
  });
  await socket.timeout(60_000).emitWithAck('join', { store: plan.store, ...(plan.batch ? { batch: true } : {}) });
  return socket;
}

const sockets: Socket[] = [];
const connectStarted = performance.now();
// A few at a time: a thousand handshakes at once would measure the handshake, not the fan-out.
for (let i = 0; i < plan.displays; i += 50) {
  sockets.push(
    ...(await Promise.all(Array.from({ length: Math.min(50, plan.displays - i) }, (_, k) => connect(i + k)))),
  );
}
process.stderr.write(`${sockets.length} displays joined in ${Math.round(performance.now() - connectStarted)} ms\n`);

let pad = 0;
if (plan.padToBytes) {
  // Calibrate: one ticket without padding, then pad the rest to Linecast's payload size.
  const probe = await issue(plan.issueBody);
  await sleep(500);
  if (probe.id) pad = Math.max(0, plan.padToBytes - payloadBytes);
}

/** CPU the servers have used so far, summed, in ms (NaN once one has exited). */
const serverCpu = () =>
  (plan.serverPids ?? []).reduce((sum, pid) => {
    try {
      return sum + cpuMs(pid);
    } catch {
      return Number.NaN;
    }
  }, 0);

const quantile = (sorted: Float64Array, q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
const results: RateResult[] = [];
for (const rate of plan.rates) {
  const total = Math.round(rate * plan.seconds);
  const sent = new Map<string, number>();
  const pending: Array<Promise<void>> = [];
  const gapsBefore = seqGaps;
  watched = { messages: {}, bytes: 0 };
  const cpuBefore = process.cpuUsage();
  const serverBefore = serverCpu();
  const t0 = performance.now() + 20;
  for (let i = 0; i < total; i++) {
    const wait = t0 + (i * 1000) / rate - performance.now();
    if (wait > 0) await sleep(wait);
    const sentAt = now();
    pending.push(
      issue({ ...plan.issueBody, ...(pad > 0 ? { pad } : {}) }, bases[i % bases.length]).then((r) => {
        if (r.id) sent.set(r.id, sentAt);
      }),
    );
  }
  await Promise.all(pending);
  // Bounded wait for the last deliveries.
  const until = performance.now() + 15_000;
  const complete = () => [...sent.keys()].every((id) => receipts.get(id)?.every((t) => !Number.isNaN(t)));
  while (performance.now() < until && !complete()) await sleep(50);
  const cpu = process.cpuUsage(cpuBefore);
  const stepMs = performance.now() - t0;
  const serverMs = serverCpu() - serverBefore;
  const latencies: number[] = [];
  let lost = 0;
  for (const [id, sentAt] of sent) {
    const slots = receipts.get(id);
    for (let d = 0; d < plan.displays; d++) {
      const at = slots?.[d];
      if (at === undefined || Number.isNaN(at)) lost++;
      else latencies.push(at - sentAt);
    }
    receipts.delete(id);
  }
  const sorted = Float64Array.from(latencies).sort();
  const round = (x: number) => Math.round(x * 10) / 10;
  const r: RateResult = {
    rate,
    issued: sent.size,
    deliveries: latencies.length,
    lost,
    seqGaps: seqGaps - gapsBefore,
    p50Ms: round(quantile(sorted, 0.5)),
    p99Ms: round(quantile(sorted, 0.99)),
    maxMs: round(sorted.at(-1) ?? 0),
    payloadBytes,
    perDisplay: watched,
    clientCpuMs: Math.round((cpu.user + cpu.system) / 1000),
    stepMs: Math.round(stepMs),
    serverCpuMsPerTicket: plan.serverPids?.length && sent.size > 0 ? round(serverMs / sent.size) : null,
  };
  results.push(r);
  process.stderr.write(
    `${rate}/s: ${r.issued} issued, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms to every display, ${r.lost} lost, ${r.seqGaps} seq gaps, payload ${payloadBytes} B; ` +
      `one display got ${JSON.stringify(r.perDisplay.messages)} (${r.perDisplay.bytes} B); client CPU ${r.clientCpuMs} ms in ${r.stepMs} ms; server CPU ${r.serverCpuMsPerTicket} ms per ticket\n`,
  );
  await sleep(1000);
}
for (const s of sockets) s.disconnect();
agent.destroy();
process.stdout.write(`${JSON.stringify({ results, pad })}\n`);
process.exit(0);
