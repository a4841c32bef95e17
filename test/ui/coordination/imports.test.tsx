// @vitest-environment jsdom
// « Importer »: a spreadsheet or the fiches of Les emplois become a preview that names every
// problem; confirming writes the kept lines in ONE batch, and a refused batch writes nothing.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { ImportPage } from '../../../src/ui/coordination/imports/ImportPage';
import { ServicesContext, type Services } from '../../../src/ui/shell/services';
import { STRUCTURE_ID, testServices } from '../services';

afterEach(cleanup);

const COORD = '01900000-0000-7000-8000-0000000000c1';
const TEAM = '01900000-0000-7000-8000-0000000000a1';
const PAUL = '01900000-0000-7000-8000-0000000000b1';
const HELENE = '01900000-0000-7000-8000-0000000000b2';
const HELENE_PASS = '01900000-0000-7000-8000-0000000000d2';
const HEADER = 'Nom;Prénom;Date de naissance;Téléphone;Prescripteur;Date d’entrée;RQTH (oui/non);Équipe';

async function world() {
  const services = testServices({ id: COORD, role: 'coordinator', structureId: STRUCTURE_ID });
  await services.write('team', TEAM, { structureId: STRUCTURE_ID, name: 'Espaces verts', etiUserIds: [] });
  await services.write('salarie', PAUL, { structureId: STRUCTURE_ID, lastName: 'Martin', firstName: 'Paul', birthDate: '1977-03-03' });
  return services;
}

function show(services: Services) {
  return render(<ServicesContext.Provider value={services}><ImportPage /></ServicesContext.Provider>);
}

const CSV = [
  `\uFEFF${HEADER}`,
  'Dupont;Marie;01/02/1990;06 11 22 33 44;Mission locale;02/03/2026;oui;Espaces verts',
  ';Jean;31/02/1990;;;;;',
  'Durand;Léa;12/12/1999;;;;non;Maraîchage',
  'Martin;Paul;03/03/1977;;;;;',
  'Bernard;Zoé;04/04/2000;;;;;',
  'DUPONT;MARIE;01/02/1990;;;;;',
].join('\r\n');

describe('Import from a spreadsheet', () => {
  it('shows every problem by line, then writes the ticked lines in one batch', async () => {
    const services = await world();
    const writeMany = vi.spyOn(services, 'writeMany');
    show(services);
    fireEvent.input(await screen.findByLabelText('Ou collez le contenu', { selector: '#imp-csv-text' }), { target: { value: CSV } });
    const lines = await screen.findAllByTestId('import-line');
    expect(lines).toHaveLength(6);
    expect(lines[1]!.textContent).toContain('Nom : nom manquant');
    expect(lines[1]!.textContent).toContain('Date de naissance : date inexistante « 31/02/1990 »');
    expect(lines[2]!.textContent).toContain('Équipe : équipe inconnue « Maraîchage » (équipes : Espaces verts)');
    expect(lines[3]!.textContent).toContain('déjà présent dans Tremplin');
    expect(lines[5]!.textContent).toContain('doublon dans le fichier : même personne qu’à la ligne 2');
    // A blocked line cannot be ticked.
    expect((within(lines[1]!).getByRole('checkbox') as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByText(/4 ligne\(s\) bloquée\(s\)/)).toBeTruthy();

    fireEvent.click(screen.getByLabelText('Importer la ligne 6 (Zoé Bernard)'));
    fireEvent.click(screen.getByRole('button', { name: 'Importer 1 salarié(s)' }));
    await screen.findByText('1 salarié(s) importé(s) sur la tablette.');
    expect(writeMany).toHaveBeenCalledTimes(1);
    const salaries = await services.db.table('salarie').toArray();
    const marie = salaries.find((s) => s.firstName === 'Marie');
    expect(marie).toMatchObject({ lastName: 'Dupont', birthDate: '1990-02-01', entryDate: '2026-03-02', rqth: true, prescriber: 'Mission locale', phone: '06 11 22 33 44' });
    expect(salaries.some((s) => s.firstName === 'Zoé')).toBe(false);
    expect(await services.db.table('membership').toArray()).toMatchObject([{ teamId: TEAM, salarieId: marie.id, from: '2026-03-02' }]);
  });

  it('writes nothing when the batch is refused', async () => {
    const services = await world();
    // The repository refuses the last write of the batch: all or nothing must hold.
    const failing: Services = { ...services, writeMany: (changes) => services.writeMany([...changes, { entity: 'salarie', id: PAUL, set: { birthDate: '1977-02-30' } }]) };
    show(failing);
    fireEvent.input(await screen.findByLabelText('Ou collez le contenu', { selector: '#imp-csv-text' }), { target: { value: CSV } });
    fireEvent.click(await screen.findByRole('button', { name: 'Importer 2 salarié(s)' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Rien n’a été importé\. Saisie invalide/);
    expect((await services.db.table('salarie').toArray()).map((s) => s.firstName)).toEqual(['Paul']);
    expect(await services.db.table('membership').count()).toBe(0);
  });
});

describe('Import from Les emplois de l’inclusion', () => {
  it('shows the PASS end date that differs, then creates and completes salariés and PASS in one batch', async () => {
    const services = await world();
    await services.write('salarie', HELENE, { structureId: STRUCTURE_ID, lastName: 'Martin', firstName: 'Hélène', birthDate: '1985-07-22' });
    await services.write('passIae', HELENE_PASS, { structureId: STRUCTURE_ID, salarieId: HELENE, start: '2024-04-08' });
    const writeMany = vi.spyOn(services, 'writeMany');
    show(services);
    const json = readFileSync(join(import.meta.dirname, '../../fixtures/lesEmplois/employee-records.json'), 'utf8');
    fireEvent.input(await screen.findByLabelText('Ou collez le contenu', { selector: '#imp-le-text' }), { target: { value: json } });
    const fiches = await screen.findAllByTestId('import-fiche');
    expect(fiches).toHaveLength(4);
    expect(screen.getByText(/1 PASS IAE ont une date de fin différente/)).toBeTruthy();
    expect(fiches[1]!.textContent).toContain('Les emplois : 16/03/2027');
    expect(fiches[1]!.textContent).toContain('Tremplin : 14/01/2027');
    expect(fiches[2]!.textContent).toContain('numéro du PASS IAE ajouté (999992254321)');
    expect(fiches[2]!.textContent).toContain('à compléter');

    fireEvent.click(screen.getByRole('button', { name: 'Importer 4 fiche(s)' }));
    await screen.findByText('4 fiche(s) salarié importée(s) sur la tablette.');
    expect(writeMany).toHaveBeenCalledTimes(1);
    const salaries = await services.db.table('salarie').toArray();
    expect(salaries.map((s) => `${s.firstName} ${s.lastName}`).sort()).toEqual(['Amina Benali', 'Hélène Martin', 'Jean-Pierre Lefevre', 'Kevin Moreau', 'Paul Martin']);
    const passes = await services.db.table('passIae').toArray();
    expect(passes).toHaveLength(4);
    expect(passes.find((p) => p.id === HELENE_PASS)).toMatchObject({ number: '999992254321', start: '2024-04-08' });
    // Loaded again, every fiche is up to date: nothing left to import.
    fireEvent.input(screen.getByLabelText('Ou collez le contenu', { selector: '#imp-le-text' }), { target: { value: json } });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Importer 0 fiche(s)' })).toBeTruthy());
  });
});
