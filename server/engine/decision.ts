import type { EngineEvent } from './events.ts';
import type { Decision, RejectionCode } from './rejection.ts';

/** A refusal with a message a person can read. */
export function reject(code: RejectionCode, message: string): Decision {
  return { ok: false, rejection: { code, message } };
}

/** An accepted command; zero events means "nothing to do" (e.g. nobody waits). */
export function accept(...events: EngineEvent[]): Decision {
  return { ok: true, events };
}
