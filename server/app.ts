import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { LoginThrottle } from './auth/login-throttle.ts';
import { randomToken } from './auth/secrets.ts';
import { noPeers } from './cluster/peers.ts';
import { connectRedis } from './cluster/redis-cluster.ts';
import { DEFAULT_RETENTION_DAYS, type ServerConfig } from './config.ts';
import { seedDemoHistory } from './demo/demo-history.ts';
import { demoStoreState } from './demo/demo-store.ts';
import { createHttpApp } from './http/app.ts';
import type { Deps } from './http/deps.ts';
import { RateLimiter } from './http/rate-limiter.ts';
import { LineService } from './line/line-service.ts';
import { LiveWaits } from './line/live-waits.ts';
import { PredictionThread } from './line/prediction-thread.ts';
import { WaitModels } from './line/wait-models.ts';
import { log } from './ops/logger.ts';
import { Metrics } from './ops/metrics.ts';
import { attachRealtime } from './realtime/realtime.ts';
import { MediaStore } from './signage/media-store.ts';
import { SignageEvents } from './signage/signage-events.ts';
import { ReportService } from './store/report-service.ts';
import { Storage } from './store/storage.ts';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher.ts';

export interface RunningServer {
  url: string;
  port: number;
  deps: Deps;
  /** The database behind it: tests check what was stored through its repositories and `db`. */
  storage: Storage;
  webhooks: WebhookDispatcher;
  /** Every method and path the HTTP app answers (middleware left out): what the access test enumerates. */
  routes: readonly { method: string; path: string }[];
  /** Set only on the first start, when it was generated (print it once). */
  generatedAdminPassword: string | undefined;
  close(): Promise<void>;
}

/** Timers the server runs: expiring unanswered calls and refreshing waits as time passes. */
function startTimers(deps: Deps): () => void {
  const tick = setInterval(() => {
    for (const storeId of deps.lines.storeIds()) {
      // One store's failure is logged and must not stop the timer for the others, nor the process.
      const failed = (error: unknown) => log.error({ err: error, storeId }, 'timer failed');
      try {
        const state = deps.lines.state(storeId);
        if (state?.settings.autoNoShow) deps.lines.dispatch(storeId, { type: 'expire_calls' }).catch(failed);
        deps.waits.refresh(storeId);
      } catch (error) {
        failed(error);
      }
    }
  }, 15_000);
  tick.unref();
  return () => clearInterval(tick);
}

const HOUR_MS = 3_600_000;
/** How long after start the first report fill waits (see `startReportFill`). */
const REPORT_FILL_DELAY_MS = 30_000;

/**
 * With several nodes, hints about other nodes' commits travel through Redis and may be lost (a
 * reconnect): once a second each line is compared with storage and caught up when behind.
 */
function startCatchUp(lines: LineService): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    lines
      .catchUpBehind()
      .catch((err) => log.error({ err }, 'catch-up failed'))
      .finally(() => {
        running = false;
      });
  }, 1_000);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * On an empty database: the first admin (its password returned when generated) and the demo store.
 */
async function firstStart(config: ServerConfig, storage: Storage, lines: LineService): Promise<string | undefined> {
  const { users } = storage;
  let generatedAdminPassword: string | undefined;
  if ((await users.count()) === 0) {
    const password = config.adminPassword ?? randomToken(12);
    if (!config.adminPassword) generatedAdminPassword = password;
    await users.create({ username: 'admin', password, role: 'admin', storeIds: [] }, lines.now());
  }
  if (!lines.resolveStore('demo') && lines.storeIds().length === 0) {
    await lines.createStore(demoStoreState(lines.now()));
    if (config.demoHistoryDays > 0) {
      console.log(`First start: simulating ${config.demoHistoryDays} days of demo history (about a minute)…`);
      await seedDemoHistory(lines, 'demo', config.demoHistoryDays);
    }
  }
  return generatedAdminPassword;
}

/** Hono lists a route once per handler and middleware as `ALL`: one entry per method and path. */
function servedRoutes(routes: readonly { method: string; path: string }[]): { method: string; path: string }[] {
  const seen = new Map<string, { method: string; path: string }>();
  for (const { method, path } of routes) if (method !== 'ALL') seen.set(`${method} ${path}`, { method, path });
  return [...seen.values()];
}

/** Counts requests being answered, so a stop can wait for them. */
function trackRequests(server: Server): () => number {
  let inFlight = 0;
  server.on('request', (req, res) => {
    // socket.io's long-polls stay open by design; realtime clients are told to reconnect instead.
    if (req.url?.startsWith('/socket.io/')) return;
    inFlight++;
    res.once('close', () => inFlight--);
  });
  return () => inFlight;
}

/** Waits until no request is in flight or `limitMs` passed, closing keep-alive connections as they idle. */
async function drain(server: Server, inFlight: () => number, limitMs: number): Promise<void> {
  const deadline = Date.now() + limitMs;
  server.closeIdleConnections();
  while (inFlight() > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20));
    server.closeIdleConnections();
  }
  server.closeAllConnections();
}

/**
 * Forgets feedback comments older than `days`, at start and then hourly. Returns a stop
 * function that waits for a run in progress, so closing never cuts the database from under it.
 */
function startRetention(storage: Storage, now: () => number, days: number): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = storage.retention
      .forgetCommentsBefore(now() - days * 24 * HOUR_MS)
      .catch((error) => log.error({ err: error }, 'retention failed'));
  };
  run();
  const timer = setInterval(run, HOUR_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}

/**
 * Starts the report worker now and has it keep, in its spare time, the facts of every store's
 * closed days that no report has read yet: shortly after start (a big history's first start),
 * then hourly (the day that just closed). The first long report then reads a row per day. The
 * first fill waits `REPORT_FILL_DELAY_MS`: start-up leaves ~100 MB of dead heap on a chain's
 * history (the wait models of every store) until V8 shrinks it, and the fill's memory should
 * come after that, not on top of it.
 */
function startReportFill(reports: ReportService, lines: LineService): () => void {
  reports.start();
  const run = () => {
    const stores = lines.storeIds().flatMap((id) => lines.state(id)?.settings ?? []);
    reports.fill(stores, lines.now()).catch((error) => log.error({ err: error }, 'keeping report day facts failed'));
  };
  const first = setTimeout(run, REPORT_FILL_DELAY_MS);
  const timer = setInterval(run, HOUR_MS);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}

/**
 * Opens storage, loads every line, creates the first admin and the demo store on first start,
 * and serves HTTP + socket.io on one port.
 */
export async function startLinecast(config: ServerConfig): Promise<RunningServer> {
  const storage = await Storage.open({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  const cluster = config.redisUrl ? await connectRedis(config.redisUrl, config.redisPrefix ?? 'linecast') : undefined;
  const peers = cluster?.peers ?? noPeers;
  const lines = new LineService(storage.lines, config.clock ?? Date.now, config.commandQueueLimit);
  // Subscribed before loading: a commit elsewhere during the load is caught up, not missed.
  peers.subscribe((m) => {
    if (m.topic === 'line:committed')
      lines.catchUp(m.storeId).catch((err) => log.error({ err, storeId: m.storeId }, 'catch-up failed'));
  });
  lines.onCommit((storeId, _events, _state, origin) => {
    if (origin === 'here') peers.publish({ topic: 'line:committed', storeId, seq: lines.lastSeq(storeId) });
  });
  // Nodes starting together on one database: the first creates the admin and the demo store,
  // the others wait and then load what it made.
  const generatedAdminPassword = await storage.exclusively(async () => {
    await lines.load();
    return firstStart(config, storage, lines);
  });
  const models = new WaitModels(storage.history, lines);
  for (const storeId of lines.storeIds()) await models.learn(storeId);
  const predictions = new PredictionThread();
  const waits = new LiveWaits(lines, models.predictor, undefined, models.offThread(predictions));
  const webhooks = new WebhookDispatcher(storage.webhooks, lines, peers);
  const metrics = new Metrics(lines, waits);
  const reports = new ReportService({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  const stopReportFill = config.warmReports ? startReportFill(reports, lines) : () => {};
  const deps: Deps = {
    lines,
    users: storage.users,
    sessions: storage.sessions,
    devices: storage.devices,
    signage: storage.signage,
    media: new MediaStore(storage.media, config.dataDir),
    audit: storage.audit,
    history: storage.history,
    reports,
    health: storage,
    waits,
    models,
    throttle: new LoginThrottle(storage.loginFailures),
    limiter: new RateLimiter(config.rateLimits, cluster?.buckets),
    signageEvents: new SignageEvents(),
    webhooks: { repo: storage.webhooks, dispatcher: webhooks },
    config: {
      dataDir: config.dataDir,
      staticDir: config.staticDir,
      production: config.production,
      publicUrl: config.publicUrl,
      trustProxy: config.trustProxy ?? 0,
    },
  };
  const { app } = createHttpApp(deps, metrics);
  const server: Server = createServer(getRequestListener(app.fetch));
  // Longer than any client's keep-alive, so a request never races the server closing an idle socket.
  server.keepAliveTimeout = 65_000;
  const inFlight = trackRequests(server);
  const realtime = attachRealtime(server, deps, { adapter: cluster?.adapter, peers });
  metrics.countSockets(realtime.countSockets);
  const stopTimers = startTimers(deps);
  const stopCatchUp = cluster ? startCatchUp(lines) : () => {};
  await webhooks.start();
  const stopRetention = startRetention(storage, () => lines.now(), config.retentionDays ?? DEFAULT_RETENTION_DAYS);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    deps,
    storage,
    webhooks,
    routes: servedRoutes(app.routes),
    generatedAdminPassword,
    async close() {
      stopTimers();
      stopCatchUp();
      stopReportFill();
      await stopRetention();
      await webhooks.stop();
      waits.close();
      // Stop taking connections, let requests in flight finish (bounded), then drop the rest:
      // socket.io's close waits for the HTTP server, which would otherwise wait for a browser's
      // idle keep-alive connection.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await drain(server, inFlight, config.drainMs ?? 10_000);
      await realtime.close();
      await closed;
      await cluster?.close();
      await reports.close();
      await predictions.close();
      await storage.close();
    },
  };
}
