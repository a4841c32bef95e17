// @vitest-environment jsdom
// The screen stack keeps the previous screen and the one announced ahead mounted but not shown,
// so that following a link shows a screen already built; one screen per kind, one user's only.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/preact';
import { keptRoutes, ScreenStack } from '../../../src/ui/shell/ScreenStack';
import { screenAhead } from '../../../src/ui/shell/hooks/screenAhead';
import type { SessionUser } from '../../../src/sync/protocol';

afterEach(() => { cleanup(); screenAhead.clear(); });

const ETI: SessionUser = { id: 'u1', role: 'eti', structureId: 's1', displayName: 'Karim' };

describe('keptRoutes', () => {
  it.each([
    { route: '/', previous: null, ahead: [], order: [], kept: ['/'] },
    { route: '/', previous: null, ahead: ['/semaine/t1'], order: ['/'], kept: ['/', '/semaine/t1'] },
    // Following the announced link: nothing is built or moved, the two slots swap roles.
    { route: '/semaine/t1', previous: '/', ahead: ['/semaine/t1'], order: ['/', '/semaine/t1'], kept: ['/', '/semaine/t1'] },
    // Another week, the one announced no longer announced: it goes; the home was not the previous.
    { route: '/semaine/t1/2026-11-30', previous: '/semaine/t1', ahead: [], order: ['/', '/semaine/t1'], kept: ['/semaine/t1/2026-11-30'] },
    { route: '/matrice', previous: '/', ahead: ['/semaine/t1'], order: ['/', '/semaine/t1'], kept: ['/', '/semaine/t1', '/matrice'] },
    { route: '/chantiers', previous: '/matrice', ahead: ['/semaine/t1'], order: ['/', '/semaine/t1', '/matrice'], kept: ['/semaine/t1', '/chantiers'] },
    // Several screens announced: each kept, one of a kind.
    { route: '/chantiers', previous: '/', ahead: ['/semaine/t1', '/matrice'], order: ['/', '/semaine/t1', '/matrice'], kept: ['/', '/semaine/t1', '/matrice', '/chantiers'] },
    // Week views have ids of their own: several can be kept (a week and its neighbours).
    { route: '/semaine/t1/2026-11-30', previous: '/', ahead: ['/semaine/t1/2026-11-23', '/matrice', '/semaine/t1/2026-12-07'], order: ['/', '/semaine/t1/2026-11-23', '/matrice'], kept: ['/', '/semaine/t1/2026-11-23', '/matrice', '/semaine/t1/2026-11-30', '/semaine/t1/2026-12-07'] },
    { route: '/matrice', previous: '/', ahead: ['/matrice', '/semaine/t1'], order: ['/'], kept: ['/', '/matrice', '/semaine/t1'] },
    // Other kinds: one screen each (fixed ids).
    { route: '/salarie/a/parcours', previous: '/', ahead: ['/salarie/b'], order: ['/salarie/b'], kept: ['/salarie/a/parcours', '/'] },
    // Only the home is kept when left: a screen visited on the way is not.
    { route: '/semaine/t1', previous: '/matrice', ahead: [], order: ['/matrice'], kept: ['/semaine/t1'] },
    { route: '/', previous: '/matrice', ahead: ['/semaine/t1'], order: ['/', '/semaine/t1', '/matrice'], kept: ['/', '/semaine/t1'] },
  ])('$route after $previous (ahead $ahead) keeps $kept', ({ route, previous, ahead, order, kept }) => {
    expect(keptRoutes(route, previous, ahead, order)).toEqual(kept);
  });
});

describe('ScreenStack', () => {
  function mountStack(user = ETI) {
    const renders: string[] = [];
    const screen = (route: string) => {
      function Probe() { renders.push(route); return <h2>Écran {route}</h2>; }
      return <Probe />;
    };
    const view = render(<ScreenStack route="/" user={user} render={screen} />);
    const slot = (route: string) => [...view.container.querySelectorAll('.screen-slot')].find((s) => s.textContent === `Écran ${route}`);
    const go = (route: string) => view.rerender(<ScreenStack route={route} user={user} render={screen} />);
    return { renders, slot, go };
  }

  it('builds the announced screen hidden, then shows it without building it again', () => {
    const { renders, slot, go } = mountStack();
    screenAhead.set('home', { userId: ETI.id, routes: ['/semaine/t1'] });
    go('/');
    expect(slot('/semaine/t1')?.classList.contains('kept')).toBe(true);
    expect(slot('/semaine/t1')?.getAttribute('aria-hidden')).toBe('true');
    expect(renders.filter((r) => r === '/semaine/t1')).toHaveLength(1);
    go('/semaine/t1');
    expect(slot('/semaine/t1')?.classList.contains('kept')).toBe(false);
    expect(slot('/semaine/t1')?.hasAttribute('aria-hidden')).toBe(false);
    // The home is kept in turn, hidden; neither screen was rendered again.
    expect(slot('/')?.classList.contains('kept')).toBe(true);
    expect(renders.filter((r) => r === '/semaine/t1')).toHaveLength(1);
    expect(renders.filter((r) => r === '/')).toHaveLength(1);
  });

  it('never builds a route announced for another user', () => {
    const { slot, go } = mountStack();
    screenAhead.set('home', { userId: 'someone-else', routes: ['/semaine/t9'] });
    go('/');
    expect(slot('/semaine/t9')).toBeUndefined();
  });
});
