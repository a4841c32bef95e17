// The screens kept mounted: the current route's, shown; the home when it was the previous one and
// the screens announced ahead (screenAhead), hidden. Going back to « Aujourd'hui », or following a
// link to a screen announced ahead (its week, the matrix, the next week), then shows a screen that
// is already built and up to date (its live reads kept running) instead of building it: on a slow
// tablet that render was about half of opening the week (bench/production.ts).
//
// Why this shape:
// - At most one screen of a kind (the route's first segment) is kept, as screens with fixed ids
//   (panels, form fields) would clash and a hidden one could then name a shown control; week views
//   take their ids from useId, so several weeks can be kept (MANY).
// - Slots keep their order in the DOM (new ones go last): moving a built screen would cost as much
//   as what is saved.
// - A slot's screen is one vnode, memoised on the route and the user, so that showing or hiding it
//   re-renders the slot's <div> and its ScreenShown context, not the screen (Preact skips an
//   identical vnode; only the components reading ScreenShown render again).
// - A kept screen is not display: none (showing it would then restyle and lay out all of it, which
//   cost as much as the render saved) but laid out where it would be shown, in a box of height 0
//   that clips it, and visibility: hidden, which takes it out of the paint, of the accessibility
//   tree and of the tab order. Showing it changes its box only: the browser reuses the layout of
//   its content (same width), and visibility is inherited without restyling every element.
import { createContext, type ComponentChildren } from 'preact';
import { useMemo, useRef } from 'preact/hooks';
import type { SessionUser } from '../../sync/protocol';
import { useExternal } from './hooks/useExternal';
import { routesAheadFor, screenAhead } from './hooks/screenAhead';

/** Whether the screen around is the one shown (true outside a stack: tests, a lone screen). */
export const ScreenShown = createContext(true);

const kindOf = (route: string) => route.split('/')[1] ?? '';
/** Kinds whose screens have ids of their own (useId), so that several can be kept. */
const MANY = new Set(['semaine']);

/** The home's routes: the one screen kept when left, since every errand starts and ends there. */
const HOME = new Set(['/', '/aujourdhui']);

/**
 * The routes to keep, the current one first in priority, in the order their slots already have:
 * the current route, the home when it was the previous one, and the routes announced ahead. Other
 * screens are not kept: each kept screen keeps its live reads running, and most are not revisited.
 */
export function keptRoutes(route: string, previous: string | null, ahead: readonly string[], order: readonly string[]): string[] {
  const wanted = [route];
  for (const r of [previous !== null && HOME.has(previous) ? previous : null, ...ahead]) {
    if (r === null || wanted.includes(r)) continue;
    if (MANY.has(kindOf(r)) || !wanted.some((w) => kindOf(w) === kindOf(r))) wanted.push(r);
  }
  return [...order.filter((r) => wanted.includes(r)), ...wanted.filter((r) => !order.includes(r))];
}

function Slot({ route, shown, user, render }: { route: string; shown: boolean; user: SessionUser; render(route: string, user: SessionUser): ComponentChildren }) {
  // render is the same function for the life of the app: route and user decide the screen.
  const screen = useMemo(() => render(route, user), [route, user]);
  return (
    <div class={shown ? 'screen-slot' : 'screen-slot kept'} aria-hidden={shown ? undefined : 'true'}>
      <ScreenShown.Provider value={shown}>{screen}</ScreenShown.Provider>
    </div>
  );
}

export function ScreenStack({ route, user, render }: { route: string; user: SessionUser; render(route: string, user: SessionUser): ComponentChildren }) {
  const ahead = useExternal(screenAhead);
  const last = useRef(route);
  const previous = useRef<string | null>(null);
  const order = useRef<string[]>([]);
  if (last.current !== route) { previous.current = last.current; last.current = route; }
  order.current = keptRoutes(route, previous.current, routesAheadFor(ahead, user.id), order.current);
  return <div class="screens">{order.current.map((r) => <Slot key={r} route={r} shown={r === route} user={user} render={render} />)}</div>;
}
