// @vitest-environment jsdom
// « Structure »: the hub lists the structure's administration pages, each a link with one line
// saying what is done there; in the shell, the tab « Structure » replaces their six tabs and stays
// current on the hub and on each of its pages, which open under a link back to the hub.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/preact';
import { StructurePage } from '../../../src/ui/coordination/structure/StructurePage';
import { App } from '../../../src/ui/shell/App';
import { ServicesContext } from '../../../src/ui/shell/services';
import { STRUCTURE_ID, testServices } from '../services';

const COORD = '01900000-0000-7000-8000-0000000000c1';
const settle = () => new Promise((r) => setTimeout(r, 60));
afterEach(async () => {
  cleanup();
  globalThis.location.hash = '';
  await settle();
});

const coordinator = () => testServices({ id: COORD, role: 'coordinator', structureId: STRUCTURE_ID, displayName: 'Claire Coord' });

/** The hub's pages as a coordinator reads them: name, where it goes, what is done there. */
const PAGES: [string, string, RegExp][] = [
  ['Équipes', '#/equipes-structure', /encadrants.*salariés/],
  ['Importer', '#/import', /tableur \(CSV\).*Emplois de l’inclusion/],
  ['Comptes', '#/comptes', /identifiants/],
  ['Tablettes', '#/tablettes', /révoquer une tablette perdue/],
  ['Journal des accès', '#/journal-des-acces', /qui a lu des données confidentielles/],
  ['Premiers pas', '#/premiers-pas', /SIRET/],
  ['Conservation des dossiers', '#/conservation', /combien de temps garder/],
];

describe('Structure: the hub', () => {
  it('lists every page of the structure as a link with its description', () => {
    render(<StructurePage />);
    expect(screen.getByRole('heading', { name: 'Structure', level: 2 })).toBeTruthy();
    const list = screen.getByRole('list', { name: 'Pages de la structure' });
    expect(within(list).getAllByRole('link').map((a) => a.textContent)).toEqual(PAGES.map(([name]) => name));
    for (const [name, href, description] of PAGES) {
      const link = within(list).getByRole('link', { name });
      expect(link.getAttribute('href')).toBe(href);
      // The description is on the card and read with the link.
      const described = document.getElementById(link.getAttribute('aria-describedby')!)!;
      expect(described.textContent).toMatch(description);
      expect(link.closest('li')!.contains(described)).toBe(true);
    }
  });
});

describe('Structure: the tab', () => {
  const nav = () => screen.getByRole('navigation', { name: 'Navigation principale' });
  const tab = () => within(nav()).getByRole('link', { name: 'Structure' });

  it('replaces the six tabs of the structure\'s pages', () => {
    globalThis.location.hash = '#/salaries';
    render(<ServicesContext.Provider value={coordinator()}><App /></ServicesContext.Provider>);
    expect(tab().getAttribute('href')).toBe('#/structure');
    expect(tab().getAttribute('aria-current')).toBeNull();
    for (const [name] of PAGES) expect(within(nav()).queryByRole('link', { name })).toBeNull();
  });

  it('is current on the hub and on a page of the structure, which links back to the hub', async () => {
    globalThis.location.hash = '#/structure';
    render(<ServicesContext.Provider value={coordinator()}><App /></ServicesContext.Provider>);
    expect(tab().getAttribute('aria-current')).toBe('page');
    await screen.findByRole('list', { name: 'Pages de la structure' });

    globalThis.location.hash = '#/tablettes';
    globalThis.dispatchEvent(new HashChangeEvent('hashchange'));
    await screen.findByRole('heading', { name: 'Tablettes', level: 2 });
    await waitFor(() => expect(tab().getAttribute('aria-current')).toBe('page'));
    expect(within(nav()).getByRole('link', { name: 'Salariés' }).getAttribute('aria-current')).toBeNull();
    expect(screen.getByRole('link', { name: 'Retour à Structure' }).getAttribute('href')).toBe('#/structure');
  });
});
