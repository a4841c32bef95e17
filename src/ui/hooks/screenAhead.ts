// The routes a screen expects to be visited next (« Aujourd'hui » announces its first team's week
// and the matrix when the tablet is idle). The screen stack (ScreenStack.tsx) renders that route's screen hidden,
// so that following the link only shows it: no render, no reads, just its style, layout and paint.
// A small external store, read with useExternal.
// The user is part of it: a tablet that changes hands never builds a route for the last user.
export interface Ahead { userId: string; routes: readonly string[] }

let ahead: Ahead | null = null;
const listeners = new Set<() => void>();

export const screenAhead = {
  get: (): Ahead | null => ahead,
  set(next: Ahead | null): void {
    if (next?.userId === ahead?.userId && next?.routes.join('\n') === ahead?.routes.join('\n')) return;
    ahead = next;
    for (const l of listeners) l();
  },
  subscribe(fn: () => void): () => void {
    listeners.add(fn);
    return () => { listeners.delete(fn); };
  },
};
