// What the update prompt needs to know about the service worker, with no dependency on it:
// a tiny store that registerSW.ts drives in production and tests drive by hand. Kept apart
// from workbox-window so the prompt costs nothing in the first screen's JavaScript.

export interface UpdateState {
  /** A new version is installed and waiting for this tab's go-ahead. */
  waiting: boolean;
  /** Another tab already switched to the new version: this one only needs a reload. */
  activatedElsewhere: boolean;
  /** The user accepted: the new worker is being activated, the page will reload once. */
  applying: boolean;
}

export interface UpdateStore {
  get(): UpdateState;
  subscribe(fn: () => void): () => void;
  set(patch: Partial<UpdateState>): void;
  /** Activate the waiting version (or reload if another tab did). Set by the registration. */
  apply(): void;
  /** Ask the server whether a newer version exists. */
  check(): Promise<void>;
  bind(actions: { apply(): void; check(): Promise<void> }): void;
}

export function createUpdateStore(): UpdateStore {
  let state: UpdateState = { waiting: false, activatedElsewhere: false, applying: false };
  const listeners = new Set<() => void>();
  let actions: { apply(): void; check(): Promise<void> } = { apply: () => undefined, check: async () => undefined };
  return {
    get: () => state,
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    set(patch) {
      state = { ...state, ...patch };
      listeners.forEach((f) => f());
    },
    apply: () => actions.apply(),
    check: () => actions.check(),
    bind(a) {
      actions = a;
    },
  };
}

/** The app's one store; registerSW.ts binds it to the real service worker in production. */
export const swUpdates: UpdateStore = createUpdateStore();
