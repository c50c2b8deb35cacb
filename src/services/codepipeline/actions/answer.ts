/**
 * @module services/codepipeline/actions/answer
 * How an action that waits for a person or a worker (an approval, a custom action's job) gets its
 * answer: the bus event naming it, or the answer recorded while Slipway was down. Listening starts
 * before `ready` hands out what the answer must name, so none is missed; an abort ends the wait.
 */
import type { EventBus } from '../../../core/events.ts';

export function awaitAnswer<T>(opts: {
  events: EventBus;
  type: string;
  resource: string;
  signal: AbortSignal;
  read(detail: Record<string, unknown>): T;
  earlier(): T | undefined;
  ready(): void;
  abandoned(): Error;
}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const stop = opts.events.subscribe((event) => {
      if (event.type !== opts.type || event.resource !== opts.resource) return;
      done();
      resolve(opts.read(event.detail));
    });
    const aborted = () => {
      done();
      reject(opts.abandoned());
    };
    const done = () => {
      stop();
      opts.signal.removeEventListener('abort', aborted);
    };
    opts.signal.addEventListener('abort', aborted, { once: true });
    opts.ready();
    const earlier = opts.earlier();
    if (earlier) {
      done();
      resolve(earlier);
    }
  });
}
