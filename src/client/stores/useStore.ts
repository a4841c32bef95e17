// The one bridge between the vanilla zustand stores and Preact components: subscribe to a
// store and re-render only when the selected slice changes (Object.is by default).
import { useEffect, useReducer, useRef } from 'preact/hooks';
import type { StoreApi } from 'zustand/vanilla';

export function useStore<S, T = S>(store: StoreApi<S>, selector: (state: S) => T = (s) => s as unknown as T, equal: (a: T, b: T) => boolean = Object.is): T {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const value = selector(store.getState());
  const latest = useRef({ selector, value, equal });
  latest.current = { selector, value, equal };
  useEffect(() => {
    const check = () => {
      const { selector: sel, value: shown, equal: eq } = latest.current;
      if (!eq(sel(store.getState()), shown)) rerender(0);
    };
    check(); // the store may have changed between render and subscription
    return store.subscribe(check);
  }, [store]);
  return value;
}
