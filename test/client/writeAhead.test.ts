// A record being created is written in one round trip: its writes go right behind the reads
// that check the guess (client/writeGuess.ts). It must change nothing a careful write would do:
// same records, same outbox entries with the same clocks, the write and its outbox entry landing
// together or not at all, whatever moved the clock or the store in between.
import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { receiveClocks } from '../../src/client/clock';
import { META, entityTable, type DeviceDb } from '../../src/client/db';
import { createRepository } from '../../src/client/repository';
import { looksNew, NEW_ID_WINDOW_MS } from '../../src/client/writeGuess';
import { uuidv7 } from '../../src/domain/ids';
import { SAMPLE_IDS, validSample } from '../fixtures/samples';
import { manualClock, newTestDb } from './helpers';

const START = Date.parse('2026-11-23T08:00:00.000Z');

async function device(writeAhead: boolean) {
  const { db } = newTestDb();
  await db.meta.put({ key: META.deviceId, value: 'tablette-test' });
  const clock = manualClock(START);
  const repo = createRepository(db, { now: clock.now, structureId: SAMPLE_IDS.structure, writeAhead });
  // Another tab of the same tablet: its own memory, the same store.
  const otherTab = createRepository(db, { now: clock.now, structureId: SAMPLE_IDS.structure, writeAhead });
  return { db, clock, repo, otherTab };
}

async function contents(db: DeviceDb) {
  return {
    logEntry: await entityTable(db, 'logEntry').toArray(),
    outbox: (await db.outbox.toArray()).map(({ opId: _opId, ...rest }) => rest),
    hlc: (await db.meta.get(META.hlc))?.value,
  };
}

type Op =
  | { kind: 'create'; text: string }
  | { kind: 'update'; which: number; text: string }
  | { kind: 'remove'; which: number }
  | { kind: 'otherTab'; text: string }
  | { kind: 'pulledClock'; aheadMs: number }
  | { kind: 'time'; ms: number };

const textArb = fc.constantFrom('Arrivé à l’heure.', 'Bonne prise en main.', 'A aidé un collègue.');
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), text: textArb }),
  fc.record({ kind: fc.constant('update' as const), which: fc.nat(5), text: textArb }),
  fc.record({ kind: fc.constant('remove' as const), which: fc.nat(5) }),
  fc.record({ kind: fc.constant('otherTab' as const), text: textArb }),
  fc.record({ kind: fc.constant('pulledClock' as const), aheadMs: fc.integer({ min: -5, max: 5 }) }),
  fc.record({ kind: fc.constant('time' as const), ms: fc.constantFrom(0, 1, 1000) }),
);

async function run(d: Awaited<ReturnType<typeof device>>, ops: Op[], ids: string[]): Promise<unknown[]> {
  const answers: unknown[] = [];
  let next = 0;
  const settle = async (p: Promise<unknown>) => answers.push(await p.then((v) => v, (e: unknown) => (e instanceof Error ? e.name : 'error')));
  for (const op of ops) {
    if (op.kind === 'create') await settle(d.repo.write('logEntry', ids[next++ % ids.length]!, { ...validSample('logEntry'), text: op.text }));
    else if (op.kind === 'update') await settle(d.repo.write('logEntry', ids[op.which % ids.length]!, { text: op.text }));
    else if (op.kind === 'remove') await settle(d.repo.remove('logEntry', ids[op.which % ids.length]!));
    else if (op.kind === 'otherTab') await settle(d.otherTab.write('logEntry', ids[next++ % ids.length]!, { ...validSample('logEntry'), text: op.text }));
    else if (op.kind === 'pulledClock') await receiveClocks(d.db, [`${new Date(d.clock.now() + op.aheadMs).toISOString()}-0003-srv`], d.clock.now());
    else d.clock.advance(op.ms);
  }
  return answers;
}

describe('a write issued ahead of its reads', () => {
  it('leaves the same store and outbox as the careful write, whatever happens in between', async () => {
    await fc.assert(fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 14 }), async (ops) => {
      // Ids minted now (so they look new), shared by both devices; a few are reused on purpose.
      const ids = Array.from({ length: 4 }, (_, i) => uuidv7(START - i));
      const fast = await device(true);
      const careful = await device(false);
      const a = await run(fast, ops, ids);
      const b = await run(careful, ops, ids);
      expect(a).toEqual(b);
      expect(await contents(fast.db)).toEqual(await contents(careful.db));
      fast.db.close();
      careful.db.close();
    }), { numRuns: 80 });
  });

  it('issues the record before its read answers once the tab knows the clock', async () => {
    const { db, clock, repo } = await device(true);
    await repo.write('logEntry', uuidv7(clock.now()), validSample('logEntry')); // learns the clock
    const table = db.table('logEntry');
    const events: string[] = [];
    const get = table.get.bind(table);
    const put = table.put.bind(table);
    vi.spyOn(table, 'get').mockImplementation(((key: string) => get(key).then((r) => { events.push('read answered'); return r; })) as typeof table.get);
    vi.spyOn(table, 'put').mockImplementation(((row: unknown) => { events.push('record issued'); return put(row as never); }) as typeof table.put);
    expect(await repo.write('logEntry', uuidv7(clock.now()), validSample('logEntry'))).toBe(true);
    expect(events).toEqual(['record issued', 'read answered']);
    expect(await db.outbox.count()).toBe(2);
  });

  it('keeps the record and its outbox entry together: both or neither', async () => {
    const { db, clock, repo } = await device(true);
    await repo.write('logEntry', uuidv7(clock.now()), validSample('logEntry'));
    db.outbox.hook('creating', () => {
      throw new Error('disque plein');
    });
    const id = uuidv7(clock.now());
    await expect(repo.write('logEntry', id, validSample('logEntry'))).rejects.toThrow('disque plein');
    expect(await entityTable(db, 'logEntry').get(id)).toBeUndefined();
    expect(await db.outbox.count()).toBe(1);
  });

  it('updates a record that exists after all the careful way, and re-saving nothing queues nothing', async () => {
    const { db, clock, repo } = await device(true);
    const id = uuidv7(clock.now());
    await repo.write('logEntry', id, validSample('logEntry'));
    clock.advance(1);
    expect(await repo.write('logEntry', id, { ...validSample('logEntry'), text: 'Autre observation.' })).toBe(true);
    expect(await repo.write('logEntry', id, { ...validSample('logEntry'), text: 'Autre observation.' })).toBe(false);
    const outbox = await db.outbox.toArray();
    expect(outbox.map((e) => [e.prev.existed, Object.keys(e.set)])).toEqual([[false, expect.arrayContaining(['text', 'structureId'])], [true, ['text']]]);
    expect((await entityTable(db, 'logEntry').get(id))?.['text']).toBe('Autre observation.');
  });

  it('takes as new only the app’s recent UUID v7 ids', () => {
    const now = START;
    expect(looksNew(uuidv7(now), now)).toBe(true);
    expect(looksNew(uuidv7(now - NEW_ID_WINDOW_MS - 1), now)).toBe(false);
    expect(looksNew(uuidv7(now + 60_000), now)).toBe(false);
    expect(looksNew('01JD3Z1Y2X3W4V5T6S7R8Q9P0N', now)).toBe(false);
    expect(looksNew(SAMPLE_IDS.logEntry, now)).toBe(false);
  });
});
