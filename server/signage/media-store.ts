import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

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
 * Uploaded images and videos under `${dataDir}/media/<storeId>/`.
 *
 * @example
 * const { file } = await media.save('demo', bytes, 'image/png'); // 'Xy3…q.png'
 */
export class MediaStore {
  readonly #root: string;

  constructor(dataDir: string) {
    this.#root = join(dataDir, 'media');
  }

  async save(
    storeId: string,
    bytes: Uint8Array,
    contentType: string,
  ): Promise<{ file: string; kind: 'image' | 'video' }> {
    const ext = MEDIA_TYPES[contentType];
    if (!ext) throw new Error(`unsupported media type ${contentType}`);
    const dir = join(this.#root, safeSegment(storeId));
    await mkdir(dir, { recursive: true });
    const file = `${randomBytes(12).toString('base64url')}.${ext}`;
    await writeFile(join(dir, file), bytes);
    return { file, kind: contentType.startsWith('video/') ? 'video' : 'image' };
  }

  /** The file's bytes and media type, or undefined for an unknown or malformed name. */
  async read(storeId: string, file: string): Promise<{ bytes: Buffer; contentType: string } | undefined> {
    if (!FILE_NAME.test(file)) return undefined;
    const ext = file.slice(file.lastIndexOf('.') + 1);
    try {
      const bytes = await readFile(join(this.#root, safeSegment(storeId), file));
      return { bytes, contentType: TYPE_BY_EXTENSION[ext] ?? 'application/octet-stream' };
    } catch {
      return undefined;
    }
  }
}

function safeSegment(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '_');
}
