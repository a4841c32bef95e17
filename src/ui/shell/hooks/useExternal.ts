// Subscribe a component to a small external store (session, sync status).
import { useEffect, useState } from 'preact/hooks';

export function useExternal<T>(store: { get(): T; subscribe(fn: () => void): () => void }): T {
  const [value, setValue] = useState(store.get());
  useEffect(() => {
    setValue(store.get());
    return store.subscribe(() => setValue(store.get()));
  }, [store]);
  return value;
}
