// A query memory (memory.ts) whose last answer also survives a restart of the app: kept in the
// device's `memory` table (Dexie version 7, local, never synced), one row per memory holding the
// key it was read for. The coordinator's home and the parcours board cost 150–200 ms to read on a
// new connection at CPU ×4 (thousands of records to deserialize), three times what painting them
// costs (docs/PERFORMANCE.md, issue 11); one saved answer reads in a few ms. A saved answer is
// used only for its exact key (user and day), only until the live read answers, and is rewritten
// after each live answer, when the tablet is idle so that saving never delays a paint.
// The table is erased with the rest of the device's data (logout, revocation, another user).
import type { DeviceDb } from '../db';
import { queryMemory, type QueryMemory } from './memory';

/** Runs `task` when the page is idle (within 2 s), or after 200 ms where there is no idle callback. */
export type Later = (task: () => void) => void;

const whenIdle: Later = (task) => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => task(), { timeout: 2000 });
  else setTimeout(task, 200);
};

export function persistedMemory<T>(db: DeviceDb, name: string, max = 2, later: Later = whenIdle): QueryMemory<T> {
  const memory = queryMemory<T>(max);
  // Only the newest answer is saved: answers that come while a save waits replace it.
  let pending: { key: string; value: T } | null = null;
  const save = () => {
    const row = pending;
    pending = null;
    if (row === null) return;
    // A closed or erased database, or an answer that cannot be cloned: nothing is kept, the next
    // start reads live as before.
    db.memory.put({ name, key: row.key, value: row.value }).catch(() => undefined);
  };
  return {
    get: (key) => memory.get(key),
    set(key, value) {
      memory.set(key, value);
      if (pending === null) later(save);
      pending = { key, value };
    },
    async load(key) {
      const row = await db.memory.get(name).catch(() => undefined);
      // The value was saved by this same memory (its `set` type): the cast restores that type.
      return row?.key === key ? (row.value as T) : undefined;
    },
  };
}
