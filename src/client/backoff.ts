// Retry delay after a failed sync: exponential, capped, with jitter so that the tablets of a
// structure coming back online together do not all hit the server in the same second.
export interface BackoffOptions {
  baseMs?: number;
  maxMs?: number;
  random?: () => number;
}

/** Delay before retry number `attempt` (0 for the first retry): in [d/2, d], d = min(max, base·2^attempt). */
export function backoffDelay(attempt: number, { baseMs = 2_000, maxMs = 5 * 60_000, random = Math.random }: BackoffOptions = {}): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(Math.max(attempt, 0), 30));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
