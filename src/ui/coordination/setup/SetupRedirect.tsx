// Sends a coordinator whose structure is not set up yet (no team, structure synced) from the
// home screen to « Premiers pas », once per visit: they may then leave the guide for « À lire »
// or any tab without being pulled back each time they press « À lire ».
import { useEffect, useRef } from 'preact/hooks';
import { useNeedsSetup } from './useNeedsSetup';

export const SETUP_ROUTE = '#/premiers-pas';

export function SetupRedirect({ route, go = (hash: string) => location.replace(hash) }: { route: string; go?: (hash: string) => void }) {
  const needs = useNeedsSetup();
  const done = useRef(false);
  useEffect(() => {
    // `needs` turns true only once the first sync brought the structure in: wait for it.
    if (needs !== true || done.current || route !== '/') return;
    done.current = true;
    go(SETUP_ROUTE);
  }, [needs, route]);
  return null;
}
