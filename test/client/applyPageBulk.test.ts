// A pulled page is applied in bulk (one read wave, one bulkPut per table, cursor in the same
// transaction; issue 13). Property: whatever the page — conflicting clocks, repeated records,
// tombstones, records leaving the view, fields protected by pending local changes, a reset —
// applying it whole leaves exactly the store that applying its changes one per page leaves
// (records with their clocks and tombstones, the outbox with its folded `prev`, the orphans and
// the cursor). Only the device clock may differ: it ticks once per page received.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyPage } from '../../src/client/applyPage';
import { createRepository } from '../../src/client/repository';
import { ENTITY_NAMES } from '../../src/domain/entities';
import { entityTable, META, type DeviceDb } from '../../src/client/db';
import type { PulledChange, PullResponse } from '../../src/sync/protocol';
import { SAMPLE_IDS, validSample } from '../fixtures/samples';
import { manualClock, newTestDb } from './helpers';

const IDS = ['01900000-0000-7000-8000-0000000000a1', '01900000-0000-7000-8000-0000000000a2', '01900000-0000-7000-8000-0000000000a3'];
const START = Date.parse('2026-11-23T08:00:00.000Z');
/** Clocks around the local writes' (which are stamped at START), on both sides of them. */
const clockArb = fc.tuple(fc.integer({ min: -2, max: 2 }), fc.integer({ min: 0, max: 2 }), fc.constantFrom('srv', 'zzz', 'aaa'))
  .map(([ms, counter, node]) => `${new Date(START + ms).toISOString()}-000${counter}-${node}`);
const textArb = fc.constantFrom('Arrivé à l’heure.', 'Bonne prise en main.', 'A aidé un collègue.');

const changeArb: fc.Arbitrary<PulledChange> = fc.record({
  id: fc.constantFrom(...IDS),
  kind: fc.constantFrom('update', 'update', 'update', 'tombstone', 'leftView'),
  text: fc.option(fc.tuple(textArb, clockArb), { nil: undefined }),
  alert: fc.option(fc.tuple(fc.boolean(), clockArb), { nil: undefined }),
  deletedClock: clockArb,
}).map(({ id, kind, text, alert, deletedClock }) => {
  if (kind === 'leftView') return { entity: 'logEntry', id, fields: {}, deleted: true, clocks: {} };
  const base = validSample('logEntry');
  const fields: PulledChange['fields'] = { ...base, structureId: SAMPLE_IDS.structure };
  const clocks: PulledChange['clocks'] = {};
  for (const k of Object.keys(base)) clocks[k] = '2026-11-20T08:00:00.000Z-0000-srv';
  if (text !== undefined) { fields['text'] = text[0]; clocks['text'] = text[1]; }
  if (alert !== undefined) { fields['alert'] = alert[0]; clocks['alert'] = alert[1]; }
  if (kind === 'tombstone') clocks['deleted'] = deletedClock;
  return { entity: 'logEntry', id, fields, deleted: kind === 'tombstone', clocks, v: 1 };
});

const localArb = fc.array(fc.record({ id: fc.constantFrom(...IDS), text: textArb, alert: fc.boolean() }), { maxLength: 3 });

function pageOf(changes: PulledChange[], cursor: string, reset: boolean): PullResponse {
  return { changes, cursor, hasMore: false, serverHlc: '2026-11-23T08:00:00.000Z-0000-srv', ...(reset ? { reset: true as const } : {}) };
}

/** Everything the page may have touched, in comparable form. */
async function state(db: DeviceDb) {
  const records: Record<string, unknown[]> = {};
  for (const e of ENTITY_NAMES) records[e] = await entityTable(db, e).toArray();
  const outbox = (await db.outbox.toArray()).map(({ seq, ...rest }) => ({ ...rest, seq }));
  return { records, outbox, orphans: (await db.meta.get(META.orphans))?.value, cursor: (await db.meta.get(META.cursor))?.value };
}

async function prepared(earlier: PulledChange[], local: { id: string; text: string; alert: boolean }[]): Promise<DeviceDb> {
  const { db } = newTestDb();
  // The same device id on both devices, so their clocks (and thus stored clocks) are comparable.
  await db.meta.put({ key: META.deviceId, value: 'tablette-test' });
  // Records already on the device (a first page), then local edits waiting in the outbox.
  await applyPage(db, pageOf(earlier, 'c0', false), START);
  const repo = createRepository(db, { now: manualClock(START).now, structureId: SAMPLE_IDS.structure });
  for (const l of local) {
    // The same opIds on both devices: the outbox entries are compared whole.
    await repo.write('logEntry', l.id, { ...validSample('logEntry'), text: l.text, alert: l.alert }).catch(() => undefined);
  }
  return db;
}

describe('a pulled page applied in bulk', () => {
  it('leaves the same store as its changes applied one page at a time', async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(changeArb, { maxLength: 3 }), localArb, fc.array(changeArb, { minLength: 1, maxLength: 8 }), fc.boolean(),
      async (earlier, local, changes, reset) => {
        const whole = await prepared(earlier, local);
        const split = await prepared(earlier, local);
        // The outbox entries got random opIds: give the second device the first one's.
        const opIds = (await whole.outbox.toArray()).map((e) => e.opId);
        const entries = await split.outbox.toArray();
        await split.outbox.bulkPut(entries.map((e, i) => ({ ...e, opId: opIds[i]! })));

        await applyPage(whole, pageOf(changes, 'c1', reset), START + 5);
        for (const [i, c] of changes.entries()) await applyPage(split, pageOf([c], i === changes.length - 1 ? 'c1' : `c1-${i}`, reset && i === 0), START + 5);

        expect(await state(whole)).toEqual(await state(split));
        // The device clock is past every clock it received, either way.
        const hlc = String((await whole.meta.get(META.hlc))?.value);
        for (const c of changes) for (const clock of Object.values(c.clocks)) expect(hlc > clock).toBe(true);
        whole.close();
        split.close();
      },
    ), { numRuns: 60 });
  });
});
