// Hash routing: works from the service worker's single cached index.html, offline, with no
// server-side routes to keep in sync.
import { useEffect, useState } from 'preact/hooks';

export function currentRoute(): string {
  const h = globalThis.location?.hash ?? '';
  return h.startsWith('#') ? h.slice(1) || '/' : '/';
}

export function useRoute(): string {
  const [route, setRoute] = useState(currentRoute());
  useEffect(() => {
    const on = () => setRoute(currentRoute());
    globalThis.addEventListener('hashchange', on);
    return () => globalThis.removeEventListener('hashchange', on);
  }, []);
  return route;
}

export function navigate(path: string): void {
  globalThis.location.hash = path;
}
