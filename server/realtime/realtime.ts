import type { Server as HttpServer } from 'node:http';
import { parse as parseCookie } from 'hono/utils/cookie';
import { Server, type ServerOptions, type Socket } from 'socket.io';
import type {
  ClientToServerEvents,
  DeviceStatusPayload,
  JoinAck,
  LineEvent,
  ServerToClientEvents,
} from '../../shared/protocol.ts';
import { heartbeatPayload, socketJoinPayload } from '../../shared/schemas.ts';
import { hasRole } from '../auth/roles.ts';
import { SESSION_COOKIE } from '../auth/session-cookie.ts';
import { noPeers, type Peers } from '../cluster/peers.ts';
import type { LineService } from '../line/line-service.ts';
import type { LiveWaits } from '../line/live-waits.ts';
import { nextCalls, queueSnapshot } from '../line/views.ts';
import { log } from '../ops/logger.ts';
import type { SignageEvents } from '../signage/signage-events.ts';
import type { DeviceRepository } from '../store/device-repository.ts';
import type { SessionRepository } from '../store/session-repository.ts';
import type { UserRecord, UserRepository } from '../store/user-repository.ts';
import { type Beat, toDeviceEntry } from './device-status.ts';
import { toOutgoing, waitsPayloads } from './event-payloads.ts';
import { PublicBatches } from './public-batches.ts';
import { PublicWaitsThrottle } from './public-waits.ts';
import { ackOf, safeHandler } from './safe-handler.ts';

/** What the realtime layer listens to and reads: the line, waits, sign-in and signage news. */
export interface RealtimeDeps {
  lines: LineService;
  waits: LiveWaits;
  sessions: SessionRepository;
  users: UserRepository;
  devices: DeviceRepository;
  signageEvents: SignageEvents;
}

interface SocketData {
  user: UserRecord | undefined;
  storeId: string | undefined;
  staff: boolean;
}

type LcServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type LcSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const publicRoom = (storeId: string) => `store:${storeId}:public`;
const staffRoom = (storeId: string) => `store:${storeId}:staff`;
/** Public sockets that joined with `batch: true`: the same events, as `line:events`. */
const batchRoom = (storeId: string) => `store:${storeId}:public:batch`;
const publicRooms = (storeId: string) => [publicRoom(storeId), batchRoom(storeId)];

/**
 * socket.io on the HTTP server: store rooms get a snapshot on join, then every committed event
 * in `seq` order (staff rooms unredacted), and derived `waits:updated` (in public rooms at most
 * every `PUBLIC_WAITS_INTERVAL_MS`).
 */
export function attachRealtime(
  httpServer: HttpServer,
  deps: RealtimeDeps,
  cluster: { adapter?: ServerOptions['adapter'] | undefined; peers?: Peers } = {},
) {
  const peers = cluster.peers ?? noPeers;
  const io: LcServer = new Server(httpServer, {
    serveClient: false,
    pingInterval: 10_000,
    pingTimeout: 8_000,
    ...(cluster.adapter ? { adapter: cluster.adapter } : {}),
  });
  const beats = new Map<string, Map<string, Beat>>();

  io.use(async (socket, next) => {
    socket.data.staff = false;
    socket.data.storeId = undefined;
    try {
      const token = parseCookie(socket.handshake.headers.cookie ?? '', SESSION_COOKIE)[SESSION_COOKIE];
      const userId = token ? await deps.sessions.touch(token, deps.lines.now()) : undefined;
      const user = userId ? await deps.users.findById(userId) : undefined;
      socket.data.user = user?.active ? user : undefined;
    } catch (error) {
      // A cookie we cannot read makes an anonymous display, never a crash.
      log.warn({ err: error }, 'socket sign-in failed');
      socket.data.user = undefined;
    }
    next();
  });

  const batches = new PublicBatches((storeId, payload) => io.local.to(batchRoom(storeId)).emit('line:events', payload));

  const sendSnapshot = (socket: LcSocket, storeId: string) => {
    const view = deps.lines.view(storeId);
    if (!view) return;
    // Events committed this turn are in the snapshot: they must reach the room before it joins.
    batches.flush(storeId);
    const snapshot = queueSnapshot(view.state, view.lastSeq, deps.waits.forStore(storeId), deps.lines.now());
    socket.emit('queue:snapshot', socket.data.staff ? { ...snapshot, nextCalls: nextCalls(view.state) } : snapshot);
  };

  io.on('connection', (socket) => {
    socket.on(
      'join',
      safeHandler('join', (raw: unknown, rawAck: unknown) => {
        const ack = ackOf<JoinAck>(rawAck);
        const parsed = socketJoinPayload.safeParse(raw);
        const storeId = parsed.success ? deps.lines.resolveStore(parsed.data.store) : undefined;
        if (!parsed.success || !storeId) {
          ack?.({ ok: false, error: { code: 'unknown_store', message: 'No such store.' } });
          return;
        }
        if (socket.data.storeId) {
          for (const room of [...publicRooms(socket.data.storeId), staffRoom(socket.data.storeId)])
            void socket.leave(room);
        }
        const staff = !!parsed.data.staff && hasRole(socket.data.user, 'operator', storeId);
        socket.data.storeId = storeId;
        socket.data.staff = staff;
        // Join and snapshot in the same tick: no event can fall between them.
        batches.flush(storeId);
        void socket.join(staff ? staffRoom(storeId) : parsed.data.batch ? batchRoom(storeId) : publicRoom(storeId));
        sendSnapshot(socket, storeId);
        ack?.({ ok: true, staff });
        if (staff) void emitDeviceStatus(storeId).catch((err) => log.error({ err }, 'device status failed'));
      }),
    );

    socket.on(
      'resync',
      safeHandler('resync', () => {
        if (socket.data.storeId) sendSnapshot(socket, socket.data.storeId);
      }),
    );

    socket.on(
      'heartbeat',
      safeHandler('heartbeat', async (raw: unknown) => {
        const parsed = heartbeatPayload.safeParse(raw);
        const storeId = parsed.success ? deps.lines.resolveStore(parsed.data.store) : undefined;
        if (!parsed.success || !storeId) return;
        const beat = parsed.data;
        const now = deps.lines.now();
        const renderedAt = Math.min(Date.parse(beat.lastRenderedAt), now);
        const device = beat.deviceToken ? await deps.devices.findByToken(beat.deviceToken) : undefined;
        if (device && device.storeId === storeId) {
          await deps.devices.heartbeat(device.id, {
            at: now,
            lastRenderedAt: renderedAt,
            lastTicketShown: beat.lastTicketShown ?? null,
            layout: beat.layout ?? null,
          });
        }
        const perStore = beats.get(storeId) ?? new Map<string, Beat>();
        beats.set(storeId, perStore);
        // A screen that was just paired stops being listed as an anonymous one.
        if (device) perStore.delete(`socket:${socket.id}`);
        perStore.set(device?.id ?? `socket:${socket.id}`, {
          id: device?.id ?? null,
          name: device?.name ?? [beat.kind, beat.layout, '(unpaired)'].filter(Boolean).join(' '),
          kind: beat.kind,
          seenAt: now,
          renderedAt,
          lastTicketShown: beat.lastTicketShown ?? null,
        });
        await emitDeviceStatus(storeId);
        peers.publish({ topic: 'devices:changed', storeId });
      }),
    );

    socket.on('disconnect', () => {
      for (const perStore of beats.values()) perStore.delete(`socket:${socket.id}`);
    });
  });

  async function emitDeviceStatus(storeId: string): Promise<void> {
    const now = deps.lines.now();
    const known = beats.get(storeId) ?? new Map<string, Beat>();
    const devices: DeviceStatusPayload['devices'] = [];
    for (const d of await deps.devices.list(storeId)) {
      if (d.revokedAt) continue;
      const beat = known.get(d.id);
      const seenAt = d.lastSeenAt ? Date.parse(d.lastSeenAt) : null;
      const renderedAt = d.lastRenderedAt ? Date.parse(d.lastRenderedAt) : null;
      devices.push(
        beat
          ? toDeviceEntry(beat, now)
          : {
              id: d.id,
              name: d.name,
              kind: d.kind,
              status:
                seenAt && renderedAt
                  ? toDeviceEntry(
                      { id: d.id, name: d.name, kind: d.kind, seenAt, renderedAt, lastTicketShown: d.lastTicketShown },
                      now,
                    ).status
                  : 'offline',
              lastSeenAt: d.lastSeenAt,
              lastRenderedAt: d.lastRenderedAt,
              lastTicketShown: d.lastTicketShown,
            },
      );
    }
    for (const [key, beat] of known) if (key.startsWith('socket:')) devices.push(toDeviceEntry(beat, now));
    // Each node tells its own staff: paired screens come from shared storage, so every node
    // agrees on them; an unpaired screen is known only to the node it is connected to.
    io.local.to(staffRoom(storeId)).emit('devices:status', { storeId, devices });
  }

  peers.subscribe((m) => {
    if (m.topic === 'devices:changed')
      emitDeviceStatus(m.storeId).catch((err) => log.error({ err }, 'device status failed'));
  });

  // Each node sends the line's events to its own sockets, in the order its line took them (its
  // own commits and what it caught up from storage): `seq` stays contiguous on every node, which
  // relaying through the adapter could not promise when two nodes commit a moment apart.
  deps.lines.onCommit((storeId, events, state) => {
    const waits = deps.waits.forStore(storeId);
    for (const e of events) {
      const pub = toOutgoing(e, state, waits, false);
      // Only feedback differs between the rooms; every other payload is built once.
      const staff = e.type === 'ticket:feedback' ? toOutgoing(e, state, waits, true) : pub;
      io.local.to(publicRoom(storeId)).emit(pub.name, pub.payload as never);
      batches.add(storeId, pub as LineEvent);
      io.local.to(staffRoom(storeId)).emit(staff.name, staff.payload as never);
    }
    const last = events.at(-1);
    if (last) io.local.to(staffRoom(storeId)).emit('line:next', { seq: last.seq, storeId, next: nextCalls(state) });
  });

  // Every node predicts from the same line for its own sockets (no duplicate through the adapter).
  const publicWaits = new PublicWaitsThrottle((storeId, pub) => {
    batches.flush(storeId);
    io.local.to(publicRooms(storeId)).emit('waits:updated', pub);
  });
  deps.waits.onUpdate((storeId, seq, waits) => {
    const state = deps.lines.state(storeId);
    if (!state) return;
    const { pub, staff } = waitsPayloads(state, seq, waits);
    publicWaits.offer(storeId, pub);
    io.local.to(staffRoom(storeId)).emit('waits:updated', staff);
  });

  const unsubscribe = deps.signageEvents.subscribe((e) => {
    batches.flush(e.storeId);
    const rooms = io.to(publicRooms(e.storeId)).to(staffRoom(e.storeId));
    if (e.type === 'broadcast') rooms.emit('signage:broadcast', { storeId: e.storeId, ...e.message });
    else rooms.emit('signage:content-changed', { storeId: e.storeId });
  });

  const close = () => {
    unsubscribe();
    publicWaits.close();
    batches.close();
    // Closing the transports (not a socket.io "server disconnect", after which clients stay
    // away) makes every client reconnect by itself: to this server once it is back, or to
    // another node.
    io.engine.close();
    return new Promise<void>((resolve) => io.close(() => resolve()));
  };
  /** Connected sockets by what they are: a display in a public room, staff, or not joined yet. */
  const countSockets = () => {
    const counts = { display: 0, staff: 0, unjoined: 0 };
    for (const socket of io.of('/').sockets.values()) {
      if (!socket.data.storeId) counts.unjoined++;
      else if (socket.data.staff) counts.staff++;
      else counts.display++;
    }
    return counts;
  };
  return { io, close, countSockets };
}
