// In-page helpers for the screen benches that run in Chromium through Vite (bench/coordination.ts;
// the same shape as bench/competencesBrowser.ts, which keeps its own copy): services over a real
// Dexie connection with no server, « until the frame showing X has been painted », and the
// figures' summary. Kept apart so each bench file holds only its seed, its checks and its runs.
import { createAdminApi } from '../../src/client/admin';
import { createCalendarApi } from '../../src/client/calendar';
import type { DeviceDb } from '../../src/client/db';
import { createQueries } from '../../src/client/queries';
import { createRepository } from '../../src/client/repository';
import type { SessionUser } from '../../src/sync/protocol';
import type { Services } from '../../src/ui/shell/services';

/** Services for one connection, as on a device: one query object (its memories) per connection. */
export function servicesFor(db: DeviceDb, user: SessionUser): Services {
  const repo = createRepository(db, { structureId: user.structureId });
  return {
    queries: createQueries(db),
    // No server here: the coordinator's online calls fail as offline.
    admin: createAdminApi({ call: () => Promise.reject(new TypeError('Failed to fetch')) }),
    calendar: createCalendarApi({ call: () => Promise.reject(new TypeError('Failed to fetch')) }),
    write: async (e, id, set) => { await repo.write(e, id, set); },
    writeMany: async (changes) => { await repo.writeMany(changes); },
    remove: async (e, id) => { await repo.remove(e, id); },
    dismissRejected: async (seq) => { await repo.dismissRejected(seq); },
    login: async () => undefined, logout: async () => undefined, syncNow: async () => undefined,
    session: { get: () => user, subscribe: () => () => undefined },
    sync: { get: () => ({ online: true, pending: 0, syncing: false, updateRequired: false, rejectedCount: 0 }), subscribe: () => () => undefined },
    now: () => new Date(),
  };
}

/**
 * Milliseconds from `start` to the end of the frame in which check() first holds: checked each
 * animation frame, then a setTimeout(0) posted from that frame, so its style, layout and paint
 * are included. check() runs inside the timed span: keep it cheap. The first check waits for a
 * frame too: a screen rendered synchronously (from a remembered answer) would otherwise pass at
 * once and the timeout could run before that frame was painted (a 12 ms « paint » was seen).
 */
export function untilPainted(check: () => boolean, start = performance.now(), timeoutMs = 60_000): Promise<number> {
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (check()) setTimeout(() => resolve(performance.now() - start), 0);
      else if (performance.now() - start > timeoutMs) reject(new Error('timeout'));
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs, median and p95 (nearest rank), rounded to the millisecond. */
export function summary(xs: readonly number[]): { runsMs: number[]; medianMs: number; p95Ms: number } {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => Math.round(s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? NaN);
  return { runsMs: xs.map(Math.round), medianMs: at(0.5), p95Ms: at(0.95) };
}

/** Times an async read `n` times (untimed by the screen runs: for the profile of where time goes). */
export async function timeRead(n: number, read: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) { const t = performance.now(); await read(); out.push(Math.round(performance.now() - t)); }
  return out;
}
