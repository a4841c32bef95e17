// Entry point: styles, then what to draw first. A raw look at the device database
// (client/sessionProbe.ts, no Dexie) says whether a session is stored. Nobody signed in: the
// light sign-in (boot/SignInFirst.tsx) is drawn at once, and the app (Dexie, zod, screens:
// boot/fullApp.tsx) loads only once the user starts on the form. A session stored, or no clear
// answer: the full app, drawn once it has read the session itself (a signed-in tablet goes
// straight to its home, with no sign-in form flashing first). In production builds the service
// worker is registered (lazily: workbox-window is not needed to draw the first screen).
import { render } from 'preact';
import './styles.css';
import { loadOnce } from '../client/loadOnce';
import { probeStoredSession } from '../client/sessionProbe';
import { currentRoute } from './shell/hooks/useRoute';
import { SignInFirst } from './boot/SignInFirst';
import type { FullApp } from './boot/fullApp';

/** If the database has not answered by then, load the full app (it decides, as it always did). */
const PROBE_WAIT_MS = 1000;
/** Needs the app even signed out: the public badge check. */
const VERIFY_ROUTE = '/verifier';

const root = document.getElementById('app')!;

/** Loads and starts the full app, once (a failed load may be tried again). */
const app = loadOnce<FullApp>(() => import('./boot/fullApp').then((m) => m.startApp()));
const fullApp = (): Promise<FullApp> => app.get();

function showFullApp(): void {
  fullApp().then((a) => a.show(root)).catch((e: unknown) => console.error('Tremplin: the app could not be loaded', e));
}

function signInFirst(): void {
  const onRoute = () => {
    if (currentRoute() !== VERIFY_ROUTE) return;
    globalThis.removeEventListener('hashchange', onRoute);
    showFullApp();
  };
  globalThis.addEventListener('hashchange', onRoute);
  const signedIn = (a: FullApp) => {
    globalThis.removeEventListener('hashchange', onRoute);
    void a.show(root);
  };
  render(<SignInFirst app={fullApp} onSignedIn={signedIn} />, root);
}

// Not a top-level await: that would make the bundler split shared code into many more chunks.
void probeStoredSession({ timeoutMs: PROBE_WAIT_MS }).catch(() => 'unknown' as const).then((stored) => {
  if (stored === 'none' && currentRoute() !== VERIFY_ROUTE) signInFirst();
  else showFullApp();
});

if (import.meta.env.PROD) void import('./pwa/registerSW').then((m) => m.registerServiceWorker());
