import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  /** Where the built apps are (Vite's `dist/`). */
  staticDir: string;
  adminPassword: string | undefined;
  production: boolean;
  /** Fill the demo store with simulated weeks of history on first start. */
  demoHistoryDays: number;
  /** The server's clock (epoch ms); only tests and screenshots replace `Date.now`. */
  clock?: () => number;
}

/** Configuration from the environment (documented in README "Configuration"). */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const root = packageRoot(import.meta.dirname);
  return {
    port: env.PORT ? Number(env.PORT) : 3000,
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.DATA_DIR ?? './data'),
    staticDir: resolve(env.LINECAST_STATIC_DIR ?? resolve(root, 'dist')),
    adminPassword: env.LINECAST_ADMIN_PASSWORD || undefined,
    production: env.NODE_ENV === 'production',
    demoHistoryDays: env.LINECAST_DEMO_HISTORY_DAYS !== undefined ? Number(env.LINECAST_DEMO_HISTORY_DAYS) : 28,
  };
}

/** The folder holding package.json: server/ when run from source, dist/server/ when built. */
function packageRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}
