/**
 * @module server/warm
 * Keeps the event loop polling, not sleeping, for a moment after an answer while calls arrive back
 * to back. On a virtual machine, waking a process whose CPU went idle costs tens of microseconds (an
 * interrupt through the hypervisor, then cold caches) — as much as a whole read call takes. A
 * client sending one call after another finds Slipway awake; KVM polls a halted vCPU the same way.
 * A call that comes later than WARM_MS after the previous answer is not back to back: after it the
 * loop sleeps at once, so a lone call or a slow client costs no CPU, and a burst's end at most WARM_MS.
 */

/** How long the loop keeps polling after an answer, and the longest gap between calls that counts as back to back. */
export const WARM_MS = 0.5;

export interface WarmLoop {
  /** A request arrived; true when it came within WARM_MS of the previous answer. */
  arrived(): boolean;
  /** Its answer was sent; the loop keeps polling for WARM_MS when the request came back to back. */
  answered(backToBack: boolean): void;
  /** Whether the loop is polling now. */
  polling(): boolean;
}

/** `now` is real time in ms (not the scaled Clock: this is about the CPU, at sub-millisecond grain). */
export function warmLoop(now: () => number = () => performance.now()): WarmLoop {
  let lastAnswer = Number.NEGATIVE_INFINITY;
  let until = 0;
  let spinning = false;
  // A pending immediate makes the loop poll without waiting; each turn re-queues it until `until`.
  const spin = () => {
    if (now() < until) setImmediate(spin);
    else spinning = false;
  };
  return {
    arrived: () => now() - lastAnswer <= WARM_MS,
    answered(backToBack) {
      lastAnswer = now();
      if (!backToBack) return;
      until = lastAnswer + WARM_MS;
      if (!spinning) {
        spinning = true;
        setImmediate(spin);
      }
    },
    polling: () => spinning,
  };
}
