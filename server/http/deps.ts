import type { DeviceDto, DeviceRepository } from '../auth/device-repository.ts';
import type { LoginThrottle } from '../auth/login-throttle.ts';
import type { SessionRepository } from '../auth/session-repository.ts';
import type { UserRecord, UserRepository } from '../auth/user-repository.ts';
import type { LineService } from '../line/line-service.ts';
import type { LiveWaits } from '../line/live-waits.ts';
import type { WaitModels } from '../line/wait-models.ts';
import type { SignageRepository } from '../signage/signage-repository.ts';
import type { Db } from '../store/database.ts';
import type { ReportService } from '../store/report-service.ts';

/** Everything a request handler may use; built once in `server/app.ts`. */
export interface Deps {
  db: Db;
  lines: LineService;
  users: UserRepository;
  sessions: SessionRepository;
  devices: DeviceRepository;
  signage: SignageRepository;
  waits: LiveWaits;
  models: WaitModels;
  reports: ReportService;
  throttle: LoginThrottle;
  /** Hooks the realtime layer provides (e.g. broadcasting a signage message). */
  realtime: RealtimeHooks;
  config: { dataDir: string; staticDir: string; production: boolean };
}

export interface RealtimeHooks {
  broadcast(storeId: string, message: { id: string; message: string; expiresAt: string }): void;
  signageChanged(storeId: string): void;
}

export interface AppEnv {
  Variables: {
    deps: Deps;
    user: UserRecord | undefined;
    device: DeviceDto | undefined;
    sessionToken: string | undefined;
  };
}
