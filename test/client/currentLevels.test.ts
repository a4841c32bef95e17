// The matrix's stored current levels (client/currentLevels.ts, Dexie versions 8 and 9) never disagree with
// the evaluations: after any sequence of local writes and removals, pulled pages (older and newer
// clocks than the local ones, a record twice in a page, deletions, records leaving the view, RGPD
// erasure tombstones), resets and push answers (applied or refused: rollbacks), the stored table
// equals the one the matrix's rule (domain/rules/matrix.ts) computes from the live evaluations, and
// the matrix's stored read per salarié equals its derived read. An older tablet's store opens with
// its table built; a new user's sign-in clears it.
import fc from 'fast-check';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { applyPage } from '../../src/client/applyPage';
import { rebuildCurrentLevels, storedLevels } from '../../src/client/currentLevels';
import { DEVICE_DB_VERSION, openDeviceDb, type DeviceDb } from '../../src/client/db';
import { applyPushResults } from '../../src/client/pushResults';
import { competencesQueries } from '../../src/client/queries/competences';
import { allOf } from '../../src/client/queries/tables';
import { createRepository } from '../../src/client/repository';
import { EVALUATION_CONTEXTS } from '../../src/domain/entities';
import { currentLevels, matrixKey } from '../../src/domain/rules/matrix';
import type { PulledChange, PullResponse, PushResult } from '../../src/sync/protocol';
import { openDeviceDbV2 } from '../fixtures/deviceDbV2';
import { openDeviceDbV8 } from '../fixtures/deviceDbV8';
import { manualClock, newTestDb } from './helpers';

const STRUCTURE = '01900000-0000-7000-8000-000000000001';
const ETI = '01900000-0000-7000-8000-000000000002';
const id = (group: number, n: number) => `01900000-0000-7000-800${group}-${n.toString().padStart(12, '0')}`;
const SALARIES = [id(1, 1), id(1, 2)];
const COMPETENCES = [id(2, 1), id(2, 2), id(2, 3)];
/** Few ids, so writes, pulls and removals keep meeting the same records. */
const EVALUATIONS = Array.from({ length: 8 }, (_, i) => id(3, i + 1));
/** Few dates, so two evaluations of a pair often share one (the larger id then wins). */
const DATES = ['2026-10-01', '2026-11-01', '2026-11-02'];
const START = Date.parse('2026-11-23T08:00:00.000Z');

/** The table recomputed from the evaluations by the matrix's own rule. */
async function recomputed(db: DeviceDb) {
  return currentLevels(await allOf(db, 'evaluation'));
}

async function expectAgrees(db: DeviceDb): Promise<void> {
  expect(await storedLevels(db)).toEqual(await recomputed(db));
  const q = competencesQueries(db);
  for (const s of SALARIES) expect((await q.cellsOf(s)).cells).toEqual((await q.levelsOf(s)).cells);
}

const evaluationFields = fc.record({
  salarieId: fc.constantFrom(...SALARIES),
  competenceId: fc.constantFrom(...COMPETENCES),
  level: fc.integer({ min: 0, max: 4 }),
  context: fc.constantFrom(...EVALUATION_CONTEXTS),
  date: fc.constantFrom(...DATES),
});
const which = fc.integer({ min: 0, max: EVALUATIONS.length - 1 });
/** A field clock around the local writes' (some older, some newer): minutes after 07:00. */
const clockAt = fc.integer({ min: 0, max: 179 }).map((m) => `2026-11-23T${String(7 + Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00.000Z-0000-server00`);

const pulledChange = fc.oneof(
  // The record as the server holds it, each field with its own clock.
  fc.record({ e: which, fields: evaluationFields, clocks: fc.array(clockAt, { minLength: 5, maxLength: 5 }) }).map(({ e, fields, clocks }): PulledChange => {
    const names = ['salarieId', 'competenceId', 'level', 'context', 'date'] as const;
    const c: Record<string, string> = { structureId: clocks[0]!, evaluatorId: clocks[0]! };
    names.forEach((n, i) => { c[n] = clocks[i]!; });
    return { entity: 'evaluation', id: EVALUATIONS[e]!, deleted: false, fields: { ...fields, structureId: STRUCTURE, evaluatorId: ETI }, clocks: c };
  }),
  // Deleted (an RGPD erasure keeps only salarieId), or gone from the user's view (no fields).
  fc.record({ e: which, clock: clockAt, erased: fc.boolean(), s: fc.constantFrom(...SALARIES) }).map(({ e, clock, erased, s }): PulledChange => (
    erased
      ? { entity: 'evaluation', id: EVALUATIONS[e]!, deleted: true, fields: { salarieId: s }, clocks: { _deleted: clock, salarieId: clock } }
      : { entity: 'evaluation', id: EVALUATIONS[e]!, deleted: true, fields: {}, clocks: {} }
  )),
);

type Op =
  | { kind: 'write'; e: number; fields: { salarieId: string; competenceId: string; level: number; context: string; date: string } }
  | { kind: 'level'; e: number; level: number }
  | { kind: 'remove'; e: number }
  | { kind: 'pull'; changes: PulledChange[]; reset: boolean }
  | { kind: 'push'; statuses: ('applied' | 'rejected')[] };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('write' as const), e: which, fields: evaluationFields }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('level' as const), e: which, level: fc.integer({ min: 0, max: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), e: which }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('pull' as const), changes: fc.array(pulledChange, { maxLength: 6 }), reset: fc.integer({ min: 0, max: 4 }).map((n) => n === 0) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('push' as const), statuses: fc.array(fc.constantFrom('applied' as const, 'rejected' as const), { minLength: 1, maxLength: 4 }) }) },
);

let cursor = 0;

async function run(db: DeviceDb, o: Op, clock: ReturnType<typeof manualClock>): Promise<void> {
  const repo = createRepository(db, { structureId: STRUCTURE, now: clock.now });
  clock.advance(60_000);
  // A refused local write (a removed record, a level for a record that does not exist) writes nothing.
  const tolerate = (p: Promise<unknown>): Promise<void> => p.then(() => undefined, (e: unknown) => { if (!(e instanceof Error) || e.name !== 'ValidationError') throw e; });
  switch (o.kind) {
    case 'write':
      return tolerate(repo.write('evaluation', EVALUATIONS[o.e]!, { structureId: STRUCTURE, evaluatorId: ETI, ...o.fields }));
    case 'level':
      return tolerate(repo.write('evaluation', EVALUATIONS[o.e]!, { level: o.level }));
    case 'remove':
      await repo.remove('evaluation', EVALUATIONS[o.e]!);
      return;
    case 'pull': {
      const page: PullResponse = { changes: o.changes, cursor: `c${++cursor}`, hasMore: false, serverHlc: '2026-11-23T07:00:00.000Z-0000-server00', ...(o.reset ? { reset: true as const } : {}) };
      await applyPage(db, page, clock.now());
      return;
    }
    case 'push': {
      const batch = (await db.outbox.toArray()).slice(0, o.statuses.length);
      const results: PushResult[] = batch.map((entry, i) => ({ opId: entry.opId, status: o.statuses[i] ?? 'applied' }));
      await applyPushResults(db, batch, results, undefined, clock.now());
    }
  }
}

describe('the matrix’s stored current levels', () => {
  // FC_RUNS=2000 for a longer search than CI's.
  it('always equal the levels recomputed from the evaluations (writes, pulls, resets, push answers)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 14 }), async (ops) => {
        const { db } = newTestDb();
        const clock = manualClock(START);
        for (const o of ops) {
          await run(db, o, clock);
          await expectAgrees(db);
        }
        // Rebuilding from scratch finds what was kept step by step.
        const kept = await storedLevels(db);
        await db.transaction('rw', db.tables, () => rebuildCurrentLevels(db));
        expect(await storedLevels(db)).toEqual(kept);
        db.close();
      }),
      { numRuns: Number(process.env['FC_RUNS'] ?? 60) },
    );
  });

  it('a pulled RGPD erasure leaves no level for the person; a reset keeps only what has pending work', async () => {
    const { db } = newTestDb();
    const clock = manualClock(START);
    const repo = createRepository(db, { structureId: STRUCTURE, now: clock.now });
    const [s1, s2] = SALARIES as [string, string];
    const [c1, c2] = COMPETENCES as [string, string];
    const at = (m: number) => `2026-11-23T09:${String(m).padStart(2, '0')}:00.000Z-0000-server00`;
    const full = (e: string, salarieId: string, competenceId: string, level: number): PulledChange => ({
      entity: 'evaluation', id: e, deleted: false,
      fields: { structureId: STRUCTURE, salarieId, competenceId, level, context: 'production', date: '2026-11-01', evaluatorId: ETI },
      clocks: Object.fromEntries(['structureId', 'salarieId', 'competenceId', 'level', 'context', 'date', 'evaluatorId'].map((f) => [f, at(1)])),
    });
    const [e1, e2, e3, e4] = EVALUATIONS as [string, string, string, string];
    await applyPage(db, { changes: [full(e1, s1, c1, 2), full(e2, s1, c2, 3), full(e3, s2, c1, 4)], cursor: 'c1', hasMore: false, serverHlc: at(1) }, clock.now());
    expect([...(await storedLevels(db)).keys()].sort()).toEqual([matrixKey(s1, c1), matrixKey(s1, c2), matrixKey(s2, c1)].sort());

    // Erased: every record about s1 a tombstone keeping only salarieId.
    const erased = (e: string): PulledChange => ({ entity: 'evaluation', id: e, deleted: true, fields: { salarieId: s1 }, clocks: { _deleted: at(2), salarieId: at(2) } });
    await applyPage(db, { changes: [erased(e1), erased(e2)], cursor: 'c2', hasMore: false, serverHlc: at(2) }, clock.now());
    expect([...(await storedLevels(db)).keys()]).toEqual([matrixKey(s2, c1)]);

    // The view changed: a reset page brings a new view; an evaluation written here and not yet
    // sent stays, with its level.
    await repo.write('evaluation', e4, { structureId: STRUCTURE, salarieId: s2, competenceId: c2, level: 1, context: 'afest', date: '2026-11-20', evaluatorId: ETI });
    await applyPage(db, { changes: [full(EVALUATIONS[5]!, s1, c2, 0)], cursor: 'c3', hasMore: false, reset: true, serverHlc: at(3) }, clock.now());
    const after = await storedLevels(db);
    expect([...after.keys()].sort()).toEqual([matrixKey(s1, c2), matrixKey(s2, c2)].sort());
    expect(after.get(matrixKey(s2, c2))?.level).toBe(1);
    expect(after).toEqual(await recomputed(db));
  });

  it('is built by the upgrade of an older tablet’s store (version 2), and cleared with the other tables', async () => {
    const factory = new IDBFactory();
    const old = openDeviceDbV2('old-levels', { indexedDB: factory, IDBKeyRange });
    const [s1, s2] = SALARIES as [string, string];
    const [c1, c2] = COMPETENCES as [string, string];
    const ev = (n: number, salarieId: string, competenceId: string, level: number, context: string, date: string, deleted: 0 | 1 = 0) => ({
      id: EVALUATIONS[n]!, structureId: STRUCTURE, salarieId, competenceId, level, context, date, evaluatorId: ETI, _clocks: {}, _deleted: deleted,
    });
    await old.table('evaluation').bulkPut([
      ev(0, s1, c1, 1, 'production', '2026-09-01'),
      ev(1, s1, c1, 3, 'afest', '2026-10-01'),
      ev(2, s1, c1, 4, 'self', '2026-10-02'),
      // A deleted evaluation, later than the others: it must not count.
      ev(3, s1, c1, 0, 'production', '2026-11-01', 1),
      ev(4, s2, c2, 2, 'pmsmp', '2026-10-01'),
      ev(5, s2, c2, 2, 'self', '2026-10-05'),
    ]);
    old.close();

    const db = openDeviceDb('old-levels', { indexedDB: factory, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(DEVICE_DB_VERSION);
    const stored = await storedLevels(db);
    expect(stored).toEqual(await recomputed(db));
    expect(stored.get(matrixKey(s1, c1))).toEqual({
      salarieId: s1, competenceId: c1, level: 3,
      official: { level: 3, date: '2026-10-01', evaluationId: EVALUATIONS[1] },
      self: { level: 4, date: '2026-10-02', evaluationId: EVALUATIONS[2] },
    });
    expect(stored.get(matrixKey(s2, c2))?.level).toBe(2);
    // The matrix's first read finds them at once.
    const q = competencesQueries(db);
    expect((await q.cellsOfMany([s1, s2], 2)).get(s1)?.cells.get(matrixKey(s1, c1))?.level).toBe(3);
    // And the upgraded store keeps them with the next write.
    await createRepository(db, { structureId: STRUCTURE }).write('evaluation', EVALUATIONS[6]!, {
      structureId: STRUCTURE, salarieId: s2, competenceId: c2, level: 4, context: 'production', date: '2026-11-20', evaluatorId: ETI,
    });
    expect((await storedLevels(db)).get(matrixKey(s2, c2))?.level).toBe(4);
    expect(await storedLevels(db)).toEqual(await recomputed(db));
    // Every table is cleared when another user signs in on the tablet (session.ts): this one too.
    await db.transaction('rw', db.tables, () => Promise.all(db.tables.map((t) => t.clear())));
    expect((await storedLevels(db)).size).toBe(0);
    db.close();
  });

  it('version 9 turns a version 8 tablet’s row per cell into one row per salarié, built from its evaluations', async () => {
    const factory = new IDBFactory();
    const old = openDeviceDbV8('v8-levels', { indexedDB: factory, IDBKeyRange });
    const [s1, s2] = SALARIES as [string, string];
    const [c1, c2] = COMPETENCES as [string, string];
    const ev = (n: number, salarieId: string, competenceId: string, level: number, context: string, date: string) => ({
      id: EVALUATIONS[n]!, structureId: STRUCTURE, salarieId, competenceId, level, context, date, evaluatorId: ETI, _clocks: {}, _deleted: 0, _v: 1,
    });
    await old.table('evaluation').bulkPut([ev(0, s1, c1, 2, 'production', '2026-10-01'), ev(1, s1, c2, 4, 'self', '2026-10-02'), ev(2, s2, c1, 3, 'afest', '2026-10-03')]);
    // What version 8 had stored (stale on purpose: the new table is rebuilt, not copied).
    await old.table('currentLevel').put({ salarieId: s1, competenceId: c1, level: 1, official: null, self: null });
    old.close();

    const db = openDeviceDb('v8-levels', { indexedDB: factory, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(DEVICE_DB_VERSION);
    expect(db.tables.map((t) => t.name)).not.toContain('currentLevel');
    expect(await db.table('levelRow').count()).toBe(2);
    expect(await storedLevels(db)).toEqual(await recomputed(db));
    const q = competencesQueries(db);
    const s1Cells = (await q.cellsOf(s1)).cells;
    expect(s1Cells.get(matrixKey(s1, c1))).toEqual({ salarieId: s1, competenceId: c1, level: 2, official: { level: 2, date: '2026-10-01', evaluationId: EVALUATIONS[0] }, self: null });
    expect(s1Cells.get(matrixKey(s1, c2))).toEqual({ salarieId: s1, competenceId: c2, level: 0, official: null, self: { level: 4, date: '2026-10-02', evaluationId: EVALUATIONS[1] } });
    db.close();
  });

  it('a read of every cell started ahead of the frame serves the first paint once, then the table is read again', async () => {
    const { db } = newTestDb();
    const repo = createRepository(db, { structureId: STRUCTURE });
    const [s1, s2] = SALARIES as [string, string];
    const [c1] = COMPETENCES as [string];
    const evaluate = (n: number, salarieId: string, level: number) => repo.write('evaluation', EVALUATIONS[n]!, {
      structureId: STRUCTURE, salarieId, competenceId: c1, level, context: 'production', date: '2026-11-20', evaluatorId: ETI,
    });
    await evaluate(0, s1, 2);
    const q = competencesQueries(db);
    q.prefetchCells();
    const first = await q.cellsOfMany([s1, s2], 2);
    expect(first.get(s1)?.cells.get(matrixKey(s1, c1))?.level).toBe(2);
    // A salarié never evaluated is there, with no cell (level 0), not missing.
    expect(first.get(s2)?.cells.size).toBe(0);
    // Used once: the next read sees a level written since.
    await evaluate(1, s2, 3);
    expect((await q.cellsOfMany([s1, s2], 2)).get(s2)?.cells.get(matrixKey(s2, c1))?.level).toBe(3);
    db.close();
  });
});
