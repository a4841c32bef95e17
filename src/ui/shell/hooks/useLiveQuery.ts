// A Preact hook over the client's live reads (client/queries/live.ts): the screen re-renders when
// the data it read changes, whether the change came from this tab, another tab or a sync.
import { useEffect, useState } from 'preact/hooks';
import { observe } from '../../../client/queries/live';

export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[]): T | undefined;
export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[], initial: T): T;
export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[], initial?: T): T | undefined {
  const [value, setValue] = useState<T | undefined>(initial);
  // The caller lists what the query depends on, as with useEffect.
  useEffect(() => observe(query, setValue, (e: unknown) => console.error('Lecture locale impossible', e)), deps);
  return value;
}
