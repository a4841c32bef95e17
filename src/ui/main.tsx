// Entry point: styles, services, and the app. In production builds the service worker is
// registered (lazily: workbox-window is not needed to draw the first screen), and persistent
// storage is requested once someone is signed in.
import { render } from 'preact';
import './styles.css';
import { App } from './App';
import { createServices } from './boot';
import { ServicesContext } from './services';
import { requestPersistentStorage } from './pwa/storage';
import { swUpdates } from './pwa/updateStore';

const services = createServices();
render(
  <ServicesContext.Provider value={services}>
    <App />
  </ServicesContext.Provider>,
  document.getElementById('app')!,
);

if (import.meta.env.PROD) void import('./pwa/registerSW').then((m) => m.registerServiceWorker());

let signedIn = false;
const onSession = () => {
  const now = services.session.get() !== undefined;
  if (now && !signedIn) void requestPersistentStorage();
  signedIn = now;
};
services.session.subscribe(onSession);
onSession();
// The server refuses this version's protocol: look for the new version at once.
services.sync.subscribe(() => {
  if (services.sync.get().updateRequired) void swUpdates.check();
});
