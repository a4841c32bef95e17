// The routes screens expect to be visited next, by source: « Aujourd'hui » announces its first
// team's week and the matrix when the tablet is idle; a week view, while shown, its previous and
// next weeks. The screen stack (ScreenStack.tsx) builds those screens ahead and keeps them hidden,
// so that following the link only shows them: no render, no reads, just style, layout and paint.
// A small external store, read with useExternal.

// The user is part of it: a tablet that changes hands never builds a route for the last user.
export interface Ahead { userId: string; routes: readonly string[] }

const sources = new Map<string, Ahead>();
let snapshot: readonly Ahead[] = [];
const listeners = new Set<() => void>();

export const screenAhead = {
  get: (): readonly Ahead[] => snapshot,
  /** Replaces what `source` announces (null: nothing any more). */
  set(source: string, next: Ahead | null): void {
    const before = sources.get(source);
    if (next?.userId === before?.userId && next?.routes.join('\n') === before?.routes.join('\n')) return;
    if (next === null) sources.delete(source); else sources.set(source, next);
    snapshot = [...sources.values()];
    for (const l of listeners) l();
  },
  clear(): void {
    sources.clear();
    snapshot = [];
    for (const l of listeners) l();
  },
  subscribe(fn: () => void): () => void {
    listeners.add(fn);
    return () => { listeners.delete(fn); };
  },
};

/** Every route announced for this user, once each, in the order announced. */
export function routesAheadFor(all: readonly Ahead[], userId: string): string[] {
  return [...new Set(all.filter((a) => a.userId === userId).flatMap((a) => a.routes))];
}
