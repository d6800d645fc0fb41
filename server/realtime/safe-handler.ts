import { log } from '../ops/logger.ts';
/**
 * Wraps a socket event handler so nothing a client sends can throw past it: a handler's error
 * (thrown or rejected) is logged and, when the client asked for an acknowledgement, answered.
 * Anything can arrive as the last argument, so the acknowledgement is used only when it is a
 * function.
 * @example socket.on('join', safeHandler('join', (raw, ack) => { … }));
 */
export function safeHandler<A extends unknown[]>(
  event: string,
  handler: (...args: A) => unknown,
  report: (message: string, error: unknown) => void = (message, err) => log.error({ err }, message),
): (...args: unknown[]) => void {
  return (...args) => {
    const last = args.at(-1);
    const ack = typeof last === 'function' ? (last as (answer: unknown) => void) : undefined;
    const fail = (error: unknown) => {
      report(`socket event '${event}' failed`, error);
      try {
        ack?.({ ok: false, error: { code: 'internal', message: 'Something went wrong on our side.' } });
      } catch (ackError) {
        report(`socket event '${event}' could not be answered`, ackError);
      }
    };
    try {
      const result = handler(...(args as A));
      if (result instanceof Promise) result.catch(fail);
    } catch (error) {
      fail(error);
    }
  };
}

/** The acknowledgement a client passed, or undefined when what it passed is not a function. */
export function ackOf<T>(candidate: unknown): ((answer: T) => void) | undefined {
  return typeof candidate === 'function' ? (candidate as (answer: T) => void) : undefined;
}
