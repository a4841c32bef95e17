// @vitest-environment jsdom
// The coordination's salariés: the list searched (accents ignored) and filtered by team and
// status; a new salarié written with their first contract and PASS in one batch; the contract and
// PASS forms showing the domain's blocking problems (alert, save disabled) and warnings (status,
// save allowed) in French as the person types.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { structureQueries } from '../../../src/client/queries/structure';
import type { BatchChange } from '../../../src/client/repository';
import type { EntitySet } from '../../../src/client/rows';
import { SalariesPage } from '../../../src/ui/coordination/salaries/SalariesPage';
import { SalarieFilePage } from '../../../src/ui/coordination/salaries/SalarieFilePage';
import { ServicesContext } from '../../../src/ui/shell/services';
import { STRUCTURE_ID, testServices } from '../services';

afterEach(() => { cleanup(); globalThis.location.hash = ''; });

const id = (n: number): string => `01900000-0000-7000-8000-${n.toString().padStart(12, '0')}`;
const COORD = id(3);
const TEAM_A = id(301);
const TEAM_B = id(302);

/** A coordinator's services, with the structure queries this feature adds, and counted writes. */
function coordinator(structure: EntitySet<'structure'> = { name: 'Les Jardins', type: 'ACI' }) {
  const base = testServices({ id: COORD, role: 'coordinator', structureId: STRUCTURE_ID });
  const queries = { ...base.queries, structure: structureQueries(base.db) };
  const calls = { write: 0, writeMany: [] as (readonly BatchChange[])[] };
  const services = {
    ...base,
    queries,
    write: async (...args: Parameters<typeof base.write>) => { calls.write += 1; await base.write(...args); },
    writeMany: async (changes: readonly BatchChange[]) => { calls.writeMany.push(changes); await base.writeMany(changes); },
  };
  const ready = base.write('structure', STRUCTURE_ID, { structureId: STRUCTURE_ID, ...structure });
  return { services, base, calls, ready };
}

function show(services: ReturnType<typeof coordinator>['services'], ui: preact.ComponentChild) {
  return render(<ServicesContext.Provider value={services}>{ui}</ServicesContext.Provider>);
}

const value = (label: string, v: string) => fireEvent.input(screen.getByLabelText(label), { target: { value: v } });
const choose = (label: string, v: string, root: HTMLElement = document.body) => fireEvent.change(within(root).getByLabelText(label), { target: { value: v } });
const button = (name: string, root: HTMLElement = document.body) => within(root).getByRole<HTMLButtonElement>('button', { name });

describe('Salariés: the list', () => {
  it('searches by name without accents and filters by team and status', async () => {
    const { services, base, ready } = coordinator();
    await ready;
    const sal = (n: number, firstName: string, lastName: string, extra: EntitySet<'salarie'> = {}) => base.write('salarie', id(n), { structureId: STRUCTURE_ID, firstName, lastName, ...extra });
    await sal(201, 'Élodie', 'Bérard', { entryDate: '2026-01-05' });
    await sal(202, 'Kévin', 'Martin', { entryDate: '2025-03-01', exitDate: '2026-10-31' });
    await sal(203, 'Zoé', 'Petit', { entryDate: '2026-12-01' });
    await sal(204, 'Amina', 'Diallo', { entryDate: '2026-06-01' });
    await base.write('team', TEAM_A, { structureId: STRUCTURE_ID, name: 'Espaces verts', etiUserIds: [] });
    await base.write('team', TEAM_B, { structureId: STRUCTURE_ID, name: 'Tri textile', etiUserIds: [] });
    await base.write('membership', id(401), { structureId: STRUCTURE_ID, teamId: TEAM_A, salarieId: id(201), from: '2026-01-05' });
    await base.write('membership', id(402), { structureId: STRUCTURE_ID, teamId: TEAM_A, salarieId: id(202), from: '2025-03-01', to: '2026-10-31' });
    await base.write('membership', id(403), { structureId: STRUCTURE_ID, teamId: TEAM_B, salarieId: id(203), from: '2026-12-01' });

    show(services, <SalariesPage />);
    const names = () => within(screen.getByRole('list', { name: 'Liste des salariés' })).queryAllByRole('link').map((a) => a.textContent);
    await waitFor(() => expect(names()).toEqual(['Élodie Bérard', 'Amina Diallo', 'Kévin Martin', 'Zoé Petit']));
    expect(screen.getByRole('link', { name: 'Élodie Bérard' }).getAttribute('href')).toBe(`#/salaries/${id(201)}`);
    expect(screen.getByRole('link', { name: 'Nouveau salarié' }).getAttribute('href')).toBe('#/salaries/nouveau');

    value('Rechercher un nom', 'elodie');
    await waitFor(() => expect(names()).toEqual(['Élodie Bérard']));
    value('Rechercher un nom', 'BERARD  élo');
    await waitFor(() => expect(names()).toEqual(['Élodie Bérard']));
    value('Rechercher un nom', 'zzz');
    await screen.findByText('Aucun salarié ne correspond.');
    value('Rechercher un nom', '');

    choose('Situation', 'sorti');
    await waitFor(() => expect(names()).toEqual(['Kévin Martin']));
    choose('Situation', 'a_venir');
    await waitFor(() => expect(names()).toEqual(['Zoé Petit']));
    choose('Situation', 'en_parcours');
    await waitFor(() => expect(names()).toEqual(['Élodie Bérard', 'Amina Diallo']));
    choose('Situation', '');

    choose('Équipe', TEAM_A);
    // Kévin's membership ended with his exit: he is no longer in the team.
    await waitFor(() => expect(names()).toEqual(['Élodie Bérard']));
    choose('Équipe', TEAM_B);
    // Zoé is not there yet: she shows in the team she will join.
    await waitFor(() => expect(names()).toEqual(['Zoé Petit']));
    choose('Équipe', '-');
    await waitFor(() => expect(names()).toEqual(['Amina Diallo', 'Kévin Martin']));
  });
});

describe('Salariés: a new salarié', () => {
  it('writes the salarié, their first contract and PASS in one batch, once the domain allows it', async () => {
    const { services, base, calls, ready } = coordinator();
    await ready;
    show(services, <SalarieFilePage salarieId="nouveau" />);
    await screen.findByRole('heading', { name: 'Nouveau salarié' });
    const save = () => button('Enregistrer le salarié');
    // Empty names block first.
    expect(save().disabled).toBe(true);
    expect(screen.getAllByRole('alert').map((a) => a.textContent).join(' ')).toMatch(/Prénom : prénom requis/);

    value('Prénom', 'Samir');
    value('Nom', 'Haddad');
    value('Date de naissance', '1990-04-12');
    expect((screen.getByLabelText('Date d’entrée') as HTMLInputElement).value).toBe('2026-11-20');
    expect((screen.getByLabelText('Début du contrat') as HTMLInputElement).value).toBe('2026-11-20');
    expect((screen.getByLabelText('Type de contrat') as HTMLSelectElement).value).toBe('cddi');
    value('Heures par semaine', '26');
    value('Fin du contrat', '2027-02-28');
    // CDDI under 4 months: blocking, said in French, save disabled.
    const contractAlert = await screen.findByRole('alert', { name: 'Contrat : à corriger' });
    expect(contractAlert.textContent).toContain('Un CDDI dure 4 mois au moins : fin au plus tôt le 19/03/2027.');
    expect(save().disabled).toBe(true);
    value('Fin du contrat', '2027-05-19');
    await waitFor(() => expect(screen.queryByRole('alert', { name: 'Contrat : à corriger' })).toBeNull());

    // The PASS number is written in capitals; 12 characters.
    value('Numéro du PASS IAE', 'ab 12');
    expect((screen.getByLabelText('Numéro du PASS IAE') as HTMLInputElement).value).toBe('AB12');
    expect((await screen.findByRole('alert', { name: 'PASS IAE : à corriger' })).textContent).toContain('numéro de PASS IAE à 12 caractères');
    expect(save().disabled).toBe(true);
    value('Numéro du PASS IAE', '999992612345');
    await waitFor(() => expect(save().disabled).toBe(false));

    fireEvent.click(save());
    await waitFor(() => expect(globalThis.location.hash).toMatch(/^#\/salaries\/[0-9a-f-]{36}$/));
    expect(calls.write).toBe(0);
    expect(calls.writeMany).toHaveLength(1);
    expect(calls.writeMany[0]!.map((c) => c.entity)).toEqual(['salarie', 'contract', 'passIae']);
    const [salarie] = await base.db.table('salarie').toArray();
    expect(globalThis.location.hash).toBe(`#/salaries/${salarie.id}`);
    expect(salarie).toMatchObject({ firstName: 'Samir', lastName: 'Haddad', birthDate: '1990-04-12', entryDate: '2026-11-20', phone: null });
    expect(salarie.confidentialNotes).toBeUndefined();
    expect(await base.db.table('contract').toArray()).toMatchObject([{ salarieId: salarie.id, type: 'cddi', start: '2026-11-20', end: '2027-05-19', weeklyHours: 26, lowHoursReason: null }]);
    expect(await base.db.table('passIae').toArray()).toMatchObject([{ salarieId: salarie.id, number: '999992612345', start: '2026-11-20' }]);
    expect(await base.db.table('outbox').count()).toBe(4); // the structure seeded + the batch of 3
  });
});

const SAMIR = id(210);
const PASS = id(501);

async function seedFile(base: ReturnType<typeof coordinator>['base']) {
  await base.write('salarie', SAMIR, { structureId: STRUCTURE_ID, firstName: 'Samir', lastName: 'Haddad', birthDate: '1990-04-12', entryDate: '2026-01-05' });
}

describe('Salariés: the contract form', () => {
  it('under 20 h blocks without a motive, warns with one, and a renewal names the renewed contract', async () => {
    const { services, base, ready } = coordinator();
    await ready;
    await seedFile(base);
    show(services, <SalarieFilePage salarieId={SAMIR} />);
    await screen.findByRole('heading', { name: 'Samir Haddad' });
    fireEvent.click(button('Nouveau contrat'));
    const form = screen.getByRole('form', { name: 'Nouveau contrat' });
    expect((within(form).getByLabelText('Début du contrat') as HTMLInputElement).value).toBe('2026-01-05');
    fireEvent.input(within(form).getByLabelText('Heures par semaine'), { target: { value: '15' } });
    fireEvent.input(within(form).getByLabelText('Fin du contrat'), { target: { value: '2026-07-31' } });
    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toBe('Un CDDI compte 20 h par semaine au moins, sauf dérogation : indiquez le motif.');
    expect(button('Enregistrer le contrat', form).disabled).toBe(true);

    choose('Motif des heures sous 20 h', 'aci_waiver', form);
    await waitFor(() => expect(within(form).queryByRole('alert')).toBeNull());
    // The structure holds no waiver on this tablet: a warning, the coordinator decides.
    expect(within(form).getByRole('status', { name: 'Contrat : à vérifier' }).textContent).toContain('La structure n’a pas de dérogation préfectorale');
    expect(button('Enregistrer le contrat', form).disabled).toBe(false);
    fireEvent.click(button('Enregistrer le contrat', form));
    await screen.findByText('Contrat enregistré sur la tablette.');
    const [first] = await base.db.table('contract').toArray();
    expect(first).toMatchObject({ salarieId: SAMIR, type: 'cddi', weeklyHours: 15, lowHoursReason: 'aci_waiver', start: '2026-01-05', end: '2026-07-31' });

    // A renewal: prefilled from the renewed contract, starting the next day.
    fireEvent.click(await screen.findByRole('button', { name: 'Renouveler ce contrat' }));
    const renewal = screen.getByRole('form', { name: 'Renouveler le contrat' });
    expect((within(renewal).getByLabelText('Début du contrat') as HTMLInputElement).value).toBe('2026-08-01');
    expect((within(renewal).getByLabelText('Heures par semaine') as HTMLInputElement).value).toBe('15');
    expect((within(renewal).getByLabelText('Motif des heures sous 20 h') as HTMLSelectElement).value).toBe('aci_waiver');
    fireEvent.input(within(renewal).getByLabelText('Fin du contrat'), { target: { value: '2026-10-31' } });
    expect((await within(renewal).findByRole('alert')).textContent).toContain('Un CDDI dure 4 mois au moins : fin au plus tôt le 30/11/2026.');
    fireEvent.input(within(renewal).getByLabelText('Fin du contrat'), { target: { value: '2026-12-31' } });
    await waitFor(() => expect(within(renewal).queryByRole('alert')).toBeNull());
    fireEvent.click(button('Enregistrer le contrat', renewal));
    await screen.findByText('Renouvellement enregistré sur la tablette.');
    const second = (await base.db.table('contract').toArray()).find((c) => c.id !== first.id);
    expect(second).toMatchObject({ renewalOf: first.id, start: '2026-08-01', end: '2026-12-31', weeklyHours: 15 });
    expect(screen.getByText(/Renouvellement du contrat commencé le 05\/01\/2026/)).toBeTruthy();
  });

  it('refuses a CDI inclusion for a salarié under 57', async () => {
    const { services, base, ready } = coordinator();
    await ready;
    await seedFile(base);
    show(services, <SalarieFilePage salarieId={SAMIR} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Nouveau contrat' }));
    const form = screen.getByRole('form', { name: 'Nouveau contrat' });
    choose('Type de contrat', 'cdi_inclusion', form);
    fireEvent.input(within(form).getByLabelText('Heures par semaine'), { target: { value: '30' } });
    fireEvent.input(within(form).getByLabelText('Début du contrat'), { target: { value: '2027-02-01' } });
    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toContain('Le CDI inclusion demande d’avoir 57 ans ou plus (le salarié aura 36 ans le 01/02/2027).');
    expect(button('Enregistrer le contrat', form).disabled).toBe(true);
  });
});

describe('Salariés: the PASS IAE', () => {
  it('computes the end date, refuses a suspension too long or overlapping, saves a valid one, caps a prolongation', async () => {
    const { services, base, ready } = coordinator();
    await ready;
    await seedFile(base);
    await base.write('passIae', PASS, { structureId: STRUCTURE_ID, salarieId: SAMIR, number: '999992612345', start: '2025-06-02' });
    await base.write('suspension', id(601), { structureId: STRUCTURE_ID, salarieId: SAMIR, passIaeId: PASS, start: '2026-03-01', end: '2026-03-31', reason: 'contract_suspended' });
    show(services, <SalarieFilePage salarieId={SAMIR} />);
    // 2025-06-02 + 729 days = 2027-06-01, pushed 30 days by the suspension.
    expect((await screen.findByTestId('pass-end')).textContent).toBe('01/07/2027');
    expect(screen.getByText('Valide')).toBeTruthy();

    fireEvent.click(button('Ajouter une suspension'));
    const form = screen.getByRole('form', { name: 'Nouvelle suspension' });
    choose('Motif de la suspension', 'contract_broken', form);
    fireEvent.input(within(form).getByLabelText('Début de la suspension'), { target: { value: '2026-09-01' } });
    fireEvent.input(within(form).getByLabelText('Fin de la suspension'), { target: { value: '2029-09-01' } });
    expect((await within(form).findByRole('alert')).textContent).toContain('Une suspension dure 36 mois au plus : fin au plus tard le 31/08/2029.');
    expect(button('Enregistrer la suspension', form).disabled).toBe(true);

    fireEvent.input(within(form).getByLabelText('Début de la suspension'), { target: { value: '2026-03-15' } });
    fireEvent.input(within(form).getByLabelText('Fin de la suspension'), { target: { value: '2026-04-15' } });
    await waitFor(() => expect(within(form).getByRole('alert').textContent).toContain('Cette période chevauche la suspension du 01/03/2026 au 31/03/2026.'));
    expect(button('Enregistrer la suspension', form).disabled).toBe(true);

    fireEvent.input(within(form).getByLabelText('Début de la suspension'), { target: { value: '2026-10-01' } });
    fireEvent.input(within(form).getByLabelText('Fin de la suspension'), { target: { value: '2026-10-31' } });
    await waitFor(() => expect(within(form).queryByRole('alert')).toBeNull());
    fireEvent.click(button('Enregistrer la suspension', form));
    await screen.findByText('Suspension enregistrée sur la tablette.');
    await waitFor(() => expect(screen.getByTestId('pass-end').textContent).toBe('31/07/2027'));
    expect(await base.db.table('suspension').count()).toBe(2);

    fireEvent.click(button('Demander une prolongation'));
    const prol = screen.getByRole('form', { name: 'Demande de prolongation' });
    expect((within(prol).getByLabelText('Début de la prolongation') as HTMLInputElement).value).toBe('2027-07-31');
    expect(within(prol).queryByLabelText('Décision du prescripteur')).toBeNull();
    choose('Motif de la prolongation', 'rqth', prol);
    fireEvent.input(within(prol).getByLabelText('Fin de la prolongation'), { target: { value: '2028-09-01' } });
    const alert = await within(prol).findByRole('alert');
    expect(alert.textContent).toContain('365 jours au plus par demande, fin au plus tard le 30/07/2028.');
    expect(alert.textContent).toContain('demande l’avis d’un prescripteur habilité');
    // No RQTH on the file yet: a warning only.
    expect(within(prol).getByRole('status', { name: 'Prolongation : à vérifier' }).textContent).toContain('Ce motif demande une RQTH');
    expect(button('Enregistrer la prolongation', prol).disabled).toBe(true);

    choose('Décision du prescripteur', 'pending', prol);
    fireEvent.input(within(prol).getByLabelText('Fin de la prolongation'), { target: { value: '2028-07-30' } });
    await waitFor(() => expect(within(prol).queryByRole('alert')).toBeNull());
    fireEvent.click(button('Enregistrer la prolongation', prol));
    await screen.findByText('Prolongation enregistrée sur la tablette.');
    expect(await base.db.table('prolongation').toArray()).toMatchObject([{ passIaeId: PASS, start: '2027-07-31', end: '2028-07-30', reason: 'rqth', decision: 'pending', notes: null }]);
    // Pending: it does not move the end date until granted.
    expect(screen.getByTestId('pass-end').textContent).toBe('31/07/2027');
    fireEvent.click(button('Prolongation accordée'));
    await waitFor(() => expect(screen.getByTestId('pass-end').textContent).toBe('30/07/2028'));
  });
});
