// @vitest-environment jsdom
// The coordination's inbox as two coordinators on one tablet's data see it: each has their own
// read state, a new one starts from the last 30 days, an alert stays « À traiter » until a
// follow-up is written (required, in French) which its ETI then reads in the livret, the filters
// narrow what is shown, and « Tout marquer comme lu » marks exactly what is shown, all or nothing.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { CoordinatorHome } from '../../../src/ui/coordination/CoordinatorHome';
import { Livret } from '../../../src/ui/livret/LivretTimeline';
import { ServicesContext, type Services } from '../../../src/ui/shell/services';
import type { SessionUser } from '../../../src/sync/protocol';
import { ETI_ID, STRUCTURE_ID } from '../services';
import { COORDINATOR, ETI, W, mount, nextId, seedWorld } from '../competences/world';

afterEach(cleanup);

const OTHER_TEAM = '01900000-0000-7000-8000-000000000301';
const PAUL: SessionUser = { id: '01900000-0000-7000-8000-000000000005', role: 'coordinator', structureId: STRUCTURE_ID, displayName: 'Paul Dupont' };

async function entry(s: Services, text: string, extra: Record<string, string | boolean> = {}) {
  const id = nextId();
  await s.write('logEntry', id, { structureId: STRUCTURE_ID, salarieId: W.sal1, authorId: ETI_ID, date: '2026-11-19', category: 'technique', text, visibility: 'team', alert: false, ...extra });
  return id;
}

async function world(s: Services) {
  await seedWorld(s);
  await s.write('user', W.coordinator, { structureId: STRUCTURE_ID, login: 'coordination', displayName: 'Claire Coordination', role: 'coordinator' });
  await s.write('user', PAUL.id, { structureId: STRUCTURE_ID, login: 'paul', displayName: 'Paul Dupont', role: 'coordinator' });
}

/** A second screen on the same device data, signed in as `user`. */
function alsoAs(base: Services, user: SessionUser, ui: preact.ComponentChildren) {
  const services: Services = { ...base, session: { get: () => user, subscribe: () => () => undefined } };
  return render(<ServicesContext.Provider value={services}>{ui}</ServicesContext.Provider>);
}

/** A rendered screen's root, as the queries want it. */
function box(view: { container: Element }): HTMLElement {
  if (!(view.container instanceof HTMLElement)) throw new Error('conteneur inattendu');
  return view.container;
}

const entriesIn = (root: HTMLElement) => within(root).queryAllByTestId('log-entry').map((e) => e.querySelector('p')?.textContent);

describe('À lire: one read state per coordinator', () => {
  it('what Claire marks read stays unread for Paul', async () => {
    const { services, view } = mount(COORDINATOR, <CoordinatorHome />);
    await world(services);
    await entry(services, 'Bon geste');
    await entry(services, 'Transport difficile', { category: 'freins' });
    const paul = alsoAs(services, PAUL, <CoordinatorHome />);
    await waitFor(() => expect(entriesIn(box(view))).toHaveLength(2));
    await waitFor(() => expect(entriesIn(box(paul))).toHaveLength(2));
    fireEvent.click(within(box(view)).getByRole('button', { name: /Marquer comme lu ?: Progrès techniques/ }));
    await waitFor(() => expect(entriesIn(box(view))).toEqual(['Transport difficile']));
    expect(entriesIn(box(paul))).toHaveLength(2);
    expect(within(box(paul)).getByRole('heading', { level: 2, name: /^À lire/ }).textContent).toBe('À lire (2)');
    expect(within(box(view)).getByTestId('last-read').textContent).toContain('Ma dernière lecture : le 20 nov. 2026');
    expect(within(box(paul)).getByTestId('last-read').textContent).toContain('Première lecture');
  });

  it('a coordinator’s first inbox is the last 30 days, not the whole history', async () => {
    const { services, view } = mount(COORDINATOR, <CoordinatorHome />);
    await world(services);
    await entry(services, 'Il y a deux mois', { date: '2026-09-18' });
    await entry(services, 'Il y a trois semaines', { date: '2026-10-30' });
    await waitFor(() => expect(entriesIn(box(view))).toEqual(['Il y a trois semaines']));
    expect(screen.getByTestId('last-read').textContent).toContain('les 30 derniers jours');
  });
});

describe('À traiter: an alert until someone writes what was done', () => {
  it('requires a follow-up, then shows it to the colleague and to the ETI who wrote the alert', async () => {
    const { services, view } = mount(COORDINATOR, <CoordinatorHome />);
    await world(services);
    await entry(services, 'Bon geste', { date: '2026-11-20' });
    await entry(services, 'Absent sans nouvelles', { category: 'alerte', alert: true, date: '2026-11-18' });
    const block = await within(box(view)).findByRole('region', { name: /À traiter \(1\)/ });
    expect(within(block).getByText('Absent sans nouvelles')).toBeTruthy();
    expect(within(block).queryByText('Bon geste')).toBeNull();
    // Reading is not handling: the alert stays to handle.
    fireEvent.click(within(block).getByRole('button', { name: /Marquer comme lu/ }));
    await waitFor(() => expect(within(block).queryByRole('button', { name: /Marquer comme lu/ })).toBeNull());
    expect(within(box(view)).getByRole('region', { name: /À traiter \(1\)/ })).toBeTruthy();
    fireEvent.click(within(block).getByRole('button', { name: 'Enregistrer la suite donnée' }));
    expect((await within(block).findByRole('alert')).textContent).toBe('Indiquez la suite donnée à cette alerte.');
    fireEvent.input(within(block).getByLabelText('Suite donnée (qui a été prévenu, ce qui a été fait)'), { target: { value: 'Famille appelée, rendez-vous CIP lundi' } });
    fireEvent.click(within(block).getByRole('button', { name: 'Enregistrer la suite donnée' }));
    await waitFor(() => expect(within(box(view)).queryByRole('region', { name: /À traiter/ })).toBeNull());
    expect(within(box(view)).getByRole('status').textContent).toContain('Suite enregistrée pour Amina Diallo');
    const stored = (await services.db.table('review').toArray()).find((r: { followUp?: string }) => r.followUp !== undefined);
    expect(stored).toMatchObject({ reviewerId: W.coordinator, followUp: 'Famille appelée, rendez-vous CIP lundi', salarieId: W.sal1 });

    // Paul has not read it: it is in his list, handled, with who and what.
    const paul = alsoAs(services, PAUL, <CoordinatorHome />);
    await waitFor(() => expect(within(box(paul)).getAllByTestId('log-entry')).toHaveLength(2));
    expect(within(box(paul)).queryByRole('region', { name: /À traiter/ })).toBeNull();
    const handled = within(box(paul)).getAllByTestId('review-state').find((p) => p.getAttribute('data-handled') === 'true')!;
    expect(handled.textContent).toBe('Traitée par Claire Coordination le 20 nov. 2026 : Famille appelée, rendez-vous CIP lundi');

    // The ETI who wrote the alert reads the follow-up in the livret.
    const eti = alsoAs(services, ETI, <Livret salarieId={W.sal1} user={ETI} />);
    await waitFor(() => expect(within(box(eti)).getByText(/Traitée par Claire Coordination le 20 nov\. 2026/)).toBeTruthy());
    expect(within(box(eti)).getByText('Famille appelée, rendez-vous CIP lundi')).toBeTruthy();
  });

  it('each entry opens its salarié’s livret in one tap, where an answer or a CIP note is written', async () => {
    const { services, view } = mount(COORDINATOR, <CoordinatorHome />);
    await world(services);
    await entry(services, 'Bon geste');
    const card = await within(box(view)).findByTestId('log-entry');
    expect(within(card).getByRole('link', { name: /^Amina Diallo/ }).getAttribute('href')).toBe(`#/salarie/${W.sal1}`);
    expect(within(card).getByRole('link', { name: /Répondre dans le livret/ }).getAttribute('href')).toBe(`#/salarie/${W.sal1}`);
  });
});

describe('filters and « Tout marquer comme lu »', () => {
  async function three(services: Services) {
    await world(services);
    await services.write('team', OTHER_TEAM, { structureId: STRUCTURE_ID, name: 'Bâtiment', etiUserIds: [] });
    await entry(services, 'Amina technique', { date: '2026-11-19' });
    await entry(services, 'Amina freins', { date: '2026-11-02', category: 'freins' });
    await entry(services, 'Bruno technique', { date: '2026-11-18', salarieId: W.sal2 });
  }

  it('filters by salarié, category, period and team', async () => {
    const { services, view } = mount(COORDINATOR, <CoordinatorHome />);
    await three(services);
    await waitFor(() => expect(entriesIn(box(view))).toHaveLength(3));
    fireEvent.change(screen.getByLabelText('Salarié'), { target: { value: W.sal1 } });
    await waitFor(() => expect(entriesIn(box(view))).toEqual(['Amina technique', 'Amina freins']));
    fireEvent.change(screen.getByLabelText('Catégorie'), { target: { value: 'freins' } });
    await waitFor(() => expect(entriesIn(box(view))).toEqual(['Amina freins']));
    fireEvent.change(screen.getByLabelText('Période'), { target: { value: '7d' } });
    await waitFor(() => expect(screen.getByText('Rien à lire avec ces filtres.')).toBeTruthy());
    fireEvent.click(screen.getByRole('button', { name: 'Effacer les filtres' }));
    await waitFor(() => expect(entriesIn(box(view))).toHaveLength(3));
    fireEvent.change(screen.getByLabelText('Équipe'), { target: { value: W.team } });
    await waitFor(() => expect(entriesIn(box(view))).toHaveLength(3));
    fireEvent.change(screen.getByLabelText('Équipe'), { target: { value: OTHER_TEAM } });
    await waitFor(() => expect(screen.getByText('Rien à lire avec ces filtres.')).toBeTruthy());
    fireEvent.change(screen.getByLabelText('Équipe'), { target: { value: W.team } });
    fireEvent.change(screen.getByLabelText('Encadrant'), { target: { value: ETI_ID } });
    expect(entriesIn(box(view))).toHaveLength(3);
  });

  it('marks exactly the entries shown as read, in one batch', async () => {
    const { services, view } = mount(COORDINATOR, <CoordinatorHome />);
    await three(services);
    await waitFor(() => expect(entriesIn(box(view))).toHaveLength(3));
    fireEvent.change(screen.getByLabelText('Salarié'), { target: { value: W.sal1 } });
    await waitFor(() => expect(entriesIn(box(view))).toHaveLength(2));
    fireEvent.click(screen.getByRole('button', { name: /Tout marquer comme lu \(2\)/ }));
    await waitFor(() => expect(screen.getByText('Rien à lire avec ces filtres.')).toBeTruthy());
    expect(screen.getByRole('status').textContent).toBe('2 entrées marquées comme lues.');
    fireEvent.click(screen.getByRole('button', { name: 'Effacer les filtres' }));
    await waitFor(() => expect(entriesIn(box(view))).toEqual(['Bruno technique']));
    const reviews = await services.db.table('review').toArray();
    expect(reviews).toHaveLength(2);
    expect(reviews.every((r: { reviewerId: string; salarieId: string }) => r.reviewerId === W.coordinator && r.salarieId === W.sal1)).toBe(true);
  });

  it('when the batch fails, nothing is marked and the coordinator is told', async () => {
    const { services, view } = mount(COORDINATOR, <CoordinatorHome />, () => ({
      writeMany: () => Promise.reject(Object.assign(new Error('quota'), { name: 'QuotaExceededError' })),
    }));
    await three(services);
    await waitFor(() => expect(entriesIn(box(view))).toHaveLength(3));
    fireEvent.click(screen.getByRole('button', { name: /Tout marquer comme lu \(3\)/ }));
    expect((await screen.findByRole('alert')).textContent).toContain('La tablette n’a plus de place');
    expect(entriesIn(box(view))).toHaveLength(3);
    expect(await services.db.table('review').count()).toBe(0);
  });
});
