// @vitest-environment jsdom
// The coordination's long lists render a first page (issue 11: the home and the board had to
// open in 100 ms), and nothing else changes for the coordinator: the board shows its first rows,
// then all of them; sorting and the filters cover every row, rendered or not; printing renders
// every row; « À décider » and the inbox show a page with the count and a button for the next
// ones; « Tout marquer comme lu » marks every entry the filters keep, the pages not rendered
// included; a reopened home paints from its last read at once.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import type { BatchChange } from '../../../src/client/repository';
import { BOARD_FIRST_ROWS, BoardPage } from '../../../src/ui/coordination/board/BoardPage';
import { TO_DECIDE_PAGE, ToDecide } from '../../../src/ui/coordination/board/ToDecide';
import { CoordinatorHome } from '../../../src/ui/coordination/CoordinatorHome';
import { INBOX_FIRST } from '../../../src/ui/coordination/inbox/Inbox';
import { ServicesContext, type Services } from '../../../src/ui/shell/services';
import { ETI_ID, STRUCTURE_ID, testServices } from '../services';

afterEach(() => { cleanup(); vi.restoreAllMocks(); });

const id = (n: number): string => `01900000-0000-7000-8000-${n.toString().padStart(12, '0')}`;
const COORD = id(3);
const TEAM = id(301);
const sid = { structureId: STRUCTURE_ID };
const pad = (n: number) => n.toString().padStart(2, '0');

/** `n` salariés en parcours, « Nom01 Prénom » to « Nom<n> Prénom », each with a PASS ending on 31 December 2026. */
type TestServices = ReturnType<typeof testServices>;

async function people(n: number): Promise<TestServices> {
  const s = testServices({ id: COORD, role: 'coordinator', structureId: STRUCTURE_ID });
  const changes: BatchChange[] = [
    { entity: 'structure', id: STRUCTURE_ID, set: { ...sid, name: 'Les Jardins', type: 'ACI' } },
    { entity: 'team', id: TEAM, set: { ...sid, name: 'Espaces verts', etiUserIds: [] } },
    { entity: 'user', id: COORD, set: { ...sid, login: 'coordination', displayName: 'Claire Coordination', role: 'coordinator' } },
  ];
  for (let i = 1; i <= n; i++) {
    const salarieId = id(1000 + i);
    changes.push(
      { entity: 'salarie', id: salarieId, set: { ...sid, firstName: 'Prénom', lastName: `Nom${pad(i)}`, entryDate: '2025-01-01', birthDate: '1985-05-05' } },
      { entity: 'membership', id: id(2000 + i), set: { ...sid, teamId: TEAM, salarieId, from: '2025-01-01' } },
      { entity: 'passIae', id: id(3000 + i), set: { ...sid, salarieId, start: '2025-01-01' } },
    );
  }
  await s.writeMany(changes);
  return s;
}

function show(services: Services, ui: preact.ComponentChild) {
  return render(<ServicesContext.Provider value={services}>{ui}</ServicesContext.Provider>);
}

const names = (): string[] => screen.queryAllByRole('rowheader').map((h) => h.textContent ?? '');

describe('the board renders its first rows, then all', () => {
  it('shows the first rows at once, says how many, then every row', async () => {
    show(await people(45), <BoardPage />);
    await waitFor(() => expect(names()).toHaveLength(BOARD_FIRST_ROWS));
    expect(screen.getByRole('status').textContent).toBe('45 salariés en parcours');
    expect(screen.getByTestId('board-filling').textContent).toBe(`${BOARD_FIRST_ROWS} sur 45 affichés, la suite arrive.`);
    expect(screen.getByRole('table').getAttribute('aria-busy')).toBe('true');
    await waitFor(() => expect(names()).toHaveLength(45));
    expect(names()[44]).toBe('Nom45 Prénom');
    expect(screen.queryByTestId('board-filling')).toBeNull();
    expect(screen.getByRole('table').getAttribute('aria-busy')).toBe('false');
  });

  it('sorts every row, not only those rendered', async () => {
    show(await people(45), <BoardPage />);
    await waitFor(() => expect(names()).toHaveLength(BOARD_FIRST_ROWS));
    fireEvent.click(screen.getByRole('button', { name: 'Salarié' }));
    fireEvent.click(screen.getByRole('button', { name: /Salarié/ }));
    expect(screen.getByRole('columnheader', { name: /Salarié/ }).getAttribute('aria-sort')).toBe('descending');
    // The last name of all 45 comes first, whether or not its row had been rendered.
    expect(names().slice(0, 3)).toEqual(['Nom45 Prénom', 'Nom44 Prénom', 'Nom43 Prénom']);
    await waitFor(() => expect(names()).toHaveLength(45));
    expect(names()[44]).toBe('Nom01 Prénom');
  });

  it('prints every row, from the button and from the browser’s print', async () => {
    let rowsPrinted = 0;
    const print = vi.spyOn(window, 'print').mockImplementation(() => { rowsPrinted = names().length; });
    show(await people(45), <BoardPage />);
    await waitFor(() => expect(names()).toHaveLength(BOARD_FIRST_ROWS));
    fireEvent.click(screen.getByRole('button', { name: 'Imprimer' }));
    await waitFor(() => expect(print).toHaveBeenCalledOnce());
    expect(rowsPrinted).toBe(45);

    cleanup();
    show(await people(45), <BoardPage />);
    await waitFor(() => expect(names()).toHaveLength(BOARD_FIRST_ROWS));
    fireEvent(window, new Event('beforeprint'));
    expect(names()).toHaveLength(45);
    fireEvent(window, new Event('afterprint'));
  });
});

describe('« À décider » a page at a time', () => {
  it('shows the soonest ones, the count, and the next ones on demand', async () => {
    show(await people(30), <ToDecide />);
    await waitFor(() => expect(screen.getByRole('heading', { name: 'À décider (30)' })).toBeTruthy());
    expect(screen.getAllByRole('listitem')).toHaveLength(TO_DECIDE_PAGE);
    expect(screen.getByTestId('to-decide-count').textContent).toBe(`${TO_DECIDE_PAGE} sur 30 affichées`);
    fireEvent.click(screen.getByRole('button', { name: 'Afficher les 20 échéances suivantes' }));
    expect(screen.getAllByRole('listitem')).toHaveLength(TO_DECIDE_PAGE + 20);
    fireEvent.click(screen.getByRole('button', { name: `Afficher les ${30 - TO_DECIDE_PAGE - 20} échéances suivantes` }));
    expect(screen.getAllByRole('listitem')).toHaveLength(30);
    expect(screen.getByTestId('to-decide-count').textContent).toBe('30 sur 30 affichées');
    expect(screen.queryByRole('button', { name: /échéances suivantes/ })).toBeNull();
  });
});

describe('the inbox a page at a time', () => {
  /** `n` observations about Nom01, one a day back from 19 November 2026. */
  async function withEntries(n: number): Promise<TestServices> {
    const s = await people(1);
    const changes: BatchChange[] = [];
    for (let i = 0; i < n; i++) {
      changes.push({ entity: 'logEntry', id: id(5000 + i), set: { ...sid, salarieId: id(1001), authorId: ETI_ID, date: `2026-11-${pad(19 - (i % 18))}`, category: 'technique', text: `Observation ${pad(i)}`, visibility: 'team', alert: false } });
    }
    await s.writeMany(changes);
    return s;
  }
  const entries = (): HTMLElement[] => screen.queryAllByTestId('log-entry');

  it('shows the first page with the count, and the next ones on demand', async () => {
    show(await withEntries(25), <CoordinatorHome />);
    await waitFor(() => expect(entries()).toHaveLength(INBOX_FIRST.others));
    const block = screen.getByRole('region', { name: 'Observations à lire (25)' });
    expect(within(block).getByText('10 sur 25 affichées')).toBeTruthy();
    fireEvent.click(within(block).getByRole('button', { name: 'Afficher les 15 observations suivantes' }));
    expect(entries()).toHaveLength(25);
    expect(within(block).getByText('25 sur 25 affichées')).toBeTruthy();
  });

  it('« Tout marquer comme lu » marks the entries not rendered yet too', async () => {
    const services = await withEntries(25);
    show(services, <CoordinatorHome />);
    await waitFor(() => expect(entries()).toHaveLength(INBOX_FIRST.others));
    fireEvent.click(screen.getByRole('button', { name: /^Tout marquer comme lu \(25\)/ }));
    await waitFor(() => expect(screen.getByText('Tout est lu.')).toBeTruthy());
    const reviews = await services.db.table('review').toArray();
    expect(reviews).toHaveLength(25);
    expect(new Set(reviews.map((r: { logEntryId: string }) => r.logEntryId)).size).toBe(25);
  });

  it('a reopened home paints its last read at once', async () => {
    const services = await withEntries(3);
    show(services, <CoordinatorHome />);
    await waitFor(() => expect(entries()).toHaveLength(3));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'À décider (1)' })).toBeTruthy());
    cleanup();
    // No wait: the first render already holds the remembered answers.
    show(services, <CoordinatorHome />);
    expect(entries()).toHaveLength(3);
    expect(screen.getByRole('heading', { name: 'À décider (1)' })).toBeTruthy();
  });
});
