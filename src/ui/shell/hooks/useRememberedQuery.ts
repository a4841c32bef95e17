// A live query whose last answers are remembered in memory by key (client/queries/memory.ts), so
// that reopening a screen (the week of a team, back from « Aujourd'hui ») paints at once from the
// last read while the live read refreshes it after that paint. With nothing remembered the read
// starts in a layout effect, right after the first render, rather than after the next frame as
// useEffect would. A memory kept across restarts (`load`, client/queries/persistedMemory.ts) is
// asked first, in the same effect: its saved answer for this key paints until the live one comes,
// and the live read waits until that answer is painted (or known absent, or 50 ms late).
import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { observe } from '../../../client/queries/live';
import type { QueryMemory } from '../../../client/queries/memory';

/** How long the live read waits for a saved answer that is slow to come (a busy database). */
const SAVED_WAIT_MS = 50;

/** After the next frame is painted (a task posted from the frame's callback). */
function afterNextPaint(task: () => void): void {
  if (typeof requestAnimationFrame !== 'function') { setTimeout(task, 0); return; }
  requestAnimationFrame(() => { setTimeout(task, 0); });
}

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
  // The key names what the query depends on.
  useLayoutEffect(() => {
    if (remembered) return undefined;
    const load = memory.load;
    if (load === undefined) return subscribe();
    // The saved answer is asked first and the live read waits for it (at most SAVED_WAIT_MS):
    // started together, the live read's thousands of records are deserialized on the main thread
    // before the saved answer's frame can be painted (issue 11: the home with its saved answer
    // took 124–153 ms instead of the paint's ~60). Found: painted, and the live read starts after
    // that frame. Not found: the live read starts at once.
    let stop: (() => void) | undefined;
    let done = false;
    let cancelled = false;
    const start = (afterFrame: boolean) => {
      if (done) return;
      done = true;
      if (!afterFrame) { stop = subscribe(); return; }
      afterNextPaint(() => { if (!cancelled) stop = subscribe(); });
    };
    const timer = setTimeout(() => start(false), SAVED_WAIT_MS);
    load(key).then((value) => {
      clearTimeout(timer);
      if (cancelled) return;
      // A live answer already shown wins.
      if (value !== undefined && !done) setState((s) => (s.key === key && s.value === undefined ? { key, value } : s));
      start(value !== undefined);
    }, () => { clearTimeout(timer); start(false); });
    return () => { cancelled = true; clearTimeout(timer); done = true; stop?.(); };
  }, [memory, key]);
  useEffect(() => (remembered ? subscribe() : undefined), [memory, key]);
  return state.key === key ? state.value : memory.get(key);
}
