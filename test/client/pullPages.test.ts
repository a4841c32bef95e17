// The pull loop fetches the next page while the current one is applied (issue 13), without
// changing what is applied or when the cursor moves: pages are applied in order, a page fetched
// ahead is dropped when an earlier one fails, and the engine shows a first sync's progress
// (records and pages received) only while a device without a cursor receives its view.
import { describe, expect, it } from 'vitest';
import { ApiError, type Api } from '../../src/client/api';
import { META } from '../../src/client/db';
import { pullPages } from '../../src/client/pullPages';
import { createSyncEngine } from '../../src/client/syncEngine';
import type { PulledChange, PullResponse } from '../../src/sync/protocol';
import { SAMPLE_IDS, validSample } from '../fixtures/samples';
import { newTestDb } from './helpers';

const HLC = '2026-11-23T08:00:00.000Z-0000-srv';

function change(n: number): PulledChange {
  const id = `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`;
  const fields = { ...validSample('logEntry'), structureId: SAMPLE_IDS.structure };
  return { entity: 'logEntry', id, fields, deleted: false, clocks: Object.fromEntries(Object.keys(validSample('logEntry')).map((k) => [k, HLC])), v: 1 };
}

/** A server of `sizes.length` pages; page i answers since = `c${i}` (c0 = undefined). */
function pagesOf(sizes: number[]): Map<string | undefined, PullResponse> {
  const out = new Map<string | undefined, PullResponse>();
  let n = 0;
  sizes.forEach((size, i) => {
    const changes = Array.from({ length: size }, () => change(++n));
    out.set(i === 0 ? undefined : `c${i}`, { changes, cursor: `c${i + 1}`, hasMore: i < sizes.length - 1, serverHlc: HLC });
  });
  return out;
}

describe('pulling pages', () => {
  it('asks for the next page before applying the current one, and applies them in order', async () => {
    const pages = pagesOf([2, 3, 1]);
    const log: string[] = [];
    const pulled = await pullPages({
      pull: async (since) => { log.push(`pull ${since ?? 'start'}`); return pages.get(since)!; },
      apply: async (page) => { await Promise.resolve(); log.push(`applied ${page.cursor}`); return page.changes.length; },
      since: undefined,
      limit: 2000,
    });
    expect(pulled).toBe(6);
    expect(log).toEqual(['pull start', 'pull c1', 'applied c1', 'pull c2', 'applied c2', 'applied c3']);
  });

  it('drops the page fetched ahead when the current one fails, and reports only applied pages', async () => {
    const pages = pagesOf([2, 3, 1]);
    const progress: unknown[] = [];
    const failing = pullPages({
      pull: async (since) => (since === 'c2' ? Promise.reject(new Error('réseau coupé')) : pages.get(since)!),
      apply: async (page) => {
        if (page.cursor === 'c2') throw new Error('disque plein');
        return page.changes.length;
      },
      since: undefined,
      limit: 2000,
      onPage: (p) => progress.push(p),
    });
    await expect(failing).rejects.toThrow('disque plein');
    expect(progress).toEqual([{ received: 2, pages: 1 }]);
  });

  it('starts over as a reset when the server does not know the saved cursor', async () => {
    const pages = pagesOf([1]);
    const applied: PullResponse[] = [];
    await pullPages({
      pull: async (since) => {
        if (since === 'ancien') throw new ApiError(400, { error: 'invalid_request', field: 'since' });
        return pages.get(since)!;
      },
      apply: async (page) => { applied.push(page); return page.changes.length; },
      since: 'ancien',
      limit: 2000,
    });
    expect(applied.map((p) => p.reset)).toEqual([true]);
  });
});

describe('the first sync’s progress', () => {
  it('is shown while a device without a cursor receives its view, then goes', async () => {
    const { db } = newTestDb();
    const pages = pagesOf([2, 3, 1]);
    // Only pull is used: the outbox is empty, so nothing is pushed.
    const api = { pull: async (since: string | undefined) => pages.get(since) ?? { changes: [], cursor: 'c3', hasMore: false, serverHlc: HLC } } as unknown as Api;
    const engine = createSyncEngine({ db, api });
    const seen: unknown[] = [];
    engine.status.subscribe((s, prev) => { if (s.firstSync !== prev.firstSync) seen.push(s.firstSync); });

    expect((await engine.syncOnce()).pulled).toBe(6);
    expect(seen).toEqual([{ received: 0, pages: 0 }, { received: 2, pages: 1 }, { received: 5, pages: 2 }, { received: 6, pages: 3 }, undefined]);
    expect((await db.meta.get(META.cursor))?.value).toBe('c3');

    seen.length = 0;
    await engine.syncOnce(); // the next syncs start from the cursor: no progress bar
    expect(seen).toEqual([]);
  });

  it('goes away when the first sync fails, and the cursor stays with the last page applied', async () => {
    const { db } = newTestDb();
    const pages = pagesOf([2, 3]);
    const api = { pull: async (since: string | undefined) => (since === 'c1' ? Promise.reject(new TypeError('fetch failed')) : pages.get(since)!) } as unknown as Api;
    const engine = createSyncEngine({ db, api });
    expect((await engine.syncOnce()).ok).toBe(false);
    expect(engine.status.getState().firstSync).toBeUndefined();
    expect((await db.meta.get(META.cursor))?.value).toBe('c1');
  });
});
