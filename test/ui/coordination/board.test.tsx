// @vitest-environment jsdom
// The parcours board and « À décider », as a coordinator uses them on 20 November 2026: the table
// sorted by PASS end, re-sorted by a header, filtered by team and by alerts, a suspended PASS
// shown with its pushed end and days left, printing; « Traité » asking for the decision, writing
// a `decision` record with the deadline's key, and the item leaving the list.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { BoardPage } from '../../../src/ui/coordination/board/BoardPage';
import { ToDecide } from '../../../src/ui/coordination/board/ToDecide';
import { ServicesContext } from '../../../src/ui/shell/services';
import { allOf } from '../../../src/client/queries/tables';
import { STRUCTURE_ID, testServices } from '../services';

afterEach(() => { cleanup(); vi.restoreAllMocks(); });

const id = (n: number): string => `01900000-0000-7000-8000-${n.toString().padStart(12, '0')}`;
const COORD = id(3);
const TEAM_A = id(301);
const TEAM_B = id(302);
const [AMINA, BRUNO, CHLOE] = [id(201), id(202), id(203)];
const AMINA_CONTRACT = id(601);
const DONE = { visiteOn: '2026-03-02', reglementOn: '2026-03-02', securiteOn: '2026-03-02', epiOn: '2026-03-02', personnesOn: '2026-03-02', droitsOn: '2026-03-02' };

async function coordinator() {
  const s = testServices({ id: COORD, role: 'coordinator', structureId: STRUCTURE_ID });
  const w = s.write;
  const sid = { structureId: STRUCTURE_ID };
  await w('structure', STRUCTURE_ID, { ...sid, name: 'Les Jardins', type: 'ACI' });
  await w('team', TEAM_A, { ...sid, name: 'Espaces verts', etiUserIds: [] });
  await w('team', TEAM_B, { ...sid, name: 'Tri textile', etiUserIds: [] });
  const person = async (n: number, salarieId: string, firstName: string, lastName: string, teamId: string, entryDate: string, passStart: string, contract: { start: string; end: string }) => {
    await w('salarie', salarieId, { ...sid, firstName, lastName, entryDate, birthDate: '1985-05-05' });
    await w('membership', id(400 + n), { ...sid, teamId, salarieId, from: entryDate });
    await w('passIae', id(500 + n), { ...sid, salarieId, start: passStart });
    await w('contract', id(600 + n), { ...sid, salarieId, type: 'cddi', weeklyHours: 26, ...contract });
    await w('onboarding', id(700 + n), { ...sid, salarieId, ...DONE });
    await w('diagnostic', id(800 + n), { ...sid, salarieId, date: '2026-09-01', levels: { langue: 3 } });
  };
  // PASS end 2027-06-01, pushed two months by a suspension running today; contract ends 31 January.
  await person(1, AMINA, 'Amina', 'Diallo', TEAM_A, '2025-06-02', '2025-06-02', { start: '2025-06-02', end: '2027-01-31' });
  await w('suspension', id(901), { ...sid, salarieId: AMINA, passIaeId: id(501), start: '2026-11-01', end: '2026-12-31', reason: 'contract_suspended' });
  // PASS ends 31 December: its 3-month notice has come up.
  await person(2, BRUNO, 'Bruno', 'Martin', TEAM_B, '2025-01-01', '2025-01-01', { start: '2026-01-05', end: '2027-06-30' });
  // Nothing to watch.
  await person(3, CHLOE, 'Chloé', 'Petit', TEAM_A, '2026-03-02', '2026-03-02', { start: '2026-03-02', end: '2027-08-31' });
  // Exited: not on the board.
  await w('salarie', id(204), { ...sid, firstName: 'Denis', lastName: 'Roux', entryDate: '2024-01-01', exitDate: '2026-06-30' });
  return s;
}

function show(services: Awaited<ReturnType<typeof coordinator>>, ui: preact.ComponentChild) {
  return render(<ServicesContext.Provider value={services}>{ui}</ServicesContext.Provider>);
}

/** The names in the table's rows, top to bottom. */
function names(): string[] {
  return screen.getAllByRole('rowheader').map((h) => h.textContent ?? '');
}

describe('Suivi des parcours', () => {
  it('lists everyone en parcours by PASS end, with a suspended PASS, days left and links to the file', async () => {
    show(await coordinator(), <BoardPage />);
    await waitFor(() => expect(names()).toEqual(['Martin Bruno', 'Diallo Amina', 'Petit Chloé']));
    expect(screen.getByRole('columnheader', { name: /Fin du PASS IAE/ }).getAttribute('aria-sort')).toBe('ascending');
    const amina = screen.getByRole('rowheader', { name: 'Diallo Amina' }).closest('tr')!;
    expect(within(amina).getByText(/31 juil\. 2027/)).toBeTruthy();
    expect(within(amina).getByText('Suspendu jusqu’au 31 déc. 2026')).toBeTruthy();
    expect(within(amina).getByText('213 jours')).toBeTruthy();
    expect(within(amina).getByText('Renouvellement à décider')).toBeTruthy();
    expect(within(amina).getByRole('link', { name: 'Diallo Amina' }).getAttribute('href')).toBe(`#/salaries/${AMINA}`);
    const bruno = screen.getByRole('rowheader', { name: 'Martin Bruno' }).closest('tr')!;
    expect(within(bruno).getByText('42 jours')).toBeTruthy();
    expect(within(bruno).queryByText(/Suspendu/)).toBeNull();
    expect(screen.queryByText(/Roux/)).toBeNull();
  });

  it('sorts by a column header, then the other way', async () => {
    show(await coordinator(), <BoardPage />);
    await waitFor(() => expect(names()).toHaveLength(3));
    fireEvent.click(screen.getByRole('button', { name: 'Salarié' }));
    expect(names()).toEqual(['Diallo Amina', 'Martin Bruno', 'Petit Chloé']);
    fireEvent.click(screen.getByRole('button', { name: /Salarié/ }));
    expect(names()).toEqual(['Petit Chloé', 'Martin Bruno', 'Diallo Amina']);
    expect(screen.getByRole('columnheader', { name: /Salarié/ }).getAttribute('aria-sort')).toBe('descending');
    fireEvent.click(screen.getByRole('button', { name: 'Jours restants' }));
    expect(names()).toEqual(['Martin Bruno', 'Diallo Amina', 'Petit Chloé']);
  });

  it('filters by team and to the rows with alerts', async () => {
    show(await coordinator(), <BoardPage />);
    await waitFor(() => expect(names()).toHaveLength(3));
    fireEvent.change(screen.getByLabelText('Équipe'), { target: { value: TEAM_A } });
    expect(names()).toEqual(['Diallo Amina', 'Petit Chloé']);
    fireEvent.change(screen.getByLabelText('Équipe'), { target: { value: '' } });
    fireEvent.click(screen.getByLabelText('Seulement les alertes'));
    expect(names()).toEqual(['Martin Bruno', 'Diallo Amina']);
    expect(screen.getByRole('status').textContent).toBe('2 salariés en parcours');
  });

  it('prints the table', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    show(await coordinator(), <BoardPage />);
    await waitFor(() => expect(names()).toHaveLength(3));
    fireEvent.click(screen.getByRole('button', { name: 'Imprimer' }));
    expect(print).toHaveBeenCalledOnce();
  });
});

describe('À décider', () => {
  it('shows each deadline that came up; « Traité » asks for the decision, writes it, and the item leaves', async () => {
    const services = await coordinator();
    show(services, <ToDecide />);
    await waitFor(() => expect(screen.getByRole('heading', { name: 'À décider (2)' })).toBeTruthy());
    const items = screen.getAllByRole('listitem');
    expect(items[0]!.textContent).toContain('Bruno Martin · Fin du PASS IAE le 31 déc. 2026 (dans 41 jours)');
    expect(items[1]!.textContent).toContain('Amina Diallo · Fin du contrat le 31 janv. 2027 (dans 72 jours)');
    expect(items[1]!.textContent).toContain('Renouvellement à décider');

    fireEvent.click(within(items[1]!).getByRole('button', { name: /Traité/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(screen.getByRole('alert').textContent).toBe('Indiquez en quelques mots la décision prise.');
    fireEvent.input(screen.getByLabelText('Décision prise pour Amina Diallo'), { target: { value: 'Renouvelé 6 mois, à signer le 5 janvier.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));

    await waitFor(() => expect(screen.getByRole('heading', { name: 'À décider (1)' })).toBeTruthy());
    expect(screen.queryByText(/Amina Diallo/)).toBeNull();
    const decisions = await allOf(services.db, 'decision');
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatchObject({
      salarieId: AMINA, deadlineKey: `contract_end:${AMINA_CONTRACT}:2026-10-31`, decidedOn: '2026-11-20', decidedBy: COORD, note: 'Renouvelé 6 mois, à signer le 5 janvier.',
    });
  });
});
