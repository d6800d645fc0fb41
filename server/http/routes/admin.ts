import type { ApiRouter } from '../api-router.ts';
import { adminBroadcastRoutes } from './admin-broadcasts.ts';
import { adminDashboardRoutes } from './admin-dashboard.ts';
import { adminDeviceRoutes } from './admin-devices.ts';
import { adminLineRoutes } from './admin-lines.ts';
import { adminSignageRoutes } from './admin-signage.ts';
import { adminStoreRoutes } from './admin-stores.ts';
import { adminUserRoutes } from './admin-users.ts';
import { adminWebhookRoutes } from './admin-webhooks.ts';

/** Everything under `/api/admin/…`: admins everywhere, managers in their own stores. */
export function adminRoutes(api: ApiRouter): void {
  adminStoreRoutes(api);
  adminLineRoutes(api);
  adminUserRoutes(api);
  adminDeviceRoutes(api);
  adminSignageRoutes(api);
  adminBroadcastRoutes(api);
  adminDashboardRoutes(api);
  adminWebhookRoutes(api);
}
