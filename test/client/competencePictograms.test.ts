// Competences stored on a tablet by an earlier release hold an emoji as their pictogram (an empty
// box without an emoji font). When today's code opens that store, every competence and every
// unsent change of one holds a pictogram NAME instead (or nothing, for an emoji no name stands
// for), keeping its clock so a concurrent edit still merges by time; a row that arrives later
// in the older shape is upgraded when read.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openDeviceDb, type LocalRecord, type OutboxEntry } from '../../src/client/db';
import { allOf, oneOf } from '../../src/client/queries/tables';
import { uuidv7 } from '../../src/domain/ids';
import { versionOf } from '../../src/domain/records/upgrades';
import { openDeviceDbV2 } from '../fixtures/deviceDbV2';
import { SAMPLE_IDS } from '../fixtures/samples';

const H1 = '2026-11-20T08:00:00.000Z-0000-aaaaaaaa';
const H2 = '2026-11-21T08:00:00.000Z-0000-aaaaaaaa';
const STRUCTURE = SAMPLE_IDS.structure;
const ACTIVITY = uuidv7();

function oldCompetence(id: string, label: string, pictogram: string | null): Record<string, unknown> {
  return { id, structureId: STRUCTURE, activityId: ACTIVITY, label, pictogram, _clocks: { structureId: H1, activityId: H1, label: H1, pictogram: H2 }, _deleted: 0 };
}

describe('competence pictograms in a store written by an earlier release', () => {
  it('become names when today’s code opens the store: records and unsent changes', async () => {
    const factory = new IDBFactory();
    const ids = { tonte: uuidv7(), haie: uuidv7(), licorne: uuidv7(), pending: uuidv7() };
    const old = openDeviceDbV2('old-pictograms', { indexedDB: factory, IDBKeyRange });
    await old.table('competence').bulkPut([
      oldCompetence(ids.tonte, 'Tondre', '\u{1F331}'),
      oldCompetence(ids.haie, 'Tailler une haie', '\u2702\uFE0F'),
      oldCompetence(ids.licorne, 'Accueillir', '\u{1F984}'),
      oldCompetence(ids.pending, 'Porter les EPI', null),
    ]);
    // A pictogram chosen offline before the update, not yet sent.
    await old.table('outbox').add({
      opId: uuidv7(), entity: 'competence', id: ids.pending, hlc: H2, set: { pictogram: '\u{1F9BA}' },
      prev: { existed: true, fields: { pictogram: { value: '\u{1F477}', clock: H1 } } },
    });
    old.close();

    const db = openDeviceDb('old-pictograms', { indexedDB: factory, IDBKeyRange });
    await db.open();
    const stored = await db.table<LocalRecord, string>('competence').get(ids.tonte);
    expect(stored).toMatchObject({ pictogram: 'tondeuse', _v: versionOf('competence') });
    expect(stored?._clocks['pictogram']).toBe(H2);
    const byId = new Map((await allOf(db, 'competence')).map((c) => [c.id, c.pictogram]));
    expect(byId.get(ids.haie)).toBe('secateur');
    // An emoji no name stands for is cleared: the coordination picks a pictogram again.
    expect(byId.get(ids.licorne)).toBeNull();

    const [entry] = await db.table<OutboxEntry, number>('outbox').toArray();
    expect(entry).toMatchObject({ v: versionOf('competence'), set: { pictogram: 'epi' }, prev: { fields: { pictogram: { value: 'casque', clock: H1 } } } });
    db.close();
  });

  it('a row in the older shape that reaches today’s store is read with a name', async () => {
    const factory = new IDBFactory();
    const db = openDeviceDb('late-row', { indexedDB: factory, IDBKeyRange });
    await db.open();
    const id = uuidv7();
    await db.table('competence').put({ ...oldCompetence(id, 'Balayer', '\u{1F9F9}'), _v: 1 });
    expect((await oneOf(db, 'competence', id))?.pictogram).toBe('balai');
    db.close();
  });
});
