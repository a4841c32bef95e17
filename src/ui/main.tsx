// Entry point: styles, services, and the app, drawn once the stored session is read (a signed-in
// tablet goes straight to its home, with no sign-in form flashing first). In production builds
// the service worker is registered (lazily: workbox-window is not needed to draw the first
// screen), and persistent storage is requested once someone is signed in.
import { render } from 'preact';
import './styles.css';
import { App } from './shell/App';
import { createServices } from './shell/boot';
import { ServicesContext } from './shell/services';
import { createDevice } from '../client/device';
import { guessDeviceName } from './pwa/deviceName';
import { requestPersistentStorage } from './pwa/storage';
import { swUpdates } from './pwa/updateStore';

/** If the local database does not answer by then, draw anyway (the sign-in form will say why). */
const SESSION_WAIT_MS = 3000;

const device = createDevice({ deviceName: guessDeviceName() });
const services = createServices(device);

/** Resolves once the stored session has been read (or after SESSION_WAIT_MS). */
function sessionKnown(): Promise<void> {
  return new Promise<void>((ready) => {
    if (device.session.getState().status !== 'loading') return ready();
    const stop = device.session.subscribe((s) => {
      if (s.status !== 'loading') {
        stop();
        ready();
      }
    });
    setTimeout(ready, SESSION_WAIT_MS);
  });
}

// Not a top-level await: that would make the bundler split shared code into many more chunks.
void sessionKnown().then(() => render(
  <ServicesContext.Provider value={services}>
    <App />
  </ServicesContext.Provider>,
  document.getElementById('app')!,
));

if (import.meta.env.PROD) void import('./pwa/registerSW').then((m) => m.registerServiceWorker());

let signedIn = false;
const onSession = () => {
  const now = services.session.get() !== undefined;
  // The answer travels to the server with the next requests, for the coordination's « Tablettes ».
  if (now && !signedIn) void requestPersistentStorage().then((p) => device.api.setStoragePersisted(p));
  signedIn = now;
};
services.session.subscribe(onSession);
onSession();
// The server refuses this version's protocol: look for the new version at once.
services.sync.subscribe(() => {
  if (services.sync.get().updateRequired) void swUpdates.check();
});
