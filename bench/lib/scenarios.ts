import type { Scored } from './metrics.ts';
export const SCENARIOS: Record<string, unknown> = {};
export function evaluateScenario(_name: string): { scored: Scored[]; note: string } {
  return { scored: [], note: '' };
}
