// The device meets field names that Object.prototype also holds (`valueOf`, `__proto__`…) in
// two places: what the app writes (refused, naming the field, nothing queued) and what a
// server sends (an older server accepted such fields): a pulled page is merged as plain data,
// a pending change on the same record is still protected, and no prototype is touched.
import { describe, expect, it } from 'vitest';
import { applyPage } from '../../src/client/applyPage';
import { createRepository, ValidationError } from '../../src/client/repository';
import { uuidv7 } from '../../src/domain/ids';
import { PROTOTYPE_NAMES, setOwn } from '../../src/domain/ownKeys';
import type { JsonValue, PullResponse } from '../../src/sync/protocol';
import { SAMPLE_IDS, validSample } from '../fixtures/samples';
import { manualClock, newTestDb } from './helpers';

const opts = (now: () => number) => ({ now, structureId: SAMPLE_IDS.structure });

describe('Object.prototype names on the device', () => {
  it('a write with such a field is refused naming it, and nothing is stored or queued', async () => {
    const { db } = newTestDb();
    const repo = createRepository(db, opts(manualClock().now));
    for (const k of PROTOTYPE_NAMES) {
      const set = { ...validSample('team') };
      setOwn(set, k, 1);
      const id = uuidv7();
      const err = await repo.write('team', id, set).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).field).toBe(k);
    }
    expect(await db.outbox.count()).toBe(0);
    expect(await db.table('team').count()).toBe(0);
  });

  it('a pulled record with such fields is stored as plain data, beside a pending local change', async () => {
    const { db } = newTestDb();
    const clock = manualClock();
    const repo = createRepository(db, opts(clock.now));
    const id = uuidv7();
    await repo.write('team', id, validSample('team'));
    await repo.write('team', id, { name: 'Nom local en attente' });
    const serverHlc = '2026-11-23T09:00:00.000Z-0000-server';
    const page = JSON.parse(JSON.stringify({
      changes: [{ entity: 'team', id, deleted: false, v: 1, fields: { name: 'Nom du serveur', structureId: SAMPLE_IDS.structure }, clocks: { name: serverHlc } }],
      cursor: 'c1', hasMore: false, serverHlc,
    })) as PullResponse;
    const pulled = page.changes[0]!;
    for (const k of PROTOTYPE_NAMES) {
      setOwn<JsonValue>(pulled.fields, k, k === '__proto__' ? { polluted: true } : `valeur ${k}`);
      setOwn(pulled.clocks, k, serverHlc);
    }
    await applyPage(db, page, clock.now());
    const rec = (await db.table('team').get(id)) as Record<string, unknown> & { _clocks: Record<string, string> };
    expect(rec['name']).toBe('Nom local en attente');
    expect(Object.hasOwn(rec, 'valueOf')).toBe(true);
    expect(rec['valueOf']).toBe('valeur valueOf');
    expect(Object.hasOwn(rec._clocks, 'toString')).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    // The pending change still holds the server's name as its previous value.
    const [, second] = await db.outbox.toArray();
    expect(second?.prev.fields['name']).toMatchObject({ value: 'Nom du serveur', clock: serverHlc });
  });
});
