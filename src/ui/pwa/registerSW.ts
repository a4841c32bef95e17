// Registers the service worker (production builds only) with workbox-window and drives the
// update store: a waiting version is announced, activated only when the user accepts, and the
// page reloads exactly once, when the new worker takes control. Imported lazily by main.tsx.
import { Workbox } from 'workbox-window';
import { swUpdates, type UpdateStore } from './updateStore';

/** Look for a new version this often while the app stays open (tablets stay open all day). */
const CHECK_EVERY_MS = 60 * 60 * 1000;
/** If the new worker has not taken control by then, reload anyway (still only once). */
const ACTIVATION_FALLBACK_MS = 10_000;

export function registerServiceWorker(store: UpdateStore = swUpdates): void {
  if (!('serviceWorker' in navigator)) return;
  const wb = new Workbox('/sw.js', { scope: '/' });
  // A page loaded without a worker gets one at first install (clientsClaim): that is not an
  // update and must not show the prompt.
  let controlled = navigator.serviceWorker.controller !== null;
  let reloading = false;
  const reloadOnce = () => {
    if (reloading) return;
    reloading = true;
    globalThis.location.reload();
  };

  wb.addEventListener('waiting', () => store.set({ waiting: true }));
  wb.addEventListener('controlling', () => {
    if (store.get().applying) return reloadOnce();
    if (!controlled) {
      controlled = true;
      return;
    }
    // Another tab accepted the update: this one keeps running the old code until the user
    // reloads it, never in the middle of what they are typing.
    store.set({ waiting: false, activatedElsewhere: true });
  });

  store.bind({
    apply() {
      const s = store.get();
      if (s.applying || reloading) return;
      store.set({ applying: true });
      if (s.activatedElsewhere) return reloadOnce();
      wb.messageSkipWaiting();
      setTimeout(reloadOnce, ACTIVATION_FALLBACK_MS);
    },
    async check() {
      try {
        await wb.update();
      } catch {
        // Offline or server unreachable: the next check will do.
      }
    },
  });

  void wb.register().catch((e: unknown) => console.warn('Service worker non enregistré', e));
  setInterval(() => void store.check(), CHECK_EVERY_MS);
  globalThis.addEventListener('online', () => void store.check());
}
