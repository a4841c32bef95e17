// Login throttling in the database: failed attempts are counted per login (tight) and per client
// address (generous, so a shared worksite connection is not locked out); successes never count
// and clear the login's failures. The counts live in `login_failures` (migration 9), so every
// server process behind a load balancer sees the same ones and a restart forgets nothing.
//
// An attempt is claimed before the password is checked, under an advisory lock per key: two
// attempts at once on two servers cannot both see "4 failures" and both go ahead, so a login
// gets exactly `perLogin` tries per window whatever the interleaving. A claim that turns out a
// success is withdrawn; one that fails (or whose process dies) stays counted.
import { createHash, randomUUID } from 'node:crypto';
import type { Db, Queryable } from '../db/types';
import { toNumber } from '../db/types';

export interface ThrottleLimits {
  perLogin: number;
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_LIMITS: ThrottleLimits = { perLogin: 5, perAddress: 100, windowMs: 15 * 60 * 1000 };

/** Either the attempt may go ahead (and is counted until `succeeded`), or wait that many seconds. */
export type Claim = { allowed: true; login: string; address: string; attempt: string } | { allowed: false; retryAfter: number };

/** First key of the two-key advisory lock: this module's locks never meet the migrations' or the seeding's. */
const LOCK_CLASS = 0x7472_6c74; // "trlt"

export class LoginThrottle {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
    private readonly limits: ThrottleLimits = DEFAULT_LIMITS,
  ) {}

  /** Counts one attempt for this login and address, unless either is over its limit. */
  claim(login: string, address: string): Promise<Claim> {
    const keys = [`l:${login}`, `a:${address}`] as const;
    return this.db.transaction(async (tx) => {
      // Always in the same order (sorted), so two claims never wait on each other crosswise.
      for (const k of [...keys].sort()) await tx.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_CLASS, lockKey(k)]);
      const t = this.now();
      await tx.query('DELETE FROM login_failures WHERE at_ms <= $1', [t - this.limits.windowMs]);
      const wait = Math.max(
        await this.wait(tx, keys[0], this.limits.perLogin, t),
        await this.wait(tx, keys[1], this.limits.perAddress, t),
      );
      if (wait > 0) return { allowed: false, retryAfter: wait };
      const attempt = randomUUID();
      await tx.query('INSERT INTO login_failures (key, attempt, at_ms) VALUES ($1, $3, $4), ($2, $3, $4)', [keys[0], keys[1], attempt, t]);
      return { allowed: true, login, address, attempt };
    });
  }

  /** The claimed attempt signed in: it does not count, and the login's earlier failures are forgiven. */
  async succeeded(claim: Extract<Claim, { allowed: true }>): Promise<void> {
    await this.db.query('DELETE FROM login_failures WHERE key = $1 OR (key = $2 AND attempt = $3)', [`l:${claim.login}`, `a:${claim.address}`, claim.attempt]);
  }

  /** Seconds until the oldest failure that keeps the key at its limit leaves the window; 0 below it. */
  private async wait(tx: Queryable, key: string, limit: number, t: number): Promise<number> {
    const { rows } = await tx.query<{ at_ms: unknown }>(
      'SELECT at_ms FROM login_failures WHERE key = $1 AND at_ms > $2 ORDER BY at_ms DESC LIMIT $3',
      [key, t - this.limits.windowMs, limit],
    );
    if (rows.length < limit) return 0;
    const oldestThatCounts = toNumber(rows[rows.length - 1]?.at_ms);
    return Math.max(1, Math.ceil((oldestThatCounts + this.limits.windowMs - t) / 1000));
  }
}

/** A 32-bit lock key from a throttle key (a collision only makes two keys share a lock). */
function lockKey(key: string): number {
  return createHash('sha256').update(key).digest().readInt32BE(0);
}
