// A route's screen loaded on first visit, so its code stays out of the first screen's
// JavaScript. The service worker precaches every chunk, so this works offline too.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export type LazyScreen<P extends object> = ComponentType<P> & {
  /** Loads the screen's code ahead (when idle), so that its first visit renders at once. */
  preload(): Promise<void>;
};

export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): LazyScreen<P> {
  let loaded: ComponentType<P> | undefined;
  function LazyScreen(props: P) {
    const [Comp, setComp] = useState<ComponentType<P> | undefined>(() => loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (Comp !== undefined) return;
      let alive = true;
      load().then((c) => {
        loaded = c;
        if (alive) setComp(() => c);
      }, () => alive && setFailed(true));
      return () => { alive = false; };
    }, []);
    if (failed) return <p class="banner warn" role="alert">Cet écran n’a pas pu se charger. Rechargez l’application avec du réseau.</p>;
    if (Comp === undefined) return <p class="hint" role="status">Chargement…</p>;
    return <Comp {...props} />;
  }
  LazyScreen.preload = async (): Promise<void> => {
    if (loaded === undefined) loaded = await load();
  };
  return LazyScreen;
}
