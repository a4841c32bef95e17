// What the HTTP app needs from the outside world, injected so tests can drive time and the store.
import type { Db } from './db/types';
import { DEFAULT_SESSION_LIMITS, type SessionLimits } from './auth/expiry';
import { LoginThrottle } from './auth/throttle';
import { ServerClock } from './sync/clock';
import { localDate } from './sync/scope';

export interface AppDeps {
  db: Db;
  clock: ServerClock;
  /** Milliseconds since the epoch (injectable for tests). */
  now: () => number;
  /** Where the structures work: decides "today" for team memberships. */
  timeZone: string;
  throttle: LoginThrottle;
  /** Behind a reverse proxy, take the client address from X-Forwarded-For. */
  trustProxy: boolean;
  /** When an unused device session lapses (auth/expiry.ts; SESSION_IDLE_DAYS, SESSION_MAX_DAYS). */
  sessionLimits: SessionLimits;
}

export function makeDeps(partial: Pick<AppDeps, 'db'> & Partial<AppDeps>): AppDeps {
  const now = partial.now ?? Date.now;
  return {
    db: partial.db,
    now,
    clock: partial.clock ?? new ServerClock(now),
    timeZone: partial.timeZone ?? 'Europe/Paris',
    throttle: partial.throttle ?? new LoginThrottle(partial.db, now),
    trustProxy: partial.trustProxy ?? false,
    sessionLimits: partial.sessionLimits ?? DEFAULT_SESSION_LIMITS,
  };
}

export function today(deps: AppDeps): string {
  return localDate(deps.now(), deps.timeZone);
}
