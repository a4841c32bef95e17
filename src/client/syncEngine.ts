// The device's sync loop: push the outbox in seq order (batches ≤ 500), apply the answers,
// then pull pages until the server has no more (pullPages.ts), each page applied with its cursor
// in one transaction. Failures never drop the outbox; they are retried with capped, jittered
// backoff, except a revoked device (erase everything), an expired session (stop sending its
// token, keep everything until the person signs in again) and a 426 (wait for the update).
import { MAX_PULL_LIMIT, type Change, type PushResult } from '../sync/protocol';
import { ApiError, RevokedError, SessionExpiredError, type Api } from './api';
import { applyPage, type PageHooks } from './applyPage';
import { backoffDelay } from './backoff';
import { eraseDeviceDb, META, type DeviceDb, type OutboxEntry } from './db';
import { applyPushResults } from './pushResults';
import { pullPages, type PullProgress } from './pullPages';
import { currentSession, markSessionExpired } from './session';
import { classifyFailure, createSyncStatusStore, type SyncStatus, type SyncStatusStore } from './status';

/** Stay well below the contract's 2 MB per push. */
const MAX_BATCH_BYTES = 1_500_000;
export const MAX_PUSH_BATCH = 500;
/** While another tab holds the sync, how soon to try again when this device has changes waiting. */
export const OTHER_TAB_RETRY_MS = 2_000;

export interface SyncEngineOptions {
  db: DeviceDb;
  api: Api;
  now?: () => number;
  /** Called after a revoked device has erased its data. */
  onRevoked?: () => void | Promise<void>;
  /** Called once the lapsed session is marked expired (the store and the outbox are kept). */
  onSessionExpired?: () => void | Promise<void>;
  pushBatchSize?: number;
  pullLimit?: number;
  hooks?: PageHooks;
  /** Runs a sync exclusively across tabs (Web Locks); returns undefined when another tab has it. */
  runExclusive?: <T>(fn: () => Promise<T>) => Promise<T | undefined>;
  timers?: { setTimeout: (fn: () => void, ms: number) => unknown; clearTimeout: (h: unknown) => void };
  random?: () => number;
}

export interface SyncOutcome {
  ok: boolean;
  /** Whether another attempt later may succeed. */
  retry: boolean;
  pushed: number;
  pulled: number;
  rejected: number;
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;

function toChange(e: OutboxEntry): Change {
  const c: Change = { opId: e.opId, entity: e.entity, id: e.id, hlc: e.hlc, set: e.set, v: e.v ?? 1 };
  if (e.deleted === true) c.deleted = true;
  return c;
}

export function createSyncEngine(options: SyncEngineOptions) {
  const { db, api } = options;
  const now = options.now ?? Date.now;
  const pullLimit = options.pullLimit ?? MAX_PULL_LIMIT;
  const timers = options.timers ?? { setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms), clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>) };
  const status: SyncStatusStore = createSyncStatusStore();
  let batchSize = Math.min(options.pushBatchSize ?? MAX_PUSH_BATCH, MAX_PUSH_BATCH);
  let running: Promise<SyncOutcome> | undefined;
  let again = false;
  let halted = false;
  let attempt = 0;
  let retryTimer: unknown;

  const set = (patch: Partial<SyncStatus>) => status.setState(patch);

  async function refreshCounts(): Promise<void> {
    if (halted) return;
    const [pending, rejectedCount, last] = await Promise.all([db.outbox.count(), db.rejected.count(), db.meta.get(META.lastSyncAt)]);
    const patch: Partial<SyncStatus> = { pending, rejectedCount };
    if (typeof last?.value === 'number') patch.lastSyncAt = last.value;
    set(patch);
  }

  async function pushAll(): Promise<{ pushed: number; rejected: number }> {
    let pushed = 0;
    let rejected = 0;
    for (;;) {
      const head = await db.outbox.orderBy('seq').limit(batchSize).toArray();
      if (head.length === 0) break;
      const batch: OutboxEntry[] = [];
      let bytes = 0;
      for (const e of head) {
        const size = JSON.stringify(toChange(e)).length;
        if (batch.length > 0 && bytes + size > MAX_BATCH_BYTES) break;
        batch.push(e);
        bytes += size;
      }
      let results: PushResult[];
      let serverHlc: string | undefined;
      try {
        const res = await api.push(batch.map(toChange));
        results = res.results;
        serverHlc = res.serverHlc;
      } catch (e) {
        if (!(e instanceof ApiError) || (e.status !== 400 && e.status !== 413)) throw e;
        if (batch.length > 1) {
          // Too big or one bad change: halve until the culprit is alone.
          batchSize = Math.max(1, Math.floor(batch.length / 2));
          continue;
        }
        // One change the server cannot even parse: refuse it locally rather than block the queue.
        results = [{ opId: batch[0]!.opId, status: 'rejected', reason: 'invalid', message: e.body?.message ?? 'Modification illisible pour le serveur.' }];
      }
      const out = await applyPushResults(db, batch, results, serverHlc, now());
      pushed += out.resolved;
      rejected += out.rejected;
      if (out.resolved === 0) break; // the server answered none of them: try again next time
      batchSize = Math.min(options.pushBatchSize ?? MAX_PUSH_BATCH, MAX_PUSH_BATCH);
    }
    return { pushed, rejected };
  }

  async function pullAll(): Promise<number> {
    const since = (await db.meta.get(META.cursor))?.value as string | undefined;
    // A device with no cursor gets the whole view: say how far it is (the shell's progress bar).
    const first = since === undefined;
    if (first) set({ firstSync: { received: 0, pages: 0 } });
    try {
      return await pullPages({
        pull: (cursor, limit) => api.pull(cursor, limit),
        apply: (page) => applyPage(db, page, now(), options.hooks),
        since,
        limit: pullLimit,
        ...(first ? { onPage: (progress: PullProgress) => set({ firstSync: progress }) } : {}),
      });
    } finally {
      if (first) set({ firstSync: undefined });
    }
  }

  async function runOnce(): Promise<SyncOutcome> {
    set({ syncing: true });
    // The token this run sends, so an expiry marks that session and never one signed in since.
    let token: string | undefined;
    try {
      token = (await currentSession(db))?.token;
      const { pushed, rejected } = await pushAll();
      const pulled = await pullAll();
      const at = now();
      await db.meta.put({ key: META.lastSyncAt, value: at });
      const clean: Partial<SyncStatus> = { syncing: false, online: true, lastSyncAt: at };
      status.setState({ ...status.getState(), ...clean, error: undefined });
      await refreshCounts();
      return { ok: true, retry: false, pushed, pulled, rejected };
    } catch (e) {
      const failure = classifyFailure(e);
      const patch: Partial<SyncStatus> = { syncing: false, error: { code: failure.code, message: failure.message } };
      if (failure.code === 'network') patch.online = false;
      if (failure.code === 'update_required') {
        patch.updateRequired = true;
        halted = true;
      }
      set(patch);
      if (e instanceof RevokedError) {
        halted = true;
        set({ revoked: true, pending: 0, rejectedCount: 0 });
        await eraseDeviceDb(db);
        await options.onRevoked?.();
      } else if (e instanceof SessionExpiredError) {
        // Not halted: the same engine syncs again once someone signs in (and the outbox is still there).
        if (token !== undefined) await markSessionExpired(db, token);
        await refreshCounts().catch(() => undefined);
        await options.onSessionExpired?.();
      } else {
        await refreshCounts().catch(() => undefined);
      }
      return { ok: false, retry: failure.retry, pushed: 0, pulled: 0, rejected: 0 };
    }
  }

  /**
   * One full sync (push then pull). Calls made while a sync runs join it, and it runs once
   * more so that writes made meanwhile go out too. Never throws.
   */
  function syncOnce(): Promise<SyncOutcome> {
    if (halted) return Promise.resolve({ ok: false, retry: false, pushed: 0, pulled: 0, rejected: 0 });
    if (running !== undefined) {
      again = true;
      return running;
    }
    running = (async () => {
      let outcome: SyncOutcome;
      do {
        again = false;
        outcome = await runOnce();
      } while (again && outcome.ok && !halted);
      return outcome;
    })().finally(() => {
      running = undefined;
    });
    return running;
  }

  /** Sync now (under the cross-tab lock if any), and on failure retry later with backoff. */
  async function requestSync(): Promise<SyncOutcome | undefined> {
    if (retryTimer !== undefined) {
      timers.clearTimeout(retryTimer);
      retryTimer = undefined;
    }
    const outcome = options.runExclusive === undefined ? await syncOnce() : await options.runExclusive(syncOnce);
    if (outcome === undefined) {
      // Another tab is syncing, and may have read its outbox before this tab's last write: try
      // again shortly while something waits here, rather than at the next 30 s tick.
      if (!halted && (await db.outbox.count()) > 0) {
        retryTimer = timers.setTimeout(() => {
          retryTimer = undefined;
          void requestSync();
        }, OTHER_TAB_RETRY_MS);
      }
      return undefined;
    }
    if (outcome.ok) attempt = 0;
    else if (outcome.retry && !halted) {
      const delay = backoffDelay(attempt++, options.random === undefined ? {} : { random: options.random });
      retryTimer = timers.setTimeout(() => {
        retryTimer = undefined;
        void requestSync();
      }, delay);
    }
    return outcome;
  }

  function stop(): void {
    if (retryTimer !== undefined) timers.clearTimeout(retryTimer);
    retryTimer = undefined;
  }

  return {
    status,
    syncOnce,
    requestSync,
    refreshCounts,
    stop,
    setOnline: (online: boolean) => set({ online }),
    /** Whether sync has stopped for good (revoked, or an update is required). */
    isHalted: () => halted,
  };
}
