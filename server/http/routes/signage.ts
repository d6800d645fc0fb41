import type { ApiRouter } from '../api-router.ts';

export function signageRoutes(_api: ApiRouter): void {}
