// A live query whose last answers are remembered in memory by key (client/queries/memory.ts), so
// that reopening a screen (the week of a team, back from « Aujourd'hui ») paints at once from the
// last read while the live read refreshes it after that paint. With nothing remembered the read
// starts in a layout effect, right after the first render, rather than after the next frame as
// useEffect would. A memory kept across restarts (`load`, client/queries/persistedMemory.ts) is
// asked first, in the same effect: its saved answer for this key paints until the live one comes.
import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { observe } from '../../../client/queries/live';
import type { QueryMemory } from '../../../client/queries/memory';

export function useRememberedQuery<T>(memory: QueryMemory<T>, key: string, query: () => Promise<T>): T | undefined {
  const [state, setState] = useState<{ key: string; value: T | undefined }>(() => ({ key, value: memory.get(key) }));
  // Nothing remembered: read at once (layout effect). Something remembered: paint it first and
  // refresh after the frame (effect), so the refresh does not delay the first paint.
  const remembered = useMemo(() => memory.get(key) !== undefined, [memory, key]);
  const subscribe = () => observe(
    query,
    (value) => { memory.set(key, value); setState({ key, value }); },
    (e: unknown) => console.error('Lecture locale impossible', e),
  );
  const loadSaved = () => {
    // Asked before the live read, so that its one record is read first; a live answer already
    // shown wins.
    void memory.load?.(key).then((value) => {
      if (value !== undefined) setState((s) => (s.key === key && s.value === undefined ? { key, value } : s));
    });
  };
  // The key names what the query depends on.
  useLayoutEffect(() => {
    if (remembered) return undefined;
    loadSaved();
    return subscribe();
  }, [memory, key]);
  useEffect(() => (remembered ? subscribe() : undefined), [memory, key]);
  return state.key === key ? state.value : memory.get(key);
}
