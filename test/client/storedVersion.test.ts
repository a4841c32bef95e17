// Records that evolve: a store written by the previous release (its own frozen code, see
// test/fixtures/deviceDbV2.ts) is opened by today's code, and every record and pending change is
// found in today's shape — values, clocks and rollback state included — and what the tablet then
// sends says its version.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { DEVICE_DB_VERSION, openDeviceDb, type LocalRecord, type OutboxEntry } from '../../src/client/db';
import { allOf, oneOf } from '../../src/client/queries/tables';
import { createRepository } from '../../src/client/repository';
import { currentLocal, currentPulled } from '../../src/client/storedVersion';
import { uuidv7 } from '../../src/domain/ids';
import { versionOf } from '../../src/domain/records/upgrades';
import { openDeviceDbV2 } from '../fixtures/deviceDbV2';
import { SAMPLE_IDS } from '../fixtures/samples';

const H1 = '2026-11-20T08:00:00.000Z-0000-aaaaaaaa';
const H2 = '2026-11-21T08:00:00.000Z-0000-aaaaaaaa';
const H3 = '2026-11-22T08:00:00.000Z-0000-aaaaaaaa';
const STRUCTURE = SAMPLE_IDS.structure;

function oldSalarie(id: string, exitCategory: string | null): Record<string, unknown> {
  return {
    id, structureId: STRUCTURE, firstName: 'Samia', lastName: 'Benali', exitDate: '2026-10-31', exitCategory,
    _clocks: { structureId: H1, firstName: H1, lastName: H1, exitDate: H2, exitCategory: H2 }, _deleted: 0,
  };
}

async function writeOldStore(name: string, factory: IDBFactory) {
  const old = openDeviceDbV2(name, { indexedDB: factory, IDBKeyRange });
  const ids = { kind: uuidv7(), label: uuidv7(), text: uuidv7(), log: uuidv7(), pending: uuidv7() };
  await old.table('salarie').bulkPut([
    oldSalarie(ids.kind, 'chomage'),
    oldSalarie(ids.label, 'Entrée en formation pré-qualifiante ou qualifiante'),
    oldSalarie(ids.text, 'emploi_durable'),
    // A salarié with an unsent change of their exit, made offline before the update.
    oldSalarie(ids.pending, 'cdi'),
  ]);
  await old.table('logEntry').put({
    id: ids.log, structureId: STRUCTURE, salarieId: ids.kind, authorId: SAMPLE_IDS.eti, date: '2026-11-20', category: 'technique',
    text: 'Taille de haie', visibility: 'team', alert: false, _clocks: { text: H1 }, _deleted: 0,
  });
  await old.table('outbox').add({
    opId: uuidv7(), entity: 'salarie', id: ids.pending, hlc: H3, set: { exitCategory: 'cdi' },
    prev: { existed: true, fields: { exitCategory: { value: 'chomage', clock: H2 } } },
  });
  await old.table('meta').put({ key: 'cursor', value: 'c-42' });
  old.close();
  return ids;
}

describe('a store written by the previous release', () => {
  it('is upgraded when today’s code opens it: records, clocks and pending changes', async () => {
    const factory = new IDBFactory();
    const ids = await writeOldStore('old-store', factory);
    const db = openDeviceDb('old-store', { indexedDB: factory, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(DEVICE_DB_VERSION);

    const stored = await db.table<LocalRecord, string>('salarie').get(ids.kind);
    expect(stored).toMatchObject({ exitKind: 'chomage', _v: versionOf('salarie') });
    expect(stored).not.toHaveProperty('exitCategory');
    // The new field keeps the clock of the old one: a concurrent edit still merges by time.
    expect(stored?._clocks).toEqual({ structureId: H1, firstName: H1, lastName: H1, exitDate: H2, exitKind: H2 });

    const salaries = new Map((await allOf(db, 'salarie')).map((s) => [s.id, s]));
    expect(salaries.get(ids.label)?.exitKind).toBe('formation_qualifiante');
    // Text that names no kind is kept where the coordinator can read it, not lost.
    expect(salaries.get(ids.text)).toMatchObject({ exitDetail: 'emploi_durable' });
    expect(salaries.get(ids.text)?.exitKind).toBeUndefined();

    // Entities whose shape did not change are untouched; the cursor and meta are kept.
    expect((await oneOf(db, 'logEntry', ids.log))?.text).toBe('Taille de haie');
    expect((await db.meta.get('cursor'))?.value).toBe('c-42');

    const [entry] = await db.table<OutboxEntry, number>('outbox').toArray();
    expect(entry).toMatchObject({ v: versionOf('salarie'), set: { exitKind: 'cdi' }, prev: { existed: true, fields: { exitKind: { value: 'chomage', clock: H2 } } } });
    db.close();
  });

  it('keeps writing in today’s shape on the upgraded store, with the version in the outbox', async () => {
    const factory = new IDBFactory();
    const ids = await writeOldStore('old-store-2', factory);
    const db = openDeviceDb('old-store-2', { indexedDB: factory, IDBKeyRange });
    const repo = createRepository(db, { now: () => Date.parse('2026-11-23T08:00:00Z'), structureId: STRUCTURE });
    expect(await repo.write('salarie', ids.kind, { exitKind: 'retraite' })).toBe(true);
    expect(await repo.write('salarie', ids.text, { exitKind: 'cdi' })).toBe(true);
    const entries = await db.table<OutboxEntry, number>('outbox').toArray();
    expect(entries.slice(1).map((e) => [e.set, e.v])).toEqual([[{ exitKind: 'retraite' }, 2], [{ exitKind: 'cdi' }, 2]]);
    expect(await oneOf(db, 'salarie', ids.text)).toMatchObject({ exitKind: 'cdi', exitDetail: 'emploi_durable' });
  });
});

describe('older records met one at a time', () => {
  it('a row without a version is upgraded on read; a current one is returned as is', () => {
    const old = oldSalarie(uuidv7(), 'deces') as LocalRecord;
    expect(currentLocal('salarie', old)).toMatchObject({ exitKind: 'deces', _v: 2 });
    const current = { ...old, _v: 2 } as LocalRecord;
    expect(currentLocal('salarie', current)).toBe(current);
    const log = { id: uuidv7(), structureId: STRUCTURE, _clocks: {}, _deleted: 0 as const, text: 'x' };
    expect(currentLocal('logEntry', log)).toBe(log);
  });

  it('a page from an older server (no version) is upgraded before it is merged', () => {
    const pulled = currentPulled({ entity: 'salarie', id: uuidv7(), fields: { exitCategory: 'maternite', firstName: 'A' }, clocks: { exitCategory: H1, firstName: H1 }, deleted: false });
    expect(pulled).toMatchObject({ fields: { exitKind: 'maternite', firstName: 'A' }, clocks: { exitKind: H1, firstName: H1 }, v: 2 });
    expect(pulled.fields).not.toHaveProperty('exitCategory');
  });
});
