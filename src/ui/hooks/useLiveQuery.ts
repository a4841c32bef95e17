// A Preact hook over Dexie's liveQuery: the screen re-renders when the data it read changes,
// whether the change came from this tab, another tab or a sync.
import { useEffect, useState } from 'preact/hooks';
import { liveQuery } from 'dexie';

export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[]): T | undefined;
export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[], initial: T): T;
export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[], initial?: T): T | undefined {
  const [value, setValue] = useState<T | undefined>(initial);
  useEffect(() => {
    const sub = liveQuery(query).subscribe({ next: setValue, error: (e: unknown) => console.error('Lecture locale impossible', e) });
    return () => sub.unsubscribe();
    // The caller lists what the query depends on, as with useEffect.
  }, deps);
  return value;
}
