// Work that can wait for an idle moment (reading next week into memory): requestIdleCallback
// where the browser has it, a short timeout elsewhere (Safari, the test DOM). Returns the cancel.
export function onIdle(fn: () => void): () => void {
  if (typeof globalThis.requestIdleCallback === 'function') {
    const handle = globalThis.requestIdleCallback(fn);
    return () => globalThis.cancelIdleCallback(handle);
  }
  const handle = setTimeout(fn, 200);
  return () => clearTimeout(handle);
}
