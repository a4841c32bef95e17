// When a device session lapses (issue 13): a tablet left in a van must not keep a live session
// for months, yet a tablet in daily use must never be signed out. Pure rules, so they are tested
// as a table and with fast-check (test/server/sessionExpiry.test.ts) and the middleware
// (auth/session.ts) and the « Tablettes » list (devices/routes.ts) apply the same ones.
//
// Sliding idle limit: every authenticated request renews the session. `last_seen_at` is written
// at most once per RENEW_EVERY_MS to spare a write per request, so it may lag the real last use by
// up to that much; the idle limit is counted with that lag as grace, which is what makes "a gap
// between two requests never longer than the limit" always survive.
//
// Default 14 days: an ETI's tablet may stay offline at a remote chantier for two weeks and still
// sync when it comes back; beyond that the tablet is more likely forgotten than in use. Expiry
// only costs a password: unlike a revocation, the tablet keeps its data and its unsent changes,
// and the same person signing in again sends them. An absolute maximum (SESSION_MAX_DAYS) is off
// by default — a tablet in daily use is never signed out — and can be set by a structure that
// wants everyone to type their password again, say, every 90 days.

/** `last_seen_at` is rewritten when older than this (one write per minute at most per device). */
export const RENEW_EVERY_MS = 60_000;
const DAY_MS = 86_400_000;
export const DEFAULT_IDLE_DAYS = 14;

export interface SessionLimits {
  /** A session unused for longer than this expires. */
  idleMs: number;
  /** A session older than this expires however much it is used; null: no such limit. */
  maxAgeMs: number | null;
}

export const DEFAULT_SESSION_LIMITS: SessionLimits = { idleMs: DEFAULT_IDLE_DAYS * DAY_MS, maxAgeMs: null };

export interface SessionTimes {
  /** Epoch ms of the sign-in. */
  createdAt: number;
  /** Epoch ms the server last recorded a request (lags the real last use by < RENEW_EVERY_MS). */
  lastSeenAt: number;
}

/** Whether a session has lapsed at `now`. A clock that went back never expires one. */
export function isSessionExpired(limits: SessionLimits, s: SessionTimes, now: number): boolean {
  if (now - s.lastSeenAt > limits.idleMs + RENEW_EVERY_MS) return true;
  return limits.maxAgeMs !== null && now - s.createdAt > limits.maxAgeMs;
}

/** Whether a request at `now` on a live session should rewrite `last_seen_at`. */
export function shouldRenew(s: Pick<SessionTimes, 'lastSeenAt'>, now: number): boolean {
  return now - s.lastSeenAt > RENEW_EVERY_MS;
}

/** When the session lapses if nothing uses it (epoch ms): what « Tablettes » shows. */
export function sessionExpiresAt(limits: SessionLimits, s: SessionTimes): number {
  const idle = s.lastSeenAt + limits.idleMs + RENEW_EVERY_MS;
  return limits.maxAgeMs === null ? idle : Math.min(idle, s.createdAt + limits.maxAgeMs);
}

/**
 * SESSION_IDLE_DAYS (default 14) and SESSION_MAX_DAYS (default none), whole or decimal days.
 * A value that is not a number of days of at least one hour is refused with a French message:
 * the server then does not start rather than run with a limit nobody chose.
 */
export function sessionLimitsFromEnv(env: Record<string, string | undefined>): SessionLimits {
  const idle = daysOf(env['SESSION_IDLE_DAYS'], 'SESSION_IDLE_DAYS');
  const max = daysOf(env['SESSION_MAX_DAYS'], 'SESSION_MAX_DAYS');
  return { idleMs: idle ?? DEFAULT_SESSION_LIMITS.idleMs, maxAgeMs: max ?? null };
}

function daysOf(text: string | undefined, name: string): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const days = Number(text.trim().replace(',', '.'));
  // At least an hour, so the renewal resolution (one minute) stays negligible; at most ten years.
  if (!Number.isFinite(days) || days * DAY_MS < 3_600_000 || days > 3650) {
    throw new Error(`${name} invalide : ${text} (un nombre de jours, par exemple 14)`);
  }
  return Math.round(days * DAY_MS);
}
