// The light sign-in: what a tablet where nobody is signed in draws first, before Dexie, zod and
// the screens are loaded (main.tsx decides, from a raw look at the database). The same form as
// the app's Login (LoginForm.tsx); the app starts loading as soon as the user focuses or types
// in it, and the sign-in goes through the app's own services, after which main.tsx hands the
// page over to <App/>. A lapsed session never gets here (its row is stored: the full app says
// so); a revoked tablet does, and its notice needs only the tab's flag.
import { useEffect, useRef, useState } from 'preact/hooks';
import { LoginForm } from '../shell/LoginForm';
import { revokedFlag } from '../shell/revokedFlag';
import { useExternal } from '../shell/hooks/useExternal';
import { swUpdates, type UpdateStore } from '../pwa/updateStore';
import type { FullApp } from './fullApp';

/** Shown if the app itself cannot be loaded when signing in (the form's usual words). */
const LOAD_FAILED = 'La connexion a échoué. Réessayez.';

export interface SignInFirstProps {
  /** Loads and starts the full app (once: later calls return the same). */
  app(): Promise<FullApp>;
  /** Signed in through the app's services (or found signed in): draw the app now. */
  onSignedIn(app: FullApp): void;
  updates?: UpdateStore;
}

export function SignInFirst({ app, onSignedIn, updates = swUpdates }: SignInFirstProps) {
  const [revoked] = useState(() => revokedFlag());
  const update = useExternal(updates);
  const [loaded, setLoaded] = useState<FullApp | undefined>(undefined);
  const updateShown = update.waiting || update.activatedElsewhere;

  const load = () => app().then((a) => {
    setLoaded(a);
    return a;
  });
  // The update prompt needs the app (it sends waiting changes first): load it if one is waiting.
  useEffect(() => {
    if (updateShown && loaded === undefined) void load().catch(() => undefined);
  }, [updateShown]);

  const warming = useRef(false);
  const warm = () => {
    if (warming.current) return;
    warming.current = true;
    void load().then(async (a) => {
      await a.ready;
      // Signed in meanwhile in another tab: nothing to ask.
      if (a.services.session.get() !== undefined) onSignedIn(a);
    }, () => { warming.current = false; });
  };

  async function login(user: string, password: string): Promise<void> {
    let a: FullApp;
    try {
      a = await load();
      await a.ready;
    } catch {
      throw new Error(LOAD_FAILED);
    }
    await a.services.login(user, password);
    onSignedIn(a);
  }

  return (
    <>
      {loaded !== undefined && (
        <loaded.ServicesContext.Provider value={loaded.services}>
          <loaded.UpdatePrompt updates={updates} />
        </loaded.ServicesContext.Provider>
      )}
      <LoginForm login={login} revoked={revoked} expired={false} onInteract={warm} />
    </>
  );
}
