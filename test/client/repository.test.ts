// The device's local writes: each one lands with its outbox entry or not at all, bad input is
// refused with a French message naming the field, the clock never runs backwards (even across
// a reload), and the screens' indexed reads return what a user expects to see.
import { describe, it, expect } from 'vitest';
import { uuidv7 } from '../../src/domain/ids';
import { BatchWriteError, createRepository, ValidationError } from '../../src/client/repository';
import { ensureDeviceId } from '../../src/client/clock';
import { META } from '../../src/client/db';
import { allOf, oneOf } from '../../src/client/queries/tables';
import { SAMPLE_IDS, validSample } from '../fixtures/samples';
import { manualClock, newTestDb } from './helpers';

const opts = (now: () => number) => ({ now, structureId: SAMPLE_IDS.structure });

describe('repository writes', () => {
  it('puts the record and its outbox entry together', async () => {
    const { db } = newTestDb();
    const clock = manualClock();
    const repo = createRepository(db, opts(clock.now));
    const id = uuidv7();
    expect(await repo.write('logEntry', id, validSample('logEntry'))).toBe(true);

    const rec = await oneOf(db, 'logEntry', id);
    expect(rec?.text).toBe('Bonne prise en main du taille-haie.');
    expect(rec?.structureId).toBe(SAMPLE_IDS.structure);
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ entity: 'logEntry', id, prev: { existed: false } });
    expect(outbox[0]!.set).toMatchObject({ text: 'Bonne prise en main du taille-haie.', structureId: SAMPLE_IDS.structure });
    expect(rec?._clocks['text']).toBe(outbox[0]!.hlc);
  });

  it('writes nothing when the outbox entry cannot be added', async () => {
    const { db } = newTestDb();
    const repo = createRepository(db, opts(manualClock().now));
    db.outbox.hook('creating', () => {
      throw new Error('disque plein');
    });
    const id = uuidv7();
    await expect(repo.write('timeEntry', id, validSample('timeEntry'))).rejects.toThrow('disque plein');
    expect(await db.table('timeEntry').count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.meta.get(META.hlc)).toBeUndefined();
  });

  it('refuses an invalid value with a French message naming the field, and writes nothing', async () => {
    const { db } = newTestDb();
    const repo = createRepository(db, opts(manualClock().now));
    const id = uuidv7();
    const err = await repo.write('timeEntry', id, validSample('timeEntry', { hours: 30 })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).field).toBe('hours');
    expect((err as ValidationError).message).toMatch(/Heures travaillées.*plus de 24 heures/);
    expect(await db.table('timeEntry').count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('refuses a new record missing a required field', async () => {
    const { db } = newTestDb();
    const repo = createRepository(db, opts(manualClock().now));
    const { text: _text, ...withoutText } = validSample('logEntry');
    const err = await repo.write('logEntry', uuidv7(), withoutText).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).field).toBe('text');
    expect((err as ValidationError).message).toContain('obligatoire');
    expect(await db.outbox.count()).toBe(0);
    expect(await db.meta.get(META.hlc)).toBeUndefined();
  });

  it('refuses to clear a required field of an existing record', async () => {
    const { db } = newTestDb();
    const repo = createRepository(db, opts(manualClock().now));
    const id = uuidv7();
    await repo.write('logEntry', id, validSample('logEntry'));
    await expect(repo.write('logEntry', id, { text: null })).rejects.toMatchObject({ name: 'ValidationError', field: 'text' });
    expect((await oneOf(db, 'logEntry', id))?.text).toBe('Bonne prise en main du taille-haie.');
    expect(await db.outbox.count()).toBe(1);
  });

  it('sends only the fields that change, and nothing when nothing changes', async () => {
    const { db } = newTestDb();
    const repo = createRepository(db, opts(manualClock().now));
    const id = uuidv7();
    await repo.write('timeEntry', id, validSample('timeEntry'));
    expect(await repo.write('timeEntry', id, validSample('timeEntry'))).toBe(false);
    expect(await repo.write('timeEntry', id, validSample('timeEntry', { hours: 6 }))).toBe(true);
    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox).toHaveLength(2);
    expect(outbox[1]!.set).toEqual({ hours: 6 });
    expect(outbox[1]!.prev).toEqual({ existed: true, fields: { hours: { value: 7, clock: outbox[0]!.hlc } } });
  });

  it('deletes with a tombstone and a queued deletion', async () => {
    const { db } = newTestDb();
    const repo = createRepository(db, opts(manualClock().now));
    const id = uuidv7();
    await repo.write('evaluation', id, validSample('evaluation'));
    expect(await repo.remove('evaluation', id)).toBe(true);
    expect(await oneOf(db, 'evaluation', id)).toBeUndefined();
    expect(await allOf(db, 'evaluation')).toEqual([]);
    expect(await repo.remove('evaluation', id)).toBe(false);
    const last = (await db.outbox.orderBy('seq').toArray()).at(-1)!;
    expect(last).toMatchObject({ id, deleted: true, set: {}, prev: { existed: true, fields: { deleted: { value: false } } } });
    await expect(repo.write('evaluation', id, { level: 3 })).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('device clock and identity', () => {
  it('stamps every write later than the previous one, even when the wall clock goes back', async () => {
    const { db } = newTestDb();
    const clock = manualClock();
    const repo = createRepository(db, opts(clock.now));
    const id = uuidv7();
    await repo.write('timeEntry', id, validSample('timeEntry', { hours: 1 }));
    for (let h = 2; h <= 6; h++) {
      if (h === 4) clock.advance(-60_000);
      await repo.write('timeEntry', id, { hours: h });
    }
    const clocks = (await db.outbox.orderBy('seq').toArray()).map((e) => e.hlc);
    expect([...clocks].sort()).toEqual(clocks);
    expect(new Set(clocks).size).toBe(clocks.length);
  });

  it('keeps the clock and the device id across a reload', async () => {
    const t = newTestDb();
    const clock = manualClock();
    const deviceId = await ensureDeviceId(t.db, clock.now());
    const repo = createRepository(t.db, opts(clock.now));
    const id = uuidv7();
    await repo.write('timeEntry', id, validSample('timeEntry'));
    const before = (await t.db.outbox.toArray())[0]!.hlc;
    expect(before.endsWith(deviceId)).toBe(true);

    const db2 = t.reopen();
    clock.advance(-3_600_000); // the tablet's clock was set back an hour meanwhile
    expect(await ensureDeviceId(db2, clock.now())).toBe(deviceId);
    await createRepository(db2, opts(clock.now)).write('timeEntry', id, { hours: 5 });
    const after = (await db2.outbox.orderBy('seq').toArray()).at(-1)!.hlc;
    expect(after > before).toBe(true);
  });
});

describe('batch writes', () => {
  it('writes every record and its outbox entry, or none when one is invalid', async () => {
    const { db } = newTestDb();
    const repo = createRepository(db, opts(manualClock().now));
    const a = uuidv7();
    const b = uuidv7();
    expect(await repo.writeMany([
      { entity: 'logEntry', id: a, set: validSample('logEntry') },
      { entity: 'timeEntry', id: b, set: validSample('timeEntry') },
    ])).toBe(2);
    expect(await db.outbox.count()).toBe(2);

    const c = uuidv7();
    const failed = repo.writeMany([
      { entity: 'logEntry', id: c, set: validSample('logEntry', { text: 'gardé ?' }) },
      { entity: 'timeEntry', id: uuidv7(), set: validSample('timeEntry', { hours: 30 }) },
    ]);
    await expect(failed).rejects.toBeInstanceOf(BatchWriteError);
    await expect(failed).rejects.toMatchObject({ index: 1, cause: expect.any(ValidationError) });
    expect(await oneOf(db, 'logEntry', c)).toBeUndefined();
    expect(await db.outbox.count()).toBe(2);
  });
});
