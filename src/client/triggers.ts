// When the browser syncs: at start, when the network comes back, when the app becomes visible,
// on a timer, and shortly after a local write. One tab at a time syncs (Web Locks, if
// available); every tab sees counts and last sync through Dexie liveQuery, which follows
// writes made by other tabs.
import { liveQuery } from 'dexie';
import { META, type DeviceDb } from './db';
import type { SyncEngine } from './syncEngine';

export const SYNC_LOCK = 'tremplin-sync';

interface LockManagerLike {
  request<T>(name: string, options: { ifAvailable: boolean }, cb: (lock: unknown) => Promise<T>): Promise<T>;
}

/** Run `fn` under the cross-tab sync lock; undefined when another tab holds it. */
export function webLockRunner(locks: LockManagerLike | undefined): <T>(fn: () => Promise<T>) => Promise<T | undefined> {
  if (locks === undefined) return (fn) => fn();
  return (fn) => locks.request(SYNC_LOCK, { ifAvailable: true }, async (lock) => (lock === null ? undefined : fn()));
}

export interface TriggerOptions {
  intervalMs?: number;
  /** Delay between a local write and the sync that sends it. */
  writeDebounceMs?: number;
  target?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  doc?: Pick<Document, 'addEventListener' | 'removeEventListener' | 'visibilityState'>;
}

/** Start syncing in the background; returns the function that stops it. */
export function startSyncTriggers(engine: SyncEngine, db: DeviceDb, opts: TriggerOptions = {}): () => void {
  const target = opts.target ?? globalThis.window;
  const doc = opts.doc ?? globalThis.document;
  const intervalMs = opts.intervalMs ?? 30_000;
  const debounceMs = opts.writeDebounceMs ?? 2_000;
  const run = () => {
    if (!engine.isHalted()) void engine.requestSync();
  };

  const onOnline = () => {
    engine.setOnline(true);
    run();
  };
  const onOffline = () => engine.setOnline(false);
  const onVisible = () => {
    if (doc?.visibilityState === 'visible') run();
  };
  target?.addEventListener('online', onOnline);
  target?.addEventListener('offline', onOffline);
  doc?.addEventListener('visibilitychange', onVisible);
  const timer = setInterval(run, intervalMs);

  // Counts for the status bar, from whichever tab wrote; a new pending change schedules a sync.
  let lastPending = -1;
  let debounce: ReturnType<typeof setTimeout> | undefined;
  const sub = liveQuery(async () => {
    const [pending, rejectedCount, last] = await Promise.all([db.outbox.count(), db.rejected.count(), db.meta.get(META.lastSyncAt)]);
    return { pending, rejectedCount, lastSyncAt: typeof last?.value === 'number' ? last.value : undefined };
  }).subscribe({
    next: (v) => {
      const patch: { pending: number; rejectedCount: number; lastSyncAt?: number } = { pending: v.pending, rejectedCount: v.rejectedCount };
      if (v.lastSyncAt !== undefined) patch.lastSyncAt = v.lastSyncAt;
      if (!engine.isHalted()) engine.status.setState(patch);
      if (v.pending > lastPending && lastPending >= 0 && !engine.status.getState().syncing) {
        if (debounce !== undefined) clearTimeout(debounce);
        debounce = setTimeout(run, debounceMs);
      }
      lastPending = v.pending;
    },
    error: () => undefined,
  });

  run();
  return () => {
    target?.removeEventListener('online', onOnline);
    target?.removeEventListener('offline', onOffline);
    doc?.removeEventListener('visibilitychange', onVisible);
    clearInterval(timer);
    if (debounce !== undefined) clearTimeout(debounce);
    sub.unsubscribe();
    engine.stop();
  };
}
