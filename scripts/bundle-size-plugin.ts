import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** The budget per app: the gzipped JS a page needs before it can run. */
const DEFAULT_LIMIT_BYTES = 100 * 1000;

interface ChunkInfo {
  code: string;
  imports: string[];
}

/**
 * Gzipped JS size per app: the entry chunk plus every chunk it imports statically, shared
 * chunks counted in each app that loads them.
 *
 * @example
 * appJsSizes({ 'kiosk.js': { code, imports: ['lit.js'] }, 'lit.js': { code, imports: [] } }, { kiosk: 'kiosk.js' })
 */
export function appJsSizes(chunks: Record<string, ChunkInfo>, entries: Record<string, string>): Record<string, number> {
  const gzipped = new Map<string, number>();
  const sizeOf = (file: string) => {
    let size = gzipped.get(file);
    if (size === undefined) {
      size = gzipSync(chunks[file]?.code ?? '').length;
      gzipped.set(file, size);
    }
    return size;
  };
  const sizes: Record<string, number> = {};
  for (const [app, entry] of Object.entries(entries)) {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file) || !chunks[file]) return;
      seen.add(file);
      for (const imported of chunks[file].imports) visit(imported);
    };
    visit(entry);
    sizes[app] = [...seen].reduce((sum, file) => sum + sizeOf(file), 0);
  }
  return sizes;
}

/**
 * After `vite build`, prints each app's gzipped JS size and fails the build when one reaches
 * `limitBytes` (100 kB by default).
 */
export function bundleSizePlugin(options: { limitBytes?: number } = {}): Plugin {
  const limit = options.limitBytes ?? DEFAULT_LIMIT_BYTES;
  return {
    name: 'linecast-bundle-size',
    apply: 'build',
    generateBundle(_outputOptions, bundle) {
      const chunks: Record<string, ChunkInfo> = {};
      const entries: Record<string, string> = {};
      for (const [file, output] of Object.entries(bundle)) {
        if (output.type !== 'chunk') continue;
        chunks[file] = { code: output.code, imports: output.imports };
        if (output.isEntry) entries[output.name] = file;
      }
      const sizes = appJsSizes(chunks, entries);
      const width = Math.max(...Object.keys(sizes).map((app) => app.length));
      const lines = Object.entries(sizes)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([app, bytes]) => `  ${app.padEnd(width)}  ${(bytes / 1000).toFixed(1).padStart(6)} kB gzipped JS`);
      console.log(`\nApp bundle sizes (limit ${(limit / 1000).toFixed(0)} kB each):\n${lines.join('\n')}\n`);
      const over = Object.entries(sizes).filter(([, bytes]) => bytes >= limit);
      if (over.length) {
        this.error(
          `JS over budget: ${over.map(([app, bytes]) => `${app} ${(bytes / 1000).toFixed(1)} kB`).join(', ')}`,
        );
      }
    },
  };
}
