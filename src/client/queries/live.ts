// Live reads for the screens: a read re-runs whenever a table it touched changes, whether the
// change came from this tab, another tab or a sync. The UI's hooks subscribe through this, so
// that Dexie stays behind the client layer (the UI never imports it).
import { liveQuery } from 'dexie';

/** Runs `read` now and again after each change to what it read; returns the unsubscribe. */
export function observe<T>(read: () => Promise<T>, next: (value: T) => void, error: (e: unknown) => void): () => void {
  const sub = liveQuery(read).subscribe({ next, error });
  return () => sub.unsubscribe();
}
