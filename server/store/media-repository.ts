import { type AuditEntry, writeAudit } from './audit-repository.ts';
import type { Db } from './database.ts';

/** Signage images and videos, as bytes in the database (shared by every node). */
export class MediaRepository {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  /** Stores a file with its audit entry, in one transaction. */
  async save(
    media: { storeId: string; file: string; contentType: string; bytes: Uint8Array; at: number },
    audit?: AuditEntry,
  ): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      await trx
        .insertInto('media')
        .values({
          store_id: media.storeId,
          file: media.file,
          content_type: media.contentType,
          bytes: Buffer.from(media.bytes),
          created_at: media.at,
        })
        .execute();
      await writeAudit(trx, audit, undefined);
    });
  }

  async read(storeId: string, file: string): Promise<{ bytes: Buffer; contentType: string } | undefined> {
    const row = await this.#db
      .selectFrom('media')
      .select(['bytes', 'content_type'])
      .where('store_id', '=', storeId)
      .where('file', '=', file)
      .executeTakeFirst();
    return row && { bytes: Buffer.from(row.bytes), contentType: row.content_type };
  }
}
