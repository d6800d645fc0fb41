import type { ApiRouter } from '../api-router.ts';

export function staffingRoutes(_api: ApiRouter): void {}
