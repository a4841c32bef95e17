// The full app: the device (Dexie, session store, sync engine), its Services and the shell.
// main.tsx loads it at once when a session is stored on this tablet, or, when nobody is signed
// in, once the user starts on the light sign-in form (SignInFirst.tsx), which then signs in
// through these services and hands the page over to <App/>. Started once per page.
import { render } from 'preact';
import { App } from '../shell/App';
import { createServices } from '../shell/boot';
import { ServicesContext } from '../shell/services';
import type { Services } from '../shell/services';
import { createDevice } from '../../client/device';
import { guessDeviceName } from '../pwa/deviceName';
import { requestPersistentStorage } from '../pwa/storage';
import { swUpdates } from '../pwa/updateStore';
import { UpdatePrompt } from '../pwa/UpdatePrompt';
import { loadSchemas } from '../../client/schemas';
import { onIdle } from '../shell/hooks/onIdle';
import { AssignTask } from '../production/lazyAssignTask';

/**
 * What the first write needs but the first screen does not (the entity schemas, the assignment
 * panel), fetched once the tablet is idle after a sign-in: until the service worker has installed
 * and precached them (a second or so), a tablet taken offline right away could not load them, and
 * the worksite is where it goes offline. Idle, so the home's first paint never waits for them.
 */
function fetchWhatWritesNeed(): void {
  onIdle(() => {
    void loadSchemas().catch(() => undefined);
    void AssignTask.preload().catch(() => undefined);
  });
}

/** If the local database does not answer by then, draw anyway (the sign-in form will say why). */
const SESSION_WAIT_MS = 3000;

export interface FullApp {
  services: Services;
  /** Resolves once the stored session has been read (or after SESSION_WAIT_MS). */
  ready: Promise<void>;
  /** Draws <App/> in `root` once ready (replacing whatever is there: the light sign-in). */
  show(root: HTMLElement): Promise<void>;
  /** The update prompt, for the light sign-in to show with these services. */
  UpdatePrompt: typeof UpdatePrompt;
  ServicesContext: typeof ServicesContext;
}

let started: FullApp | undefined;

export function startApp(): FullApp {
  if (started !== undefined) return started;
  const device = createDevice({ deviceName: guessDeviceName() });
  const services = createServices(device);

  const ready = new Promise<void>((done) => {
    if (device.session.getState().status !== 'loading') return done();
    const stop = device.session.subscribe((s) => {
      if (s.status !== 'loading') {
        stop();
        done();
      }
    });
    setTimeout(done, SESSION_WAIT_MS);
  });

  let signedIn = false;
  const onSession = () => {
    const now = services.session.get() !== undefined;
    // The answer travels to the server with the next requests, for the coordination's « Tablettes ».
    if (now && !signedIn) {
      void requestPersistentStorage().then((p) => device.api.setStoragePersisted(p));
      fetchWhatWritesNeed();
    }
    signedIn = now;
  };
  services.session.subscribe(onSession);
  onSession();
  // The server refuses this version's protocol: look for the new version at once.
  services.sync.subscribe(() => {
    if (services.sync.get().updateRequired) void swUpdates.check();
  });

  let shown = false;
  started = {
    services,
    ready,
    async show(root) {
      await ready;
      if (shown) return;
      shown = true;
      render(
        <ServicesContext.Provider value={services}>
          <App />
        </ServicesContext.Provider>,
        root,
      );
    },
    UpdatePrompt,
    ServicesContext,
  };
  return started;
}
