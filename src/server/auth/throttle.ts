// Login throttling in memory: failed attempts are counted per login (tight) and per client
// address (generous, so a shared worksite connection is not locked out); successes never count
// and clear the login's failures. A process restart forgets everything, which is acceptable.
export interface ThrottleLimits {
  perLogin: number;
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_LIMITS: ThrottleLimits = { perLogin: 5, perAddress: 100, windowMs: 15 * 60 * 1000 };
const MAX_TRACKED_KEYS = 50_000;

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly limits: ThrottleLimits = DEFAULT_LIMITS,
  ) {}

  /** Seconds to wait before trying again, or 0 when an attempt may go ahead. */
  retryAfter(login: string, address: string): number {
    const t = this.now();
    const a = this.wait(`l:${login}`, this.limits.perLogin, t);
    const b = this.wait(`a:${address}`, this.limits.perAddress, t);
    return Math.max(a, b);
  }

  recordFailure(login: string, address: string): void {
    const t = this.now();
    this.push(`l:${login}`, t);
    this.push(`a:${address}`, t);
  }

  recordSuccess(login: string): void {
    this.failures.delete(`l:${login}`);
  }

  private recent(key: string, t: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((x) => x > t - this.limits.windowMs);
    if (list.length === 0) this.failures.delete(key);
    else this.failures.set(key, list);
    return list;
  }

  private wait(key: string, limit: number, t: number): number {
    const list = this.recent(key, t);
    if (list.length < limit) return 0;
    const oldestThatCounts = list[list.length - limit] ?? t;
    return Math.max(1, Math.ceil((oldestThatCounts + this.limits.windowMs - t) / 1000));
  }

  private push(key: string, t: number): void {
    if (!this.failures.has(key) && this.failures.size >= MAX_TRACKED_KEYS) this.sweep(t);
    const list = this.recent(key, t);
    list.push(t);
    this.failures.set(key, list);
  }

  private sweep(t: number): void {
    for (const key of [...this.failures.keys()]) this.recent(key, t);
    // Still full of recent failures (an attack spraying logins): forget the oldest keys first.
    for (const key of this.failures.keys()) {
      if (this.failures.size < MAX_TRACKED_KEYS) break;
      this.failures.delete(key);
    }
  }
}
