// Remembered answers kept across restarts (client/queries/persistedMemory.ts): the newest answer
// of a memory is saved when the tablet is idle, found again by a new connection (the app
// restarted) for the same user and day only, never saved before the idle moment, and a failed
// save leaves nothing behind rather than an error.
import { describe, expect, it } from 'vitest';
import { persistedMemory } from '../../../src/client/queries/persistedMemory';
import { newTestDb } from '../helpers';

/** An idle moment the test triggers by hand. */
function idle() {
  const tasks: (() => void)[] = [];
  return { later: (t: () => void) => { tasks.push(t); }, run: () => { for (const t of tasks.splice(0)) t(); } };
}

const settle = () => new Promise((r) => setTimeout(r, 20));

describe('persistedMemory', () => {
  it('saves the newest answer when idle; after a restart it is found for its key only', async () => {
    const t = newTestDb();
    const i = idle();
    const before = persistedMemory<{ n: number }>(t.db, 'inbox', 2, i.later);
    before.set('coord|2026-11-20', { n: 1 });
    before.set('coord|2026-11-20', { n: 2 });
    expect(before.get('coord|2026-11-20')).toEqual({ n: 2 });
    await settle();
    // Nothing saved before the idle moment.
    expect(await t.db.memory.count()).toBe(0);
    i.run();
    await settle();
    expect(await t.db.memory.count()).toBe(1);

    const db = t.reopen();
    const after = persistedMemory<{ n: number }>(db, 'inbox', 2, i.later);
    expect(after.get('coord|2026-11-20')).toBeUndefined();
    expect(await after.load?.('coord|2026-11-20')).toEqual({ n: 2 });
    // Another day, another user, another memory: nothing.
    expect(await after.load?.('coord|2026-11-21')).toBeUndefined();
    expect(await after.load?.('other|2026-11-20')).toBeUndefined();
    expect(await persistedMemory(db, 'board', 2, i.later).load?.('coord|2026-11-20')).toBeUndefined();
  });

  it('a memory keeps one saved answer, the last one set', async () => {
    const t = newTestDb();
    const i = idle();
    const m = persistedMemory<string>(t.db, 'board', 2, i.later);
    m.set('a|2026-11-20', 'first');
    i.run();
    await settle();
    m.set('b|2026-11-20', 'second');
    i.run();
    await settle();
    expect(await m.load?.('a|2026-11-20')).toBeUndefined();
    expect(await m.load?.('b|2026-11-20')).toBe('second');
  });

  it('a save after the database closed is dropped quietly; the next start reads live', async () => {
    const t = newTestDb();
    const i = idle();
    const m = persistedMemory<string>(t.db, 'inbox', 2, i.later);
    m.set('a|2026-11-20', 'value');
    t.db.close();
    i.run();
    await settle();
    const db = t.reopen();
    expect(await persistedMemory<string>(db, 'inbox', 2, i.later).load?.('a|2026-11-20')).toBeUndefined();
  });
});
