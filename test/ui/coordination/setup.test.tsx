// @vitest-environment jsdom
// « Premiers pas »: each step saves on the tablet and says it is done — the structure's settings
// (checked as typed), a first team, a starter référentiel in one batch.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { SetupPage } from '../../../src/ui/coordination/setup/SetupPage';
import { useNeedsSetup } from '../../../src/ui/coordination/setup/useNeedsSetup';
import { SetupRedirect } from '../../../src/ui/coordination/setup/SetupRedirect';
import { ServicesContext } from '../../../src/ui/shell/services';
import { STRUCTURE_ID, testServices } from '../services';

afterEach(cleanup);

const COORD = '01900000-0000-7000-8000-0000000000c1';
const heading = (n: number) => screen.getByRole('heading', { level: 3, name: new RegExp(`^${n}\\.`) }).textContent;

describe('SetupPage', () => {
  it('saves the structure settings, a first team and a starter référentiel, and says what is done', async () => {
    const services = testServices({ id: COORD, role: 'coordinator', structureId: STRUCTURE_ID });
    // What the admin command creates: a name and a type.
    await services.write('structure', STRUCTURE_ID, { structureId: STRUCTURE_ID, name: 'Les Jardins du Puy', type: 'ACI' });
    const writeMany = vi.spyOn(services, 'writeMany');
    render(<ServicesContext.Provider value={services}><SetupPage /></ServicesContext.Provider>);
    await screen.findByRole('heading', { name: 'Premiers pas' });
    expect(screen.getByText('0 étape(s) sur 5 faite(s).')).toBeTruthy();
    expect((screen.getByLabelText('Nom de la structure') as HTMLInputElement).value).toBe('Les Jardins du Puy');

    // Structure: the SIRET is checked as it is typed.
    fireEvent.input(screen.getByLabelText('SIRET (14 chiffres)'), { target: { value: '4471892250001' } });
    expect(screen.getByText('Le SIRET compte 14 chiffres (13 saisis).')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Enregistrer la structure' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.input(screen.getByLabelText('SIRET (14 chiffres)'), { target: { value: '447 189 225 00017' } });
    fireEvent.input(screen.getByLabelText('Numéro d’annexe financière'), { target: { value: 'aci063250012a1m0' } });
    fireEvent.change(screen.getByLabelText('Type de SIAE'), { target: { value: 'EI' } });
    fireEvent.click(screen.getByLabelText(/Les encadrants techniques peuvent modifier le référentiel/));
    fireEvent.click(screen.getByLabelText('Les encadrants peuvent délivrer des badges'));
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la structure' }));
    await screen.findByText('Réglages de la structure enregistrés sur la tablette.');
    expect(await services.db.table('structure').get(STRUCTURE_ID)).toMatchObject({ name: 'Les Jardins du Puy', type: 'EI', siret: '44718922500017', annexeFinanciere: 'ACI063250012A1M0', etiMayEditReferentiel: true, etiMayIssueBadges: true });
    await waitFor(() => expect(heading(1)).toContain('Fait'));

    // A first team.
    fireEvent.click(screen.getByRole('button', { name: 'Créer l’équipe' }));
    expect(screen.getByText('Donnez un nom à l’équipe.')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Nom de la première équipe'), { target: { value: 'Espaces verts' } });
    fireEvent.click(screen.getByRole('button', { name: 'Créer l’équipe' }));
    await screen.findByText('Équipe « Espaces verts » créée sur la tablette.');
    expect(await services.db.table('team').toArray()).toMatchObject([{ name: 'Espaces verts', etiUserIds: [], structureId: STRUCTURE_ID }]);
    await waitFor(() => expect(heading(2)).toContain('Fait'));

    // A starter référentiel, in one batch; it cannot be added twice.
    expect(heading(3)).toContain('À faire');
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter « Entretien des espaces verts »' }));
    await screen.findByText(/Référentiel « Entretien des espaces verts » ajouté \(10 compétences\)/);
    expect(writeMany).toHaveBeenCalledTimes(1);
    expect(await services.db.table('activity').toArray()).toMatchObject([{ name: 'Entretien des espaces verts', romeCodes: ['A1203'] }]);
    const competences = await services.db.table('competence').toArray();
    expect(competences).toHaveLength(10);
    expect(competences.find((c) => c.label === 'Débroussailler')).toMatchObject({ kind: 'technique', safetyCritical: true });
    await waitFor(() => expect(heading(3)).toContain('Fait'));
    expect((screen.getByRole('button', { name: '« Entretien des espaces verts » déjà présent' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('3 étape(s) sur 5 faite(s).')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'page Comptes' }).getAttribute('href')).toBe('#/comptes');
    expect(screen.getByRole('link', { name: 'page Importer' }).getAttribute('href')).toBe('#/import');
  });
});

describe('useNeedsSetup', () => {
  function Probe() {
    const v = useNeedsSetup();
    return <p>{v === undefined ? 'lecture' : v ? 'premiers pas' : 'accueil'}</p>;
  }
  it('sends a coordinator of a synced structure without team to « Premiers pas », and no one else', async () => {
    const services = testServices({ id: COORD, role: 'coordinator', structureId: STRUCTURE_ID });
    render(<ServicesContext.Provider value={services}><Probe /></ServicesContext.Provider>);
    // No structure record yet: the tablet has not synced, an empty device is not an empty structure.
    await screen.findByText('accueil');
    await services.write('structure', STRUCTURE_ID, { structureId: STRUCTURE_ID, name: 'Les Jardins du Puy', type: 'ACI' });
    await screen.findByText('premiers pas');
    await services.write('team', '01900000-0000-7000-8000-0000000000a1', { structureId: STRUCTURE_ID, name: 'Espaces verts', etiUserIds: [] });
    await screen.findByText('accueil');
    cleanup();
    const eti = testServices({ id: COORD, role: 'eti', structureId: STRUCTURE_ID });
    await eti.write('structure', STRUCTURE_ID, { structureId: STRUCTURE_ID, name: 'Les Jardins du Puy', type: 'ACI' });
    render(<ServicesContext.Provider value={eti}><Probe /></ServicesContext.Provider>);
    await screen.findByText('accueil');
  });
});

describe('SetupRedirect', () => {
  it('sends the coordinator from home to « Premiers pas » once the structure has synced, only once', async () => {
    const services = testServices({ id: COORD, role: 'coordinator', structureId: STRUCTURE_ID });
    const go = vi.fn();
    const view = (route: string) => <ServicesContext.Provider value={services}><SetupRedirect route={route} go={go} /></ServicesContext.Provider>;
    const { rerender } = render(view('/'));
    // Not synced yet: nothing happens, an empty tablet is not an empty structure.
    await new Promise((r) => setTimeout(r, 50));
    expect(go).not.toHaveBeenCalled();
    await services.write('structure', STRUCTURE_ID, { structureId: STRUCTURE_ID, name: 'Les Jardins du Puy', type: 'ACI' });
    await waitFor(() => expect(go).toHaveBeenCalledWith('#/premiers-pas'));
    // Back on home later in the visit: not pulled to the guide again.
    rerender(view('/salaries'));
    rerender(view('/'));
    await new Promise((r) => setTimeout(r, 50));
    expect(go).toHaveBeenCalledTimes(1);
  });

  it('leaves a structure that has a team on its home', async () => {
    const services = testServices({ id: COORD, role: 'coordinator', structureId: STRUCTURE_ID });
    await services.write('structure', STRUCTURE_ID, { structureId: STRUCTURE_ID, name: 'Les Jardins du Puy', type: 'ACI' });
    await services.write('team', '01900000-0000-7000-8000-0000000000a1', { structureId: STRUCTURE_ID, name: 'Espaces verts', etiUserIds: [] });
    const go = vi.fn();
    render(<ServicesContext.Provider value={services}><SetupRedirect route="/" go={go} /></ServicesContext.Provider>);
    await new Promise((r) => setTimeout(r, 100));
    expect(go).not.toHaveBeenCalled();
  });
});
