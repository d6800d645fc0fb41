import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuditEntry } from '../store/audit-repository.ts';
import type { MediaRepository } from '../store/media-repository.ts';

/** Media types a screen can show, and the file extension each is stored under. */
export const MEDIA_TYPES: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'video/mp4': 'mp4',
  'video/webm': 'webm',
};

const TYPE_BY_EXTENSION = Object.fromEntries(Object.entries(MEDIA_TYPES).map(([type, ext]) => [ext, type]));

/** Stored names are ours alone (random + known extension), so a name never walks out of the folder. */
const FILE_NAME = /^[A-Za-z0-9_-]{8,64}\.(png|jpg|webp|gif|mp4|webm)$/;

/**
 * Uploaded images and videos, kept in the database so every node serves them. Files saved under
 * `${dataDir}/media/<storeId>/` by versions before that are still read from there.
 *
 * @example
 * const { file } = await media.save('demo', bytes, 'image/png', now); // 'Xy3…q.png'
 */
export class MediaStore {
  readonly #repo: MediaRepository;
  readonly #legacyRoot: string;

  constructor(repo: MediaRepository, dataDir: string) {
    this.#repo = repo;
    this.#legacyRoot = join(dataDir, 'media');
  }

  /** Saves the bytes (with `audit`, in the same transaction) under a new random name. */
  async save(
    storeId: string,
    bytes: Uint8Array,
    contentType: string,
    at: number,
    audit?: (file: string) => AuditEntry,
  ): Promise<{ file: string; kind: 'image' | 'video' }> {
    const ext = MEDIA_TYPES[contentType];
    if (!ext) throw new Error(`unsupported media type ${contentType}`);
    const file = `${randomBytes(12).toString('base64url')}.${ext}`;
    await this.#repo.save({ storeId, file, contentType, bytes, at }, audit?.(file));
    return { file, kind: contentType.startsWith('video/') ? 'video' : 'image' };
  }

  /** The file's bytes and media type, or undefined for an unknown or malformed name. */
  async read(storeId: string, file: string): Promise<{ bytes: Buffer; contentType: string } | undefined> {
    if (!FILE_NAME.test(file)) return undefined;
    const stored = await this.#repo.read(storeId, file);
    if (stored) return stored;
    const ext = file.slice(file.lastIndexOf('.') + 1);
    try {
      const bytes = await readFile(join(this.#legacyRoot, safeSegment(storeId), file));
      return { bytes, contentType: TYPE_BY_EXTENSION[ext] ?? 'application/octet-stream' };
    } catch {
      return undefined;
    }
  }
}

function safeSegment(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '_');
}
