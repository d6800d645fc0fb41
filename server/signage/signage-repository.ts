import { randomId } from '../auth/secrets.ts';
import type { Db } from '../store/database.ts';
import type { SignageItemsTable } from '../store/schema.ts';
import { MediaStore } from './media-store.ts';
import type {
  BroadcastDto,
  PlaylistItem,
  SignageItemDto,
  SignageItemInput,
  SignageKind,
  WeeklyWindow,
} from './signage-types.ts';

type ItemRow = SignageItemsTable;

/**
 * Signage content per store: playlist items (images, videos, text slides with weekday/time
 * windows), uploaded media files and manager broadcasts.
 *
 * @example
 * const signage = new SignageRepository(db, dataDir);
 * await signage.playlist('demo'); // active items in order
 */
export class SignageRepository {
  readonly #db: Db;
  readonly media: MediaStore;

  constructor(db: Db, dataDir: string) {
    this.#db = db;
    this.media = new MediaStore(dataDir);
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
        durationSec: i.durationSec,
        windows: i.windows,
      }));
  }

  async find(storeId: string, id: string): Promise<SignageItemDto | undefined> {
    const row = await this.#db
      .selectFrom('signage_items')
      .selectAll()
      .where('store_id', '=', storeId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toItemDto(row);
  }

  async create(storeId: string, input: SignageItemInput, now: number): Promise<SignageItemDto> {
    const id = randomId('sgn');
    const last = await this.#db
      .selectFrom('signage_items')
      .select((eb) => eb.fn.max<number>('sort_order').as('max'))
      .where('store_id', '=', storeId)
      .executeTakeFirst();
    await this.#db
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
    return (await this.find(storeId, id)) as SignageItemDto;
  }

  async update(storeId: string, id: string, patch: Partial<SignageItemInput>): Promise<SignageItemDto | undefined> {
    const set = {
      ...(patch.kind ? { kind: patch.kind } : {}),
      ...(patch.url !== undefined ? { url: patch.url } : {}),
      ...(patch.text !== undefined ? { text_json: patch.text ? JSON.stringify(patch.text) : null } : {}),
      ...(patch.durationSec !== undefined ? { duration_sec: patch.durationSec } : {}),
      ...(patch.windows ? { windows_json: JSON.stringify(patch.windows) } : {}),
      ...(patch.sortOrder !== undefined ? { sort_order: patch.sortOrder } : {}),
      ...(patch.active !== undefined ? { active: patch.active ? 1 : 0 } : {}),
    };
    if (Object.keys(set).length > 0) {
      await this.#db
        .updateTable('signage_items')
        .set(set)
        .where('store_id', '=', storeId)
        .where('id', '=', id)
        .execute();
    }
    return this.find(storeId, id);
  }

  async remove(storeId: string, id: string): Promise<boolean> {
    const r = await this.#db
      .deleteFrom('signage_items')
      .where('store_id', '=', storeId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async createBroadcast(
    storeId: string,
    message: string,
    expiresAt: number,
    createdBy: string | null,
    now: number,
  ): Promise<BroadcastDto> {
    const row = {
      id: randomId('bc'),
      store_id: storeId,
      message,
      created_by: createdBy,
      created_at: now,
      expires_at: expiresAt,
    };
    await this.#db.insertInto('broadcasts').values(row).execute();
    return toBroadcastDto(row);
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

  /** Ends a running broadcast now; returns it, or undefined when unknown. */
  async endBroadcast(storeId: string, id: string, now: number): Promise<BroadcastDto | undefined> {
    await this.#db
      .updateTable('broadcasts')
      .set({ expires_at: now })
      .where('store_id', '=', storeId)
      .where('id', '=', id)
      .where('expires_at', '>', now)
      .execute();
    const row = await this.#db
      .selectFrom('broadcasts')
      .selectAll()
      .where('store_id', '=', storeId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toBroadcastDto(row);
  }
}

function toItemDto(r: ItemRow): SignageItemDto {
  return {
    id: r.id,
    kind: r.kind as SignageKind,
    url: r.url,
    text: r.text_json ? (JSON.parse(r.text_json) as string) : null,
    durationSec: Number(r.duration_sec),
    windows: JSON.parse(r.windows_json) as WeeklyWindow[],
    sortOrder: Number(r.sort_order),
    active: Number(r.active) === 1,
    createdAt: new Date(Number(r.created_at)).toISOString(),
  };
}

function toBroadcastDto(r: {
  id: string;
  message: string;
  created_by: string | null;
  created_at: number;
  expires_at: number;
}): BroadcastDto {
  return {
    id: r.id,
    message: r.message,
    createdBy: r.created_by,
    createdAt: new Date(Number(r.created_at)).toISOString(),
    expiresAt: new Date(Number(r.expires_at)).toISOString(),
  };
}
