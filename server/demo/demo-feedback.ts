import type { FeedbackInput } from '../../shared/domain.ts';
import type { EngineEvent } from '../engine/events.ts';
import { rng } from '../insight/prng.ts';

/** Share of served customers who answer the survey on their phone. */
const RESPONSE_RATE = 0.3;

/**
 * Adds the satisfaction answers a store would collect to simulated history: about a third of
 * served customers rate their visit a few minutes after service, worse the longer they waited,
 * so the dashboard and the "wait vs satisfaction" report have something true to the model to show.
 */
export function withSimulatedFeedback(events: EngineEvent[], seed: number): EngineEvent[] {
  const r = rng(seed);
  const issuedAt = new Map<string, number>();
  const firstCall = new Map<string, number>();
  const feedback: EngineEvent[] = [];
  for (const e of events) {
    if (e.type === 'ticket:issued') issuedAt.set(e.ticket.id, e.at);
    else if (e.type === 'ticket:called' && !firstCall.has(e.ticketId)) firstCall.set(e.ticketId, e.at);
    else if (e.type === 'ticket:done' && r() < RESPONSE_RATE) {
      const waitMin = ((firstCall.get(e.ticketId) ?? e.at) - (issuedAt.get(e.ticketId) ?? e.at)) / 60_000;
      feedback.push({
        type: 'ticket:feedback',
        at: e.at + 60_000 + Math.floor(r() * 240_000),
        ticketId: e.ticketId,
        feedback: answer(waitMin, r),
      });
    }
  }
  // Merge by time; a stable sort keeps the simulator's order among equal times.
  return [...events, ...feedback].sort((a, b) => a.at - b.at);
}

function answer(waitMin: number, r: () => number): FeedbackInput {
  const mood = Math.max(0, Math.min(1, 1 - waitMin / 25 + (r() - 0.5) * 0.4));
  const csat = 1 + Math.round(mood * 4);
  const answers: FeedbackInput = { csat };
  if (r() < 0.6) answers.nps = Math.round(mood * 10);
  if (r() < 0.4) answers.ces = 7 - Math.round(mood * 6);
  return answers;
}
