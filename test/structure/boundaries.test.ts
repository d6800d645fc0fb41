import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Who may import what (docs/architecture.md). Each rule names the files that break it today
// and who is moving them; an entry that no longer breaks the rule fails the test, so the
// allow-lists only shrink.

const ROOT = resolve(import.meta.dirname, '../..');
const SOURCES = ['server', 'shared', 'kiosk', 'signage', 'staff', 'test', 'bench', 'scripts'];

/** Every .ts file of the repository (not node_modules, not built output), repository-relative. */
function sourceFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'dist') walk(path);
      } else if (/\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
    }
  };
  for (const dir of SOURCES) walk(dir);
  return out;
}

/** What a file imports: packages by name, files by repository-relative path. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*|^import\s+)['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
  return specifiers.map((s) => (s.startsWith('.') ? relative(ROOT, resolve(ROOT, dirname(file), s)) : s));
}

const FILES = sourceFiles().map((file) => ({ file, imports: importsOf(file) }));

/** Files that break `rule`, as `file → import`. */
function offenders(applies: (file: string) => boolean, forbidden: (target: string) => boolean): string[] {
  return FILES.filter(({ file }) => applies(file)).flatMap(({ file, imports }) =>
    imports.filter(forbidden).map((target) => `${file} → ${target}`),
  );
}

/** Checks the offenders against an allow-list of file prefixes that are still being moved. */
function expectOnly(found: string[], allowed: readonly string[]): void {
  const fileOf = (o: string) => o.split(' → ')[0]!;
  expect(
    found.filter((o) => !allowed.some((a) => fileOf(o).startsWith(a))),
    'imports across a boundary',
  ).toEqual([]);
  // An allow-list entry nobody needs any more must go, so the rule tightens as work lands.
  const stale = allowed.filter((a) => !found.some((o) => fileOf(o).startsWith(a)));
  expect(stale, 'allow-list entries that no longer break the rule: delete them').toEqual([]);
}

const isDatabase = (target: string) =>
  target === 'kysely' ||
  target.startsWith('kysely/') ||
  target === 'better-sqlite3' ||
  target === 'pg' ||
  target === 'server/store/database.ts' ||
  target === 'server/store/schema.ts';

describe('import boundaries', () => {
  it('the apps import nothing from server/: their contract lives in shared/', () => {
    const found = offenders(
      (f) => /^(kiosk|signage|staff)\//.test(f),
      (t) => t.startsWith('server/'),
    );
    expectOnly(found, []);
  });

  it('only server/store/ touches the database', () => {
    const found = offenders((f) => !f.startsWith('server/store/'), isDatabase);
    expectOnly(found, [
      // The bench's bare reference stack is better-sqlite3 without Linecast, on purpose.
      'bench/scale/bare-server.ts',
    ]);
  });

  it('realtime does not depend on http', () => {
    expect(
      offenders(
        (f) => f.startsWith('server/realtime/'),
        (t) => t.startsWith('server/http/'),
      ),
    ).toEqual([]);
  });

  it('the server runs without test, bench or script code', () => {
    const serving = (f: string) => f.startsWith('server/') && !f.endsWith('.test.ts') && !f.includes('/testing/');
    const found = offenders(serving, (t) => /^(test|bench|scripts)\//.test(t));
    expect(found).toEqual([]);
  });

  it('the engine is pure: it imports only itself, shared/ and test libraries', () => {
    const allowed = (t: string) =>
      t.startsWith('server/engine/') || t.startsWith('shared/') || t === 'vitest' || t === 'fast-check';
    expect(
      offenders(
        (f) => f.startsWith('server/engine/'),
        (t) => !allowed(t),
      ),
    ).toEqual([]);
  });

  it('the scan sees the imports it checks', () => {
    // Guards against a scan that finds nothing and so passes every rule.
    const store = FILES.find((f) => f.file === 'server/store/database.ts');
    expect(store?.imports).toContain('kysely');
    expect(FILES.length).toBeGreaterThan(100);
  });
});
