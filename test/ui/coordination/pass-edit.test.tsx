// @vitest-environment jsdom
// Corrections on the salarié's file: a suspension or prolongation corrected through the same form
// (checked by the domain against the OTHER records only, never against itself), deleted after a
// confirmation that says where the PASS end date goes back to (cancel keeps it), and a contract
// entered by mistake deleted. What is asserted is what the coordinator sees, and what is stored.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { structureQueries } from '../../../src/client/queries/structure';
import { SalarieFilePage } from '../../../src/ui/coordination/salaries/SalarieFilePage';
import { ServicesContext } from '../../../src/ui/shell/services';
import { STRUCTURE_ID, testServices } from '../services';

afterEach(() => { cleanup(); });

const id = (n: number): string => `01900000-0000-7000-8000-${n.toString().padStart(12, '0')}`;
const SAMIR = id(210);
const PASS = id(501);
const SUSP_MARCH = id(601);
const SUSP_JUNE = id(602);

/** A coordinator on an offline tablet (today 20/11/2026), with counted writes and removals. */
async function coordinatorWithFile() {
  const base = testServices({ id: id(3), role: 'coordinator', structureId: STRUCTURE_ID });
  const calls = { write: 0, remove: 0 };
  const services = {
    ...base,
    queries: { ...base.queries, structure: structureQueries(base.db) },
    write: async (...args: Parameters<typeof base.write>) => { calls.write += 1; await base.write(...args); },
    remove: async (...args: Parameters<typeof base.remove>) => { calls.remove += 1; await base.remove(...args); },
  };
  await base.write('structure', STRUCTURE_ID, { structureId: STRUCTURE_ID, name: 'Les Jardins', type: 'ACI' });
  await base.write('salarie', SAMIR, { structureId: STRUCTURE_ID, firstName: 'Samir', lastName: 'Haddad', birthDate: '1990-04-12', entryDate: '2025-06-02' });
  // 2025-06-02 + 729 days = 2027-06-01; pushed 30 days (March) and 9 days (June): 2027-07-10.
  await base.write('passIae', PASS, { structureId: STRUCTURE_ID, salarieId: SAMIR, number: '999992612345', start: '2025-06-02' });
  const owner = { structureId: STRUCTURE_ID, salarieId: SAMIR, passIaeId: PASS };
  await base.write('suspension', SUSP_MARCH, { ...owner, start: '2026-03-01', end: '2026-03-31', reason: 'contract_suspended' });
  await base.write('suspension', SUSP_JUNE, { ...owner, start: '2026-06-01', end: '2026-06-10', reason: 'contract_broken' });
  render(<ServicesContext.Provider value={services}><SalarieFilePage salarieId={SAMIR} /></ServicesContext.Provider>);
  await waitFor(() => expect(screen.getByTestId('pass-end').textContent).toBe('10/07/2027'));
  return { base, calls };
}

const passEnd = () => screen.getByTestId('pass-end').textContent;
const button = (name: string, root: HTMLElement = document.body) => within(root).getByRole<HTMLButtonElement>('button', { name });
const input = (root: HTMLElement, label: string, value: string) => fireEvent.input(within(root).getByLabelText(label), { target: { value } });
const fieldValue = (root: HTMLElement, label: string) => within(root).getByLabelText<HTMLInputElement>(label).value;

describe('PASS IAE: correcting a suspension', () => {
  it('prefills the form, refuses a too-long duration without writing, then saves a valid one and moves the end date', async () => {
    const { base, calls } = await coordinatorWithFile();

    fireEvent.click(button('Modifier la suspension du 01/03/2026 au 31/03/2026'));
    const form = screen.getByRole('form', { name: 'Modifier la suspension' });
    expect(fieldValue(form, 'Début de la suspension')).toBe('2026-03-01');
    expect(fieldValue(form, 'Fin de la suspension')).toBe('2026-03-31');
    expect(fieldValue(form, 'Motif de la suspension')).toBe('contract_suspended');
    // Checked against the other suspensions only: the record does not overlap itself.
    expect(within(form).queryByRole('alert')).toBeNull();
    expect(button('Enregistrer la suspension', form).disabled).toBe(false);

    input(form, 'Fin de la suspension', '2029-03-15');
    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toContain('Une suspension dure 36 mois au plus : fin au plus tard le 28/02/2029.');
    // It also runs over the June suspension, which is still counted.
    expect(alert.textContent).toContain('Cette période chevauche la suspension du 01/06/2026 au 10/06/2026.');
    expect(button('Enregistrer la suspension', form).disabled).toBe(true);
    fireEvent.submit(form);
    await new Promise((r) => setTimeout(r, 20));
    expect(calls.write).toBe(0);
    expect(await base.db.table('suspension').get(SUSP_MARCH)).toMatchObject({ end: '2026-03-31' });
    expect(passEnd()).toBe('10/07/2027');

    input(form, 'Fin de la suspension', '2026-04-30');
    await waitFor(() => expect(within(form).queryByRole('alert')).toBeNull());
    fireEvent.click(button('Enregistrer la suspension', form));
    await screen.findByText('Suspension corrigée sur la tablette.');
    expect(screen.queryByRole('form', { name: 'Modifier la suspension' })).toBeNull();
    // 60 days instead of 30: the end moves 30 days later.
    await waitFor(() => expect(passEnd()).toBe('09/08/2027'));
    expect(calls.write).toBe(1);
    expect(await base.db.table('suspension').count()).toBe(2);
    expect(await base.db.table('suspension').get(SUSP_MARCH)).toMatchObject({ start: '2026-03-01', end: '2026-04-30', reason: 'contract_suspended', passIaeId: PASS });
    expect(screen.getByText(/Du 01\/03\/2026 au 30\/04\/2026/)).toBeTruthy();
  });
});

describe('PASS IAE: deleting a suspension', () => {
  it('says where the end date goes back to; cancel keeps it, confirm removes it', async () => {
    const { base, calls } = await coordinatorWithFile();

    fireEvent.click(button('Supprimer la suspension du 01/03/2026 au 31/03/2026'));
    let confirm = screen.getByRole('group', { name: 'Supprimer la suspension du 01/03/2026 au 31/03/2026' });
    expect(confirm.textContent).toContain('Supprimer la suspension du 01/03/2026 au 31/03/2026 ? La fin du PASS IAE revient du 10/07/2027 au 10/06/2027.');

    fireEvent.click(button('Annuler', confirm));
    expect(screen.queryByRole('group', { name: 'Supprimer la suspension du 01/03/2026 au 31/03/2026' })).toBeNull();
    expect(calls.remove).toBe(0);
    expect(passEnd()).toBe('10/07/2027');
    expect(await base.db.table('suspension').get(SUSP_MARCH)).toMatchObject({ _deleted: 0 });

    fireEvent.click(button('Supprimer la suspension du 01/03/2026 au 31/03/2026'));
    confirm = screen.getByRole('group', { name: 'Supprimer la suspension du 01/03/2026 au 31/03/2026' });
    fireEvent.click(button('Oui, supprimer', confirm));
    await screen.findByText('Suspension supprimée.');
    await waitFor(() => expect(passEnd()).toBe('10/06/2027'));
    expect(calls.remove).toBe(1);
    expect(screen.queryByText(/Du 01\/03\/2026 au 31\/03\/2026/)).toBeNull();
    expect(screen.getByText(/Du 01\/06\/2026 au 10\/06\/2026/)).toBeTruthy();
    expect(await base.db.table('suspension').get(SUSP_MARCH)).not.toMatchObject({ _deleted: 0 });
    expect(await base.db.table('outbox').filter((e) => e.id === SUSP_MARCH && e.deleted === true).count()).toBe(1);
  });
});

describe('PASS IAE: a prolongation', () => {
  it('is corrected without counting its own pending request against itself, and deleted with its effect said', async () => {
    const { base } = await coordinatorWithFile();
    const PROL = id(701);
    // An RQTH request from the PASS end, waiting for the prescriber: it does not count yet.
    await base.write('prolongation', PROL, { structureId: STRUCTURE_ID, salarieId: SAMIR, passIaeId: PASS, start: '2027-07-10', end: '2028-05-05', reason: 'rqth', decision: 'pending', notes: null });
    await screen.findByText(/Du 10\/07\/2027 au 05\/05\/2028/);
    expect(passEnd()).toBe('10/07/2027');

    fireEvent.click(button('Modifier la prolongation du 10/07/2027 au 05/05/2028'));
    const form = screen.getByRole('form', { name: 'Modifier la prolongation' });
    expect(fieldValue(form, 'Motif de la prolongation')).toBe('rqth');
    expect(fieldValue(form, 'Décision du prescripteur')).toBe('pending');
    expect(fieldValue(form, 'Fin de la prolongation')).toBe('2028-05-05');
    // « Une demande attend déjà l’avis… » would be this very request: not said.
    expect(within(form).queryByRole('alert')).toBeNull();
    expect(within(form).getByText('Pour ce motif, fin au plus tard le 09/07/2028.')).toBeTruthy();

    input(form, 'Fin de la prolongation', '2028-08-01');
    expect((await within(form).findByRole('alert')).textContent).toContain('365 jours au plus par demande, fin au plus tard le 09/07/2028.');
    input(form, 'Fin de la prolongation', '2028-07-09');
    fireEvent.change(within(form).getByLabelText('Décision du prescripteur'), { target: { value: 'granted' } });
    await waitFor(() => expect(within(form).queryByRole('alert')).toBeNull());
    fireEvent.click(button('Enregistrer la prolongation', form));
    await screen.findByText('Prolongation corrigée sur la tablette.');
    await waitFor(() => expect(passEnd()).toBe('09/07/2028'));
    expect(await base.db.table('prolongation').get(PROL)).toMatchObject({ end: '2028-07-09', decision: 'granted', reason: 'rqth' });

    fireEvent.click(button('Supprimer la prolongation du 10/07/2027 au 09/07/2028'));
    const confirm = screen.getByRole('group', { name: 'Supprimer la prolongation du 10/07/2027 au 09/07/2028' });
    expect(confirm.textContent).toContain('La fin du PASS IAE revient du 09/07/2028 au 10/07/2027.');
    fireEvent.click(button('Oui, supprimer', confirm));
    await screen.findByText('Prolongation supprimée.');
    await waitFor(() => expect(passEnd()).toBe('10/07/2027'));
    expect(screen.getByText('Aucune prolongation.')).toBeTruthy();
  });
});

describe('Contracts: a contract entered by mistake', () => {
  it('is deleted after a confirmation', async () => {
    const { base, calls } = await coordinatorWithFile();
    const KEPT = id(801);
    const WRONG = id(802);
    await base.write('contract', KEPT, { structureId: STRUCTURE_ID, salarieId: SAMIR, type: 'cddi', start: '2025-06-02', end: '2026-05-31', weeklyHours: 26 });
    await base.write('contract', WRONG, { structureId: STRUCTURE_ID, salarieId: SAMIR, type: 'cddi', start: '2026-06-01', end: '2026-12-31', weeklyHours: 35 });
    const contracts = () => within(screen.getByRole('region', { name: 'Contrats' })).queryAllByRole('listitem');
    await waitFor(() => expect(contracts()).toHaveLength(2));

    fireEvent.click(within(contracts()[1]!).getByRole('button', { name: 'Supprimer ce contrat' }));
    const confirm = screen.getByRole('group', { name: 'Supprimer le contrat CDDI (CDD d’insertion) du 01/06/2026 au 31/12/2026' });
    expect(confirm.textContent).toContain('Supprimer le contrat CDDI (CDD d’insertion) du 01/06/2026 au 31/12/2026 ? Il disparaît de la fiche');
    fireEvent.click(button('Annuler', confirm));
    expect(contracts()).toHaveLength(2);

    fireEvent.click(within(contracts()[1]!).getByRole('button', { name: 'Supprimer ce contrat' }));
    fireEvent.click(button('Oui, supprimer', screen.getByRole('group', { name: 'Supprimer le contrat CDDI (CDD d’insertion) du 01/06/2026 au 31/12/2026' })));
    await screen.findByText('Contrat supprimé.');
    await waitFor(() => expect(contracts()).toHaveLength(1));
    expect(contracts()[0]!.textContent).toContain('du 02/06/2025 au 31/05/2026');
    expect(calls.remove).toBe(1);
    expect(await base.db.table('contract').get(KEPT)).toMatchObject({ _deleted: 0 });
    expect(await base.db.table('contract').get(WRONG)).not.toMatchObject({ _deleted: 0 });
  });
});
