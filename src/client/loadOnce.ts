// Code loaded on first need (the entity schemas, other screens' reads, the app behind the light
// sign-in): one load shared by every caller, the result at hand without a wait once it is there,
// and a failed load (offline before the service worker had it) tried again by the next call.
export interface LoadOnce<T> {
  /** The loaded value, loading it if needed. */
  get(): Promise<T>;
  /** The value if already loaded, else undefined (no wait). */
  now(): T | undefined;
}

export function loadOnce<T>(load: () => Promise<T>): LoadOnce<T> {
  let value: T | undefined;
  let loading: Promise<T> | undefined;
  return {
    get() {
      loading ??= load().then(
        (v) => (value = v),
        (e: unknown) => {
          loading = undefined;
          throw e;
        },
      );
      return loading;
    },
    now: () => value,
  };
}
