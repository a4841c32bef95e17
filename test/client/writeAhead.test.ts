// A record being created is written as two requests in one transaction — its `add` and its
// outbox entry's `add` — stamped from the tab's clock and with the tab's remembered structure,
// without reading the record, the clock row or the session (client/writeGuess.ts argues why).
// It must change nothing a careful write would do (the same records and outbox entries, clocks
// aside), land with its outbox entry or not at all, and keep the clock's guarantees whatever
// happens in between — pulls, pushes, reloads, another tab, another device's value:
// - each local write of a field stamps it after every clock already on its record;
// - the persisted clock (the `meta` row and the outbox) is at least every clock ever stamped,
//   and a tab that loads it stamps after all of them.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { DBCore, DBCoreTable } from 'dexie';
import type { Api } from '../../src/client/api';
import { isAfter, loadDeviceClock, receiveClocks } from '../../src/client/clock';
import { META, entityTable, eraseDeviceDb, openDeviceDb, type DeviceDb, type LocalRecord, type OutboxEntry } from '../../src/client/db';
import { LEVEL_TABLE, levelsOfRecords, storedLevels } from '../../src/client/currentLevels';
import { applyPushResults } from '../../src/client/pushResults';
import { createRepository, NotSignedInError } from '../../src/client/repository';
import { login } from '../../src/client/session';
import { looksNew, NEW_ID_WINDOW_MS, writeGuessOf } from '../../src/client/writeGuess';
import { uuidv7 } from '../../src/domain/ids';
import { formatHlc, isHlc, parseHlc, type Hlc } from '../../src/sync/hlc';
import type { PushResult } from '../../src/sync/protocol';
import { SAMPLE_IDS, validSample } from '../fixtures/samples';
import { manualClock } from './helpers';

const START = Date.parse('2026-11-23T08:00:00.000Z');
let devices = 0;

/** Every IndexedDB request a database makes, and the stores of each transaction (a Dexie middleware). */
function requestLog(db: DeviceDb): string[] {
  const log: string[] = [];
  db.use({
    stack: 'dbcore',
    name: 'requestLog',
    create(down: DBCore): DBCore {
      return {
        ...down,
        transaction(stores, mode, options) {
          log.push(`transaction ${mode} ${[...stores].sort().join(',')}`);
          return down.transaction(stores, mode, options);
        },
        table(name) {
          const t = down.table(name);
          const logged = <K extends 'get' | 'getMany' | 'query' | 'openCursor' | 'count'>(kind: K): DBCoreTable[K] =>
            ((req: never) => { log.push(`${name}.${kind}`); return (t[kind] as (r: never) => unknown)(req); }) as DBCoreTable[K];
          return {
            ...t,
            mutate(req) { log.push(`${name}.${req.type}`); return t.mutate(req); },
            get: logged('get'), getMany: logged('getMany'), query: logged('query'), openCursor: logged('openCursor'), count: logged('count'),
          };
        },
      };
    },
  });
  return log;
}

/** One tablet: a store, and two tabs on it (each its own connection, so its own memory). */
async function device(writeAhead: boolean, structureId: string | null = SAMPLE_IDS.structure) {
  const name = `tremplin-write-ahead-${++devices}`;
  const factory = new IDBFactory();
  const clock = manualClock(START);
  const open = () => {
    const db = openDeviceDb(name, { indexedDB: factory, IDBKeyRange });
    const log = requestLog(db);
    return { db, log, repo: createRepository(db, { now: clock.now, writeAhead, ...(structureId === null ? {} : { structureId }) }) };
  };
  const tabs = [open(), open()];
  await tabs[0]!.db.meta.put({ key: META.deviceId, value: 'tablette-test' });
  return {
    clock, tabs, name,
    /** Tab `i` reloaded: the same store, a new connection that remembers nothing. */
    reload(i: number) {
      tabs[i]!.db.close();
      tabs[i] = open();
    },
    close() {
      for (const t of tabs) t.db.close();
    },
  };
}
type Device = Awaited<ReturnType<typeof device>>;

/** Clock values replaced by a mark: the two ways of writing stamp differently, and only that. */
function withoutClocks(v: unknown): unknown {
  if (typeof v === 'string') return isHlc(v) ? '<hlc>' : v;
  if (Array.isArray(v)) return v.map(withoutClocks);
  if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withoutClocks(x)]));
  return v;
}

async function contents(db: DeviceDb) {
  return withoutClocks({
    logEntry: await entityTable(db, 'logEntry').toArray(),
    outbox: (await db.outbox.toArray()).map(({ opId: _opId, ...rest }) => rest),
    rejected: (await db.rejected.toArray()).map(({ opId: _opId, ...rest }) => rest),
  });
}

const later = (a: string, b: string) => isAfter(parseHlc(a)!, parseHlc(b)!);
const maxClock = (clocks: Iterable<string>) => [...clocks].reduce<string | undefined>((m, c) => (m === undefined || later(c, m) ? c : m), undefined);

type Op =
  | { kind: 'create'; tab: number; text: string }
  | { kind: 'update'; tab: number; which: number; text: string }
  | { kind: 'remove'; tab: number; which: number }
  | { kind: 'pulledClock'; tab: number; aheadMs: number }
  | { kind: 'foreignValue'; which: number; aheadMs: number }
  | { kind: 'push'; tab: number; refuse: boolean[]; withServerClock: boolean }
  | { kind: 'reload'; tab: number }
  | { kind: 'time'; ms: number };

const tabArb = fc.nat(1);
const textArb = fc.constantFrom('Arrivé à l’heure.', 'Bonne prise en main.', 'A aidé un collègue.');
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('create' as const), tab: tabArb, text: textArb }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('update' as const), tab: tabArb, which: fc.nat(5), text: textArb }) },
  fc.record({ kind: fc.constant('remove' as const), tab: tabArb, which: fc.nat(5) }),
  fc.record({ kind: fc.constant('pulledClock' as const), tab: tabArb, aheadMs: fc.integer({ min: -5, max: 5 }) }),
  fc.record({ kind: fc.constant('foreignValue' as const), which: fc.nat(5), aheadMs: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ kind: fc.constant('push' as const), tab: tabArb, refuse: fc.array(fc.boolean(), { maxLength: 6 }), withServerClock: fc.boolean() }),
  fc.record({ kind: fc.constant('reload' as const), tab: tabArb }),
  fc.record({ kind: fc.constant('time' as const), ms: fc.constantFrom(0, 1, 1000) }),
);

/**
 * Runs `ops` on a device, checking the clock's guarantees after each; returns what each write
 * answered. `ids` are minted now (so they look new), a few reused on purpose.
 */
async function run(d: Device, ops: Op[], ids: string[]): Promise<unknown[]> {
  const answers: unknown[] = [];
  const stamped: string[] = [];
  const freshTab = [true, true];
  let next = 0;
  for (const op of ops) {
    if (op.kind === 'create' || op.kind === 'update' || op.kind === 'remove') {
      const tab = d.tabs[op.tab]!;
      const id = op.kind === 'create' ? ids[next++ % ids.length]! : ids[op.which % ids.length]!;
      const table = entityTable(tab.db, 'logEntry');
      const before = await table.get(id);
      const lastSeq = (await tab.db.outbox.orderBy('seq').last())?.seq ?? 0;
      const written = op.kind === 'remove'
        ? tab.repo.remove('logEntry', id)
        : tab.repo.write('logEntry', id, op.kind === 'create' ? { ...validSample('logEntry'), text: op.text } : { text: op.text });
      const answer = await written.then((v) => v, (e: unknown) => (e instanceof Error ? e.name : 'error'));
      answers.push(answer);
      const wasFresh = freshTab[op.tab] === true;
      freshTab[op.tab] = false; // loaded by this attempt, even if it failed
      const entries = await tab.db.outbox.where('seq').above(lastSeq).toArray();
      expect(entries.length).toBe(answer === true ? 1 : 0);
      if (answer !== true) continue;
      const entry = entries[0]!;
      const after = (await table.get(id))!;
      // Each local write of a field stamps it after every clock already on the record.
      const newest = maxClock(Object.values(before?._clocks ?? {}));
      if (newest !== undefined) expect(later(entry.hlc, newest)).toBe(true);
      for (const f of [...Object.keys(entry.set).filter((k) => k !== 'structureId'), ...(entry.deleted === true ? ['deleted'] : [])]) {
        expect(after._clocks[f]).toBe(entry.hlc);
      }
      // A tab that has just loaded its clock stamps after everything stamped before.
      if (wasFresh) for (const s of stamped) expect(later(entry.hlc, s)).toBe(true);
      stamped.push(entry.hlc);
    } else if (op.kind === 'pulledClock') {
      const db = d.tabs[op.tab]!.db;
      await db.transaction('rw', db.meta, async () => { await receiveClocks(db, [`${new Date(d.clock.now() + op.aheadMs).toISOString()}-0003-srv`], d.clock.now()); });
    } else if (op.kind === 'foreignValue') {
      // Another device's later value of a field, stored as a pull stores it, `meta` untouched:
      // only the record knows its clock.
      const table = entityTable(d.tabs[0]!.db, 'logEntry');
      const rec = await table.get(ids[op.which % ids.length]!);
      if (rec !== undefined && rec._deleted === 0) {
        const newest = parseHlc(maxClock(Object.values(rec._clocks))!)!;
        const remote = formatHlc({ wallMs: newest.wallMs + op.aheadMs, counter: newest.counter + 1, node: 'autre-tablette' });
        await table.put({ ...rec, text: 'Écrit sur une autre tablette.', _clocks: { ...rec._clocks, text: remote } });
      }
    } else if (op.kind === 'push') {
      const db = d.tabs[op.tab]!.db;
      const batch = await db.outbox.orderBy('seq').toArray();
      const results: PushResult[] = batch.map((e, i) => (op.refuse[i] === true ? { opId: e.opId, status: 'rejected', reason: 'invalid' } : { opId: e.opId, status: 'applied' }));
      await applyPushResults(db, batch, results, op.withServerClock ? `${new Date(d.clock.now() - 2).toISOString()}-0000-srv` : undefined, d.clock.now());
    } else if (op.kind === 'reload') {
      d.reload(op.tab);
      freshTab[op.tab] = true;
    } else {
      d.clock.advance(op.ms);
    }
    // The persisted clock is at least every clock ever stamped, whatever left the outbox.
    const persisted = await loadDeviceClock(d.tabs[0]!.db, d.clock.now());
    for (const s of stamped) expect(isAfter(parseHlc(s)!, persisted)).toBe(false);
  }
  return answers;
}

describe('a record’s creation, written without reads', () => {
  it('leaves the same store and outbox as the careful write, and keeps the clock’s guarantees, whatever happens in between', async () => {
    await fc.assert(fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 18 }), async (ops) => {
      const ids = Array.from({ length: 4 }, (_, i) => uuidv7(START - i));
      const fast = await device(true);
      const careful = await device(false);
      try {
        const a = await run(fast, ops, ids);
        const b = await run(careful, ops, ids);
        expect(a).toEqual(b);
        expect(await contents(fast.tabs[0]!.db)).toEqual(await contents(careful.tabs[0]!.db));
      } finally {
        fast.close();
        careful.close();
      }
    }), { numRuns: 80 });
  });

  it('is one transaction over the record’s table and the outbox, with the two adds and no read, once the tab knows its clock', async () => {
    const d = await device(true);
    const { db, log, repo } = d.tabs[0]!;
    await repo.write('logEntry', uuidv7(d.clock.now()), validSample('logEntry')); // careful: loads the clock
    expect(log).toContain('meta.get');
    log.length = 0;
    expect(await repo.write('logEntry', uuidv7(d.clock.now()), validSample('logEntry'))).toBe(true);
    expect(log).toEqual(['transaction readwrite logEntry,outbox', 'logEntry.add', 'outbox.add']);
    expect(await db.outbox.count()).toBe(2);
    d.close();
  });

  it('keeps the matrix’s stored level in the same transaction when the record created is an evaluation', async () => {
    const d = await device(true);
    const { db, log, repo } = d.tabs[0]!;
    await repo.write('logEntry', uuidv7(d.clock.now()), validSample('logEntry')); // careful: loads the clock
    log.length = 0;
    expect(await repo.write('evaluation', uuidv7(d.clock.now()), validSample('evaluation'))).toBe(true);
    expect(log.slice(0, 3)).toEqual([`transaction readwrite ${['evaluation', LEVEL_TABLE, 'outbox'].sort().join(',')}`, 'evaluation.add', 'outbox.add']);
    expect(log.filter((l) => l.startsWith('transaction'))).toHaveLength(1);
    expect(await storedLevels(db)).toEqual(levelsOfRecords(await entityTable(db, 'evaluation').toArray()));
    expect((await storedLevels(db)).size).toBe(1);
    d.close();
  });

  it('keeps the record and its outbox entry together: both or neither', async () => {
    const d = await device(true);
    const { db, repo } = d.tabs[0]!;
    await repo.write('logEntry', uuidv7(d.clock.now()), validSample('logEntry'));
    db.outbox.hook('creating', () => {
      throw new Error('disque plein');
    });
    const id = uuidv7(d.clock.now());
    await expect(repo.write('logEntry', id, validSample('logEntry'))).rejects.toThrow('disque plein');
    expect(await entityTable(db, 'logEntry').get(id)).toBeUndefined();
    expect(await db.outbox.count()).toBe(1);
    d.close();
  });

  it('drops the outbox entry added beside a record that was already stored, and updates it the careful way', async () => {
    const d = await device(true);
    const [a, b] = d.tabs as [Device['tabs'][0], Device['tabs'][0]];
    await a.repo.write('logEntry', uuidv7(d.clock.now()), validSample('logEntry')); // tab a knows its clock
    // Tab b creates a record tab a has not heard of, with the same id a form of tab a then saves.
    const id = uuidv7(d.clock.now());
    await b.repo.write('logEntry', id, validSample('logEntry'));
    a.log.length = 0;
    expect(await a.repo.write('logEntry', id, { ...validSample('logEntry'), text: 'Autre observation.' })).toBe(true);
    expect(a.log.slice(0, 3)).toEqual(['transaction readwrite logEntry,outbox', 'logEntry.add', 'outbox.add']);
    expect(a.log).toContain('logEntry.get'); // then the careful write
    const outbox = await a.db.outbox.toArray();
    expect(outbox.map((e) => [e.prev.existed, Object.keys(e.set)])).toEqual([
      [false, expect.arrayContaining(['text', 'structureId'])],
      [false, expect.arrayContaining(['text', 'structureId'])],
      [true, ['text']],
    ]);
    expect((await entityTable(a.db, 'logEntry').get(id))?.['text']).toBe('Autre observation.');
    d.close();
  });

  it('stamps an update after every clock on the record, even one another tab stamped ahead of this tab and of `meta`', async () => {
    const d = await device(true);
    const [a, b] = d.tabs as [Device['tabs'][0], Device['tabs'][0]];
    await a.repo.write('logEntry', uuidv7(d.clock.now()), validSample('logEntry'));
    const id = uuidv7(d.clock.now());
    for (let i = 0; i < 5; i++) await b.repo.write('logEntry', i === 4 ? id : uuidv7(d.clock.now()), validSample('logEntry')); // b's clock runs ahead
    const created = (await entityTable(b.db, 'logEntry').get(id))!;
    const meta = String((await a.db.meta.get(META.hlc))?.value);
    expect(later(created._clocks['text']!, meta)).toBe(true);
    expect(later(created._clocks['text']!, formatHlc(writeGuessOf(a.db).hlc!))).toBe(true);
    expect(await a.repo.write('logEntry', id, { text: 'Corrigé depuis l’autre onglet.' })).toBe(true);
    const updated = (await entityTable(a.db, 'logEntry').get(id))!;
    expect(later(updated._clocks['text']!, created._clocks['text']!)).toBe(true);
    d.close();
  });

  it('folds the pushed entries’ clocks into `meta` before they leave the outbox', async () => {
    const d = await device(true);
    const { db, repo } = d.tabs[0]!;
    for (let i = 0; i < 4; i++) await repo.write('logEntry', uuidv7(d.clock.now()), validSample('logEntry')); // same millisecond: counters
    const batch = await db.outbox.toArray();
    const newest = maxClock(batch.map((e) => e.hlc))!;
    expect(later(newest, String((await db.meta.get(META.hlc))?.value))).toBe(true); // only the outbox knew it
    await applyPushResults(db, batch, batch.map((e) => ({ opId: e.opId, status: 'applied' })), undefined, d.clock.now());
    expect(await db.outbox.count()).toBe(0);
    expect(later(newest, String((await db.meta.get(META.hlc))?.value))).toBe(false);
    d.close();
  });

  it('updates a record that exists after all the careful way, and re-saving nothing queues nothing', async () => {
    const d = await device(true);
    const { db, repo } = d.tabs[0]!;
    const id = uuidv7(d.clock.now());
    await repo.write('logEntry', id, validSample('logEntry'));
    d.clock.advance(1);
    expect(await repo.write('logEntry', id, { ...validSample('logEntry'), text: 'Autre observation.' })).toBe(true);
    expect(await repo.write('logEntry', id, { ...validSample('logEntry'), text: 'Autre observation.' })).toBe(false);
    const outbox: OutboxEntry[] = await db.outbox.toArray();
    expect(outbox.map((e) => [e.prev.existed, Object.keys(e.set)])).toEqual([[false, expect.arrayContaining(['text', 'structureId'])], [true, ['text']]]);
    expect((await entityTable(db, 'logEntry').get(id))?.['text']).toBe('Autre observation.');
    d.close();
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

describe('the structure a creation is written in', () => {
  const OTHER_STRUCTURE = '01900000-0000-7000-8000-0000000000aa';
  const user = (id: string, structureId: string) => ({ id, role: 'eti' as const, structureId });
  const apiSigningIn = (as: ReturnType<typeof user>): Api => ({ login: () => Promise.resolve({ token: `jeton-${as.id}`, user: as, deviceId: 'appareil-serveur' }) }) as unknown as Api;
  const creds = { login: 'x', password: 'y', deviceName: 'Tablette' };

  async function signedInDevice() {
    const d = await device(true, null); // the structure comes from the session, as in the app
    await login(d.tabs[1]!.db, apiSigningIn(user('u1', SAMPLE_IDS.structure)), creds, d.clock.now);
    const a = d.tabs[0]!;
    await a.repo.write('logEntry', uuidv7(d.clock.now()), validSample('logEntry')); // careful: learns the session
    expect(writeGuessOf(a.db).structureId).toBe(SAMPLE_IDS.structure);
    return d;
  }

  it('is the new session’s once another tab has signed in as someone else', async () => {
    const d = await signedInDevice();
    const a = d.tabs[0]!;
    await login(d.tabs[1]!.db, apiSigningIn(user('u2', OTHER_STRUCTURE)), creds, d.clock.now);
    expect(await a.db.outbox.count()).toBe(0); // the device was emptied for u2
    a.log.length = 0;
    const id = uuidv7(d.clock.now());
    expect(await a.repo.write('logEntry', id, validSample('logEntry'))).toBe(true);
    expect(a.log).toContain('meta.get'); // the guess was forgotten: the careful write read the session
    expect((await entityTable(a.db, 'logEntry').get(id))?.structureId).toBe(OTHER_STRUCTURE);
    expect(String((await a.db.meta.get(META.hlc))?.value).endsWith('-appareil-serveur')).toBe(true);
    d.close();
  });

  it('needs a session again once another tab has signed out (the device erased)', async () => {
    const d = await signedInDevice();
    const a = d.tabs[0]!;
    const b = d.tabs[1]!;
    await eraseDeviceDb(b.db);
    await expect(a.repo.write('logEntry', uuidv7(d.clock.now()), validSample('logEntry'))).rejects.toBeInstanceOf(NotSignedInError);
    d.close();
  });

  it('is forgotten when another tab says the session changed', async () => {
    const d = await signedInDevice();
    const a = d.tabs[0]!;
    const otherTab = new BroadcastChannel(`tremplin-write-guess:${d.name}`);
    otherTab.postMessage('sessionChanged');
    await expect.poll(() => writeGuessOf(a.db).structureId).toBeUndefined();
    otherTab.close();
    d.close();
  });

  it('never reaches the next user: a sign-in on a device with no session empties what a stale tab wrote', async () => {
    const d = await device(true, null);
    const db = d.tabs[0]!.db;
    // What a tab that had not yet heard of the sign-out could have left after the erase.
    const id = uuidv7(d.clock.now());
    const stray: LocalRecord = { id, structureId: SAMPLE_IDS.structure, _clocks: { text: `${new Date(d.clock.now()).toISOString()}-0007-onglet` }, _deleted: 0, ...validSample('logEntry') };
    await entityTable(db, 'logEntry').add(stray);
    await db.outbox.add({ opId: uuidv7(d.clock.now()), entity: 'logEntry', id, hlc: stray._clocks['text']!, set: { text: 'Brouillon' }, prev: { existed: false, fields: {} } });
    await login(db, apiSigningIn(user('u2', SAMPLE_IDS.structure)), creds, d.clock.now);
    expect(await db.outbox.count()).toBe(0);
    expect(await entityTable(db, 'logEntry').count()).toBe(0);
    // …and the clock did not go back below the stray stamp.
    const clock: Hlc = parseHlc(String((await db.meta.get(META.hlc))?.value))!;
    expect(isAfter(parseHlc(stray._clocks['text']!)!, clock)).toBe(false);
    d.close();
  });
});
