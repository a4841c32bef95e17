// Per-field LWW merge: whatever order changes arrive in, however often they are replayed and
// however replicas exchange records, every device and the server end with the same record.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { formatHlc } from '../../src/sync/hlc';
import { DELETED_FIELD, emptyRecord, mergeFields, mergeRecords, type MergeableRecord } from '../../src/sync/merge';
import type { Fields, JsonValue } from '../../src/sync/protocol';

interface TestChange { set: Fields; hlc: string; deleted: boolean }

const T0 = Date.parse('2026-11-22T08:00:00.000Z');
const hlc = (ms: number, counter = 0, node = 'a') => formatHlc({ wallMs: T0 + ms, counter, node });

// Clocks drawn from a small space so that edits collide on the same field, millisecond and
// counter, and only the node tells them apart.
const hlcArb = fc.record({
  wallMs: fc.integer({ min: T0, max: T0 + 5 }),
  counter: fc.integer({ min: 0, max: 2 }),
  node: fc.constantFrom('tab-a', 'tab-b', 'server', 'tab-a2'),
}).map(formatHlc);

// `toString` stands for any name that Object.prototype also carries.
const FIELD_NAMES = ['a', 'b', 'c', 'hours', 'toString'];
const valueArb = fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom('x', 'y', null, true), fc.constant<JsonValue>([1, 2]));
const setArb: fc.Arbitrary<Fields> = fc.dictionary(fc.constantFrom(...FIELD_NAMES), valueArb, { maxKeys: 3 });

/** Changes with distinct clocks, as the HLC guarantees (one device never reuses a clock). */
const changesArb = (maxLength = 12): fc.Arbitrary<TestChange[]> => fc.uniqueArray(hlcArb, { minLength: 1, maxLength })
  .chain((clocks) => fc.tuple(...clocks.map((h) => fc.record({
    set: setArb,
    hlc: fc.constant(h),
    deleted: fc.oneof({ arbitrary: fc.constant(false), weight: 6 }, { arbitrary: fc.constant(true), weight: 1 }),
  }))));

const changesWithOrderArb = changesArb().chain((cs) => fc.tuple(
  fc.constant(cs),
  fc.shuffledSubarray(cs, { minLength: cs.length, maxLength: cs.length }),
));

function applyAll(changes: readonly TestChange[], start: MergeableRecord = emptyRecord()): MergeableRecord {
  return changes.reduce((rec, c) => mergeFields(rec, c.set, c.hlc, c.deleted).record, start);
}

function state(r: MergeableRecord) {
  return { fields: r.fields, clocks: r.clocks, deleted: r.deleted };
}

const RUNS = { seed: 42, numRuns: 500 } as const;

describe('mergeFields properties', () => {
  it('the order of changes does not matter (convergence)', () => {
    fc.assert(fc.property(changesWithOrderArb, ([ordered, shuffled]) => {
      expect(state(applyAll(shuffled))).toEqual(state(applyAll(ordered)));
    }), RUNS);
  });

  it('each field ends with the value of its latest write', () => {
    fc.assert(fc.property(changesArb(), (cs) => {
      const rec = applyAll(cs);
      for (const name of FIELD_NAMES) {
        const writers = cs.filter((c) => Object.hasOwn(c.set, name)).sort((x, y) => (x.hlc < y.hlc ? -1 : 1));
        const last = writers.at(-1);
        if (last === undefined) expect(Object.hasOwn(rec.fields, name)).toBe(false);
        else {
          expect(rec.fields[name]).toEqual(last.set[name]);
          expect(rec.clocks[name]).toBe(last.hlc);
        }
      }
      expect(rec.deleted).toBe(cs.some((c) => c.deleted));
    }), RUNS);
  });

  it('applying a change twice equals applying it once (idempotency), wherever the replay lands', () => {
    fc.assert(fc.property(changesWithOrderArb, fc.array(fc.nat(), { maxLength: 6 }), ([ordered, shuffled], picks) => {
      const withReplays = [...shuffled];
      for (const p of picks) withReplays.splice(p % (withReplays.length + 1), 0, ordered[p % ordered.length]!);
      expect(state(applyAll(withReplays))).toEqual(state(applyAll(ordered)));
    }), RUNS);
  });

  it('a replayed change reports nothing won and nothing lost', () => {
    fc.assert(fc.property(changesArb(), (cs) => {
      const rec = applyAll(cs);
      for (const c of cs) {
        const again = mergeFields(rec, c.set, c.hlc, c.deleted);
        // A replay may only "lose" to a later write of the same field, never win anything.
        expect(again.won).toEqual([]);
        expect(state(again.record)).toEqual(state(rec));
      }
    }), RUNS);
  });

  it('a tombstone wins over older and concurrent edits: the record stays deleted', () => {
    fc.assert(fc.property(changesWithOrderArb, fc.nat(), ([ordered, shuffled], pick) => {
      const tomb = ordered[pick % ordered.length]!;
      const withTomb = shuffled.map((c) => (c === tomb ? { ...c, deleted: true } : c));
      const rec = applyAll(withTomb);
      expect(rec.deleted).toBe(true);
      expect(rec.clocks[DELETED_FIELD]! >= tomb.hlc).toBe(true);
    }), RUNS);
  });

  it('does not mutate the record it merges into', () => {
    fc.assert(fc.property(changesArb(), (cs) => {
      const base = applyAll(cs.slice(1));
      const snapshot = structuredClone(state(base));
      mergeFields(base, cs[0]!.set, cs[0]!.hlc, cs[0]!.deleted);
      expect(state(base)).toEqual(snapshot);
    }), RUNS);
  });
});

describe('mergeRecords properties', () => {
  /** Each change goes to at least one of three replicas, each applying its share in its own order. */
  const replicasArb = changesArb(15).chain((cs) => fc.tuple(
    fc.constant(cs),
    fc.array(fc.subarray([0, 1, 2], { minLength: 1 }), { minLength: cs.length, maxLength: cs.length }),
    fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
    fc.shuffledSubarray([0, 1, 2], { minLength: 3, maxLength: 3 }),
  ));

  it('replicas that exchange whole records converge to the record of all changes', () => {
    fc.assert(fc.property(replicasArb, ([cs, homes, rotations, mergeOrder]) => {
      const replicas = [0, 1, 2].map((r) => {
        const mine = cs.filter((_, i) => homes[i]!.includes(r));
        const k = rotations[r]! % (mine.length + 1);
        return applyAll([...mine.slice(k), ...mine.slice(0, k)]);
      });
      const expected = state(applyAll(cs));
      const merged = mergeOrder.reduce((acc, r) => mergeRecords(acc, replicas[r]!), emptyRecord());
      expect(state(merged)).toEqual(expected);
      // Every pair converges whichever side merges the other.
      for (const a of replicas) for (const b of replicas) {
        expect(state(mergeRecords(a, b))).toEqual(state(mergeRecords(b, a)));
      }
    }), RUNS);
  });

  it('merging a record into itself, or twice, changes nothing', () => {
    fc.assert(fc.property(changesArb(), changesArb(), (xs, ys) => {
      const a = applyAll(xs);
      const b = applyAll(ys);
      expect(state(mergeRecords(a, a))).toEqual(state(a));
      const once = mergeRecords(a, b);
      expect(state(mergeRecords(once, b))).toEqual(state(once));
    }), RUNS);
  });

  it('a record merged with pulled records equals applying their changes directly', () => {
    fc.assert(fc.property(changesArb(), changesArb(), (local, remote) => {
      const viaRecord = mergeRecords(applyAll(local), applyAll(remote));
      // Clocks are unique per test only within one array; drop collisions across the two.
      const localClocks = new Set(local.map((c) => c.hlc));
      const remoteOnly = remote.filter((c) => !localClocks.has(c.hlc));
      fc.pre(remoteOnly.length === remote.length);
      expect(state(viaRecord)).toEqual(state(applyAll([...local, ...remote])));
    }), RUNS);
  });

  it('protect keeps a locally pending field untouched, value and clock', () => {
    fc.assert(fc.property(changesArb(), changesArb(), fc.subarray(FIELD_NAMES), (local, remote, pending) => {
      const l = applyAll(local);
      const r = applyAll(remote);
      const merged = mergeRecords(l, r, new Set(pending));
      for (const name of pending) {
        expect(merged.fields[name]).toEqual(l.fields[name]);
        expect(merged.clocks[name]).toBe(l.clocks[name]);
        expect(Object.hasOwn(merged.fields, name)).toBe(Object.hasOwn(l.fields, name));
      }
      const unprotected = mergeRecords(l, r);
      for (const name of FIELD_NAMES.filter((n) => !pending.includes(n))) {
        expect(merged.fields[name]).toEqual(unprotected.fields[name]);
      }
      // A tombstone from the server still wins over a pending edit.
      expect(merged.deleted).toBe(l.deleted || r.deleted);
    }), RUNS);
  });
});

describe('concrete examples', () => {
  it('the later write wins whatever the arrival order, and the loser is reported', () => {
    const early = { set: { hours: 7 }, hlc: hlc(0), deleted: false };
    const late = { set: { hours: 6.5 }, hlc: hlc(1000), deleted: false };
    const r1 = mergeFields(applyAll([early]), late.set, late.hlc, false);
    expect(r1.won).toEqual(['hours']);
    const r2 = mergeFields(applyAll([late]), early.set, early.hlc, false);
    expect(r2.lost).toEqual(['hours']);
    expect(r1.record.fields).toEqual({ hours: 6.5 });
    expect(r2.record.fields).toEqual({ hours: 6.5 });
  });

  it('edits to different fields of the same record both survive', () => {
    const rec = applyAll([
      { set: { task: 'Tonte' }, hlc: hlc(0, 0, 'tab-a'), deleted: false },
      { set: { consignes: 'Casque antibruit' }, hlc: hlc(0, 0, 'tab-b'), deleted: false },
    ]);
    expect(rec.fields).toEqual({ task: 'Tonte', consignes: 'Casque antibruit' });
  });

  it('the device id breaks a tie on the same millisecond and counter', () => {
    const a = { set: { text: 'de A' }, hlc: hlc(0, 0, 'tab-a'), deleted: false };
    const b = { set: { text: 'de B' }, hlc: hlc(0, 0, 'tab-b'), deleted: false };
    expect(applyAll([a, b]).fields['text']).toBe('de B');
    expect(applyAll([b, a]).fields['text']).toBe('de B');
  });

  it('an edit after a tombstone does not bring the record back', () => {
    const rec = applyAll([
      { set: { task: 'Tonte' }, hlc: hlc(0), deleted: false },
      { set: {}, hlc: hlc(10), deleted: true },
      { set: { task: 'Débroussaillage' }, hlc: hlc(20, 0, 'tab-b'), deleted: false },
    ]);
    expect(rec.deleted).toBe(true);
    expect(rec.clocks[DELETED_FIELD]).toBe(hlc(10));
  });

  it('null is a value that clears a field and is merged like any other', () => {
    const rec = applyAll([
      { set: { to: '2026-12-31' }, hlc: hlc(0), deleted: false },
      { set: { to: null }, hlc: hlc(5), deleted: false },
    ]);
    expect(rec.fields).toEqual({ to: null });
  });

  it('a pulled field without a clock (server-filled) is taken', () => {
    const merged = mergeRecords(emptyRecord(), { fields: { structureId: 's1', name: 'Parc' }, clocks: { name: hlc(0) }, deleted: false });
    expect(merged.fields).toEqual({ structureId: 's1', name: 'Parc' });
    expect(merged.clocks).toEqual({ name: hlc(0) });
  });

  it('keeps extra properties of the local record (e.g. its id)', () => {
    const local = { ...emptyRecord(), id: 'r1', entity: 'chantier' as const };
    expect(mergeRecords(local, applyAll([{ set: { a: 1 }, hlc: hlc(0), deleted: false }]))).toMatchObject({ id: 'r1', entity: 'chantier', fields: { a: 1 } });
    expect(mergeFields(local, { a: 1 }, hlc(0), false).record).toMatchObject({ id: 'r1', entity: 'chantier' });
  });

  it('a field named __proto__ from the network stays plain data, never a prototype', () => {
    const set = JSON.parse('{"__proto__": {"visibility": "salarie"}}') as Fields;
    const viaChange = mergeFields(emptyRecord(), set, hlc(0), false).record;
    expect(Object.getPrototypeOf(viaChange.fields)).toBe(Object.prototype);
    expect(viaChange.fields['visibility']).toBeUndefined();
    expect(Object.keys(viaChange.clocks)).toEqual(['__proto__']);

    const remote = JSON.parse(`{"fields": {"__proto__": {"visibility": "salarie"}}, "clocks": {"__proto__": "${hlc(0)}"}, "deleted": false}`) as MergeableRecord;
    const viaRecord = mergeRecords(emptyRecord(), remote);
    expect(Object.getPrototypeOf(viaRecord.fields)).toBe(Object.prototype);
    expect(viaRecord.fields['visibility']).toBeUndefined();
    expect(Object.keys(viaRecord.fields)).toEqual(['__proto__']);
  });

  it('a field named like an Object method (toString, valueOf) is stored and merged', () => {
    const rec = applyAll([
      { set: { toString: 'a', valueOf: 1 }, hlc: hlc(0), deleted: false },
      { set: { toString: 'b' }, hlc: hlc(5), deleted: false },
    ]);
    expect(Object.entries(rec.fields)).toEqual([['toString', 'b'], ['valueOf', 1]]);
    const pulled = mergeRecords(emptyRecord(), rec);
    expect(Object.entries(pulled.fields)).toEqual([['toString', 'b'], ['valueOf', 1]]);
    expect(pulled.clocks).toEqual(rec.clocks);
  });
});
