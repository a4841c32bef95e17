// When the tablet syncs: at start, when the network returns, when the app comes back to the
// screen, on a timer and soon after a local write — and only one tab at a time. The engine
// here is a recorder: these tests are about scheduling, not about the server.
// liveQuery only runs where IndexedDB exists globally, as in a browser:
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { uuidv7 } from '../../src/domain/ids';
import { backoffDelay } from '../../src/client/backoff';
import { createRepository } from '../../src/client/repository';
import { createSyncStatusStore } from '../../src/client/status';
import { startSyncTriggers, webLockRunner, SYNC_LOCK } from '../../src/client/triggers';
import type { SyncEngine } from '../../src/client/syncEngine';
import { SAMPLE_IDS, validSample } from '../fixtures/samples';
import { newTestDb } from './helpers';

function recorder() {
  const calls: string[] = [];
  const status = createSyncStatusStore();
  const engine = {
    status,
    requestSync: async () => {
      calls.push('sync');
      return { ok: true, retry: false, pushed: 0, pulled: 0, rejected: 0 };
    },
    setOnline: (online: boolean) => status.setState({ online }),
    isHalted: () => false,
    stop: () => calls.push('stop'),
  } as unknown as SyncEngine;
  return { engine, calls, status };
}

class FakeDoc extends EventTarget {
  visibilityState: DocumentVisibilityState = 'visible';
}

let stop: (() => void) | undefined;
afterEach(() => {
  stop?.();
  stop = undefined;
});

describe('sync triggers', () => {
  it('syncs at start, when back online and when the app becomes visible', async () => {
    const { engine, calls, status } = recorder();
    const target = new EventTarget();
    const doc = new FakeDoc();
    stop = startSyncTriggers(engine, newTestDb().db, { target, doc, intervalMs: 3_600_000 });
    expect(calls).toEqual(['sync']);
    target.dispatchEvent(new Event('offline'));
    expect(status.getState().online).toBe(false);
    target.dispatchEvent(new Event('online'));
    expect(status.getState().online).toBe(true);
    expect(calls).toEqual(['sync', 'sync']);
    doc.visibilityState = 'hidden';
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(calls).toHaveLength(2);
    doc.visibilityState = 'visible';
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(calls).toHaveLength(3);
    stop();
    stop = undefined;
    expect(calls.at(-1)).toBe('stop');
    target.dispatchEvent(new Event('online'));
    expect(calls.filter((c) => c === 'sync')).toHaveLength(3);
  });

  it('syncs on a timer', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const { engine, calls } = recorder();
      stop = startSyncTriggers(engine, newTestDb().db, { target: new EventTarget(), doc: new FakeDoc(), intervalMs: 30_000 });
      vi.advanceTimersByTime(90_000);
      expect(calls.filter((c) => c === 'sync')).toHaveLength(4);
    } finally {
      vi.useRealTimers();
    }
  });

  it('counts pending changes for the status bar and syncs soon after a write', async () => {
    const { engine, calls, status } = recorder();
    const { db } = newTestDb();
    status.setState({ pending: -1 }); // so we can tell when the first count has arrived
    stop = startSyncTriggers(engine, db, { target: new EventTarget(), doc: new FakeDoc(), intervalMs: 3_600_000, writeDebounceMs: 5 });
    await vi.waitFor(() => expect(status.getState().pending).toBe(0));
    const repo = createRepository(db, { structureId: SAMPLE_IDS.structure });
    await repo.write('timeEntry', uuidv7(), validSample('timeEntry'));
    await vi.waitFor(() => expect(status.getState().pending).toBe(1));
    await vi.waitFor(() => expect(calls.filter((c) => c === 'sync')).toHaveLength(2));
  });

  it('lets one tab sync at a time through Web Locks', async () => {
    let held = false;
    const locks = {
      async request<T>(name: string, opts: { ifAvailable: boolean }, cb: (lock: unknown) => Promise<T>): Promise<T> {
        expect(name).toBe(SYNC_LOCK);
        expect(opts.ifAvailable).toBe(true);
        if (held) return cb(null);
        held = true;
        try {
          return await cb({ name });
        } finally {
          held = false;
        }
      },
    };
    const run = webLockRunner(locks);
    let release!: () => void;
    const first = run(() => new Promise<string>((ok) => { release = () => ok('tab A synced'); }));
    expect(await run(async () => 'tab B synced')).toBeUndefined(); // tab A holds the lock
    release();
    expect(await first).toBe('tab A synced');
    expect(await run(async () => 'tab B synced')).toBe('tab B synced');
    expect(await webLockRunner(undefined)(async () => 'no Web Locks')).toBe('no Web Locks');
  });
});

describe('backoff', () => {
  it('grows exponentially with jitter, up to a cap', () => {
    expect(backoffDelay(0, { random: () => 0 })).toBe(1_000);
    expect(backoffDelay(0, { random: () => 1 })).toBe(2_000);
    expect(backoffDelay(3, { random: () => 0.5 })).toBe(12_000);
    expect(backoffDelay(50, { random: () => 1 })).toBe(300_000);
    const delays = Array.from({ length: 12 }, (_, i) => backoffDelay(i, { random: () => 0.5 }));
    expect([...delays].sort((a, b) => a - b)).toEqual(delays);
  });
});
