import type { ApiRouter } from '../api-router.ts';

export function adminRoutes(_api: ApiRouter): void {}
