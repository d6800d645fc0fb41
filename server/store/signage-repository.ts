import type { Kysely } from 'kysely';
import type { LocalizedText } from '../../shared/domain.ts';
import { randomId } from '../auth/secrets.ts';
import type {
  BroadcastDto,
  PlaylistItem,
  SignageItemDto,
  SignageItemInput,
  SignageKind,
  WeeklyWindow,
} from '../signage/signage-types.ts';
import { type AuditOf, writeAudit } from './audit-repository.ts';
import type { Db } from './database.ts';
import type { Database, SignageItemsTable } from './schema.ts';

type ItemRow = SignageItemsTable;

/**
 * Signage content per store: playlist items (images, videos, text slides with weekday/time
 * windows) and manager broadcasts. Uploaded files live in `MediaStore`, beside the database.
 *
 * @example
 * const signage = new SignageRepository(db);
 * await signage.playlist('demo'); // active items in order
 */
export class SignageRepository {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  /** Every item of the store, active or not, in playing order. */
  async list(storeId: string): Promise<SignageItemDto[]> {
    const rows = await this.#db
      .selectFrom('signage_items')
      .selectAll()
      .where('store_id', '=', storeId)
      .orderBy('sort_order')
      .orderBy('created_at')
      .execute();
    return rows.map(toItemDto);
  }

  async playlist(storeId: string): Promise<PlaylistItem[]> {
    return (await this.list(storeId))
      .filter((i) => i.active)
      .map((i) => ({
        id: i.id,
        kind: i.kind,
        ...(i.url ? { url: i.url } : {}),
        ...(i.text ? { text: i.text } : {}),
        ...(i.textByLanguage ? { textByLanguage: i.textByLanguage } : {}),
        durationSec: i.durationSec,
        windows: i.windows,
      }));
  }

  async find(storeId: string, id: string): Promise<SignageItemDto | undefined> {
    return findItem(this.#db, storeId, id);
  }

  /** Adds an item at the end of the playlist (unless ordered), with its audit entry. */
  async create(
    storeId: string,
    input: SignageItemInput,
    now: number,
    audit?: AuditOf<SignageItemDto>,
  ): Promise<SignageItemDto> {
    return this.#db.transaction().execute(async (trx) => {
      const item = await insertItem(trx, storeId, input, now);
      await writeAudit(trx, audit, item);
      return item;
    });
  }

  /** Changes an existing item (undefined when there is none: nothing written, not even the audit). */
  async update(
    storeId: string,
    id: string,
    patch: Partial<SignageItemInput>,
    audit?: AuditOf<SignageItemDto>,
  ): Promise<SignageItemDto | undefined> {
    const set = {
      ...(patch.kind ? { kind: patch.kind } : {}),
      ...(patch.url !== undefined ? { url: patch.url } : {}),
      ...(patch.text !== undefined ? { text_json: patch.text ? JSON.stringify(patch.text) : null } : {}),
      ...(patch.durationSec !== undefined ? { duration_sec: patch.durationSec } : {}),
      ...(patch.windows ? { windows_json: JSON.stringify(patch.windows) } : {}),
      ...(patch.sortOrder !== undefined ? { sort_order: patch.sortOrder } : {}),
      ...(patch.active !== undefined ? { active: patch.active ? 1 : 0 } : {}),
    };
    return this.#db.transaction().execute(async (trx) => {
      if (Object.keys(set).length > 0) {
        await trx.updateTable('signage_items').set(set).where('store_id', '=', storeId).where('id', '=', id).execute();
      }
      const item = await findItem(trx, storeId, id);
      if (item) await writeAudit(trx, audit, item);
      return item;
    });
  }

  /** Removes an item; the audit entry is written only when there was one. */
  async remove(storeId: string, id: string, audit?: AuditOf<{ id: string }>): Promise<boolean> {
    return this.#db.transaction().execute(async (trx) => {
      const r = await trx
        .deleteFrom('signage_items')
        .where('store_id', '=', storeId)
        .where('id', '=', id)
        .executeTakeFirst();
      if (Number(r.numDeletedRows) === 0) return false;
      await writeAudit(trx, audit, { id });
      return true;
    });
  }

  async createBroadcast(
    storeId: string,
    message: string | LocalizedText,
    expiresAt: number,
    createdBy: string | null,
    now: number,
    audit?: AuditOf<BroadcastDto>,
  ): Promise<BroadcastDto> {
    const row = {
      id: randomId('bc'),
      store_id: storeId,
      message: typeof message === 'string' ? message : message.en,
      message_json: typeof message === 'string' ? null : JSON.stringify(message),
      created_by: createdBy,
      created_at: now,
      expires_at: expiresAt,
    };
    const broadcast = toBroadcastDto(row);
    await this.#db.transaction().execute(async (trx) => {
      await trx.insertInto('broadcasts').values(row).execute();
      await writeAudit(trx, audit, broadcast);
    });
    return broadcast;
  }

  /** The newest broadcasts first (live and ended). */
  async listBroadcasts(storeId: string, limit = 50): Promise<BroadcastDto[]> {
    const rows = await this.#db
      .selectFrom('broadcasts')
      .selectAll()
      .where('store_id', '=', storeId)
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toBroadcastDto);
  }

  /** The newest broadcast still running at `now`, if any. */
  async currentBroadcast(storeId: string, now: number): Promise<BroadcastDto | null> {
    const row = await this.#db
      .selectFrom('broadcasts')
      .selectAll()
      .where('store_id', '=', storeId)
      .where('expires_at', '>', now)
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
    return row ? toBroadcastDto(row) : null;
  }

  /** Ends a running broadcast now; returns it (audited), or undefined when unknown. */
  async endBroadcast(
    storeId: string,
    id: string,
    now: number,
    audit?: AuditOf<BroadcastDto>,
  ): Promise<BroadcastDto | undefined> {
    return this.#db.transaction().execute(async (trx) => {
      await trx
        .updateTable('broadcasts')
        .set({ expires_at: now })
        .where('store_id', '=', storeId)
        .where('id', '=', id)
        .where('expires_at', '>', now)
        .execute();
      const row = await trx
        .selectFrom('broadcasts')
        .selectAll()
        .where('store_id', '=', storeId)
        .where('id', '=', id)
        .executeTakeFirst();
      const broadcast = row && toBroadcastDto(row);
      if (broadcast) await writeAudit(trx, audit, broadcast);
      return broadcast;
    });
  }
}

async function findItem(db: Kysely<Database>, storeId: string, id: string): Promise<SignageItemDto | undefined> {
  const row = await db
    .selectFrom('signage_items')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toItemDto(row);
}

async function insertItem(
  trx: Kysely<Database>,
  storeId: string,
  input: SignageItemInput,
  now: number,
): Promise<SignageItemDto> {
  const id = randomId('sgn');
  const last = await trx
    .selectFrom('signage_items')
    .select((eb) => eb.fn.max<number>('sort_order').as('max'))
    .where('store_id', '=', storeId)
    .executeTakeFirst();
  await trx
    .insertInto('signage_items')
    .values({
      id,
      store_id: storeId,
      kind: input.kind,
      url: input.url ?? null,
      text_json: input.text ? JSON.stringify(input.text) : null,
      duration_sec: input.durationSec,
      windows_json: JSON.stringify(input.windows),
      sort_order: input.sortOrder ?? Number(last?.max ?? 0) + 10,
      active: input.active === false ? 0 : 1,
      created_at: now,
    })
    .execute();
  return (await findItem(trx, storeId, id)) as SignageItemDto;
}

function toItemDto(r: ItemRow): SignageItemDto {
  return {
    id: r.id,
    kind: r.kind as SignageKind,
    url: r.url,
    ...textFields(r.text_json ? (JSON.parse(r.text_json) as string | LocalizedText) : null),
    durationSec: Number(r.duration_sec),
    windows: JSON.parse(r.windows_json) as WeeklyWindow[],
    sortOrder: Number(r.sort_order),
    active: Number(r.active) === 1,
    createdAt: new Date(Number(r.created_at)).toISOString(),
  };
}

/** A slide's text as stored (one string, or one per language) in the answer's two fields. */
function textFields(text: string | LocalizedText | null): Pick<SignageItemDto, 'text' | 'textByLanguage'> {
  return text === null || typeof text === 'string' ? { text } : { text: text.en, textByLanguage: text };
}

function toBroadcastDto(r: {
  id: string;
  message: string;
  message_json?: string | null;
  created_by: string | null;
  created_at: number;
  expires_at: number;
}): BroadcastDto {
  return {
    id: r.id,
    message: r.message,
    ...(r.message_json ? { messageByLanguage: JSON.parse(r.message_json) as LocalizedText } : {}),
    createdBy: r.created_by,
    createdAt: new Date(Number(r.created_at)).toISOString(),
    expiresAt: new Date(Number(r.expires_at)).toISOString(),
  };
}
