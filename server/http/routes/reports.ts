import type { ApiRouter } from '../api-router.ts';

export function reportRoutes(_api: ApiRouter): void {}
