// A live query whose last answers are remembered in memory by key, so that reopening a screen
// (the week of a team, back from « Aujourd'hui ») paints at once from the last read while the live
// read refreshes it after that paint. With nothing remembered the read starts in a layout effect,
// right after the first render, rather than after the next frame as useEffect would.
// Keys must name everything the answer depends on, the user included: an answer never shows
// under another key (a tablet can change hands).
import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { liveQuery } from 'dexie';

export interface QueryMemory<T> {
  get(key: string): T | undefined;
  set(key: string, value: T): void;
}

/** The last `max` answers, the least recently used dropped first (a few weeks, not the year). */
export function queryMemory<T>(max = 6): QueryMemory<T> {
  const answers = new Map<string, T>();
  return {
    get(key) {
      const v = answers.get(key);
      if (v !== undefined) { answers.delete(key); answers.set(key, v); }
      return v;
    },
    set(key, value) {
      answers.delete(key);
      answers.set(key, value);
      while (answers.size > max) answers.delete(answers.keys().next().value as string);
    },
  };
}

export function useRememberedQuery<T>(memory: QueryMemory<T>, key: string, query: () => Promise<T>): T | undefined {
  const [state, setState] = useState<{ key: string; value: T | undefined }>(() => ({ key, value: memory.get(key) }));
  // Nothing remembered: read at once (layout effect). Something remembered: paint it first and
  // refresh after the frame (effect), so the refresh does not delay the first paint.
  const remembered = useMemo(() => memory.get(key) !== undefined, [memory, key]);
  const subscribe = () => {
    const sub = liveQuery(query).subscribe({
      next: (value) => { memory.set(key, value); setState({ key, value }); },
      error: (e: unknown) => console.error('Lecture locale impossible', e),
    });
    return () => sub.unsubscribe();
  };
  // The key names what the query depends on.
  useLayoutEffect(() => (remembered ? undefined : subscribe()), [memory, key]);
  useEffect(() => (remembered ? subscribe() : undefined), [memory, key]);
  return state.key === key ? state.value : memory.get(key);
}
