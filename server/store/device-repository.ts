import { randomCode, randomId, randomToken, sha256 } from '../auth/secrets.ts';
import { type AuditOf, writeAudit } from './audit-repository.ts';
import type { Db } from './database.ts';
import type { DevicesTable } from './schema.ts';

export type DeviceKind = 'kiosk' | 'signage';

export interface DeviceDto {
  id: string;
  storeId: string;
  kind: DeviceKind;
  name: string;
  createdAt: string;
  revokedAt: string | null;
  lastSeenAt: string | null;
  lastRenderedAt: string | null;
  lastTicketShown: string | null;
  layout: string | null;
}

/** A pairing code is typed by a manager within this time, or it expires. */
export const PAIRING_TTL_MS = 15 * 60 * 1000;

/** Kiosks and screens: paired by a one-time code, then known by a hashed bearer token. */
export class DeviceRepository {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  async startPairing(storeId: string, kind: DeviceKind, now: number) {
    const id = randomId('pair');
    const code = randomCode(6);
    await this.#db
      .insertInto('pairings')
      .values({
        id,
        store_id: storeId,
        kind,
        code,
        created_at: now,
        expires_at: now + PAIRING_TTL_MS,
        device_id: null,
        device_token: null,
      })
      .execute();
    return { pairingId: id, code, expiresAt: new Date(now + PAIRING_TTL_MS).toISOString() };
  }

  /** The device's view of its pairing; the token is handed over exactly once. */
  async pollPairing(pairingId: string, now: number) {
    const p = await this.#db.selectFrom('pairings').selectAll().where('id', '=', pairingId).executeTakeFirst();
    if (!p) return undefined;
    if (p.device_id && p.device_token) {
      // Only the poll that clears the token hands it over: two polls at once (two connections
      // on PostgreSQL) must not both receive it.
      const cleared = await this.#db
        .updateTable('pairings')
        .set({ device_token: null })
        .where('id', '=', pairingId)
        .where('device_token', '=', p.device_token)
        .executeTakeFirst();
      if (Number(cleared.numUpdatedRows) === 0) return { status: 'claimed' as const };
      const device = await this.find(p.device_id);
      return { status: 'paired' as const, deviceToken: p.device_token, device };
    }
    if (p.device_id) return { status: 'claimed' as const };
    if (Number(p.expires_at) <= now) return { status: 'expired' as const };
    return { status: 'pending' as const };
  }

  /** A manager typed `code`: the waiting device becomes a named device of the store (audited with it). */
  async completePairing(
    storeId: string,
    code: string,
    name: string,
    now: number,
    audit?: AuditOf<DeviceDto>,
  ): Promise<DeviceDto | undefined> {
    return this.#db.transaction().execute(async (trx) => {
      const p = await trx
        .selectFrom('pairings')
        .selectAll()
        .where('store_id', '=', storeId)
        .where('code', '=', code)
        .where('device_id', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      if (!p) return undefined;
      const id = randomId('dev');
      const token = randomToken();
      // Claimed first and only while unclaimed: a second manager typing the same code at the
      // same moment (another connection on PostgreSQL) finds it taken instead of making a twin.
      const claimed = await trx
        .updateTable('pairings')
        .set({ device_id: id, device_token: token })
        .where('id', '=', p.id)
        .where('device_id', 'is', null)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) === 0) return undefined;
      await trx
        .insertInto('devices')
        .values({
          id,
          store_id: storeId,
          kind: p.kind,
          name,
          token_hash: sha256(token),
          created_at: now,
          revoked_at: null,
          last_seen_at: null,
          last_rendered_at: null,
          last_ticket_shown: null,
          layout: null,
        })
        .execute();
      const device = toDto(await trx.selectFrom('devices').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
      await writeAudit(trx, audit, device);
      return device;
    });
  }

  async findByToken(token: string): Promise<DeviceDto | undefined> {
    const row = await this.#db
      .selectFrom('devices')
      .selectAll()
      .where('token_hash', '=', sha256(token))
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return row && toDto(row);
  }

  async find(id: string): Promise<DeviceDto | undefined> {
    const row = await this.#db.selectFrom('devices').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toDto(row);
  }

  async list(storeId: string): Promise<DeviceDto[]> {
    const rows = await this.#db
      .selectFrom('devices')
      .selectAll()
      .where('store_id', '=', storeId)
      .orderBy('name')
      .execute();
    return rows.map(toDto);
  }

  /** Revokes a live device; the audit entry is written only when one was revoked. */
  async revoke(storeId: string, id: string, now: number, audit?: AuditOf<{ id: string }>): Promise<boolean> {
    return this.#db.transaction().execute(async (trx) => {
      const r = await trx
        .updateTable('devices')
        .set({ revoked_at: now })
        .where('store_id', '=', storeId)
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) return false;
      await writeAudit(trx, audit, { id });
      return true;
    });
  }

  async heartbeat(
    id: string,
    beat: { at: number; lastRenderedAt: number; lastTicketShown: string | null; layout: string | null },
  ) {
    await this.#db
      .updateTable('devices')
      .set({
        last_seen_at: beat.at,
        last_rendered_at: beat.lastRenderedAt,
        last_ticket_shown: beat.lastTicketShown,
        layout: beat.layout,
      })
      .where('id', '=', id)
      .execute();
  }
}

function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(Number(ms)).toISOString();
}

function toDto(r: DevicesTable): DeviceDto {
  return {
    id: r.id,
    storeId: r.store_id,
    kind: r.kind as DeviceKind,
    name: r.name,
    createdAt: iso(r.created_at) ?? '',
    revokedAt: iso(r.revoked_at),
    lastSeenAt: iso(r.last_seen_at),
    lastRenderedAt: iso(r.last_rendered_at),
    lastTicketShown: r.last_ticket_shown,
    layout: r.layout,
  };
}
