// @vitest-environment jsdom
// The team-only pages of a salarié's file: the diagnostic and its evolution, the accueil
// checklist (dated ticks, and the reminder « Aujourd'hui » shows while it is incomplete) and
// the PMSMP (the coordination writes it; the ETI only adds what was observed there).
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { DiagnosticPage } from '../../../src/ui/livret/DiagnosticPage';
import { AccueilPage } from '../../../src/ui/livret/AccueilPage';
import { AccueilReminder } from '../../../src/ui/livret/AccueilReminder';
import { PmsmpPage } from '../../../src/ui/livret/PmsmpPage';
import { ETI_ID, STRUCTURE_ID } from '../services';
import { COORDINATOR, ETI, W, mount, nextId, seedWorld } from '../competences/world';

afterEach(cleanup);

describe('Diagnostic socio-professionnel', () => {
  it('shows each dated diagnostic and the evolution per dimension', async () => {
    const { services } = mount(ETI, <DiagnosticPage salarieId={W.sal1} user={ETI} />);
    await seedWorld(services);
    await services.write('diagnostic', nextId(), { structureId: STRUCTURE_ID, salarieId: W.sal1, date: '2026-03-05', levels: { langue: 2, logement: 1, mobilite: 3 } });
    await services.write('diagnostic', nextId(), { structureId: STRUCTURE_ID, salarieId: W.sal1, date: '2026-09-05', levels: { langue: 3, logement: 3, mobilite: 2 }, comment: 'Logement trouvé' });
    await screen.findByRole('columnheader', { name: '5 sept. 2026' });
    expect(screen.getAllByTestId('diag-row')).toHaveLength(8);
    expect(screen.getByRole('columnheader', { name: '5 mars 2026' })).toBeTruthy();
    const row = (name: string) => screen.getAllByTestId('diag-row').find((r) => r.textContent?.startsWith(name))!;
    expect(within(row('Logement')).getByTestId('diag-delta').textContent).toBe('+2');
    expect(within(row('Mobilité')).getByTestId('diag-delta').textContent).toBe('-1');
    // The direction is drawn (SVG arrow), not a text glyph that needs a font.
    expect(within(row('Logement')).getByTestId('diag-delta').querySelector('svg.icon')).not.toBeNull();
    expect(within(row('Justice')).getByTestId('diag-delta').textContent).toBe('=');
    expect(screen.getByText(/Confidentiel/)).toBeTruthy();
  });

  it('records a revisit prefilled with the latest levels, and refuses a date in the future', async () => {
    const { services } = mount(ETI, <DiagnosticPage salarieId={W.sal1} user={ETI} />);
    await services.write('diagnostic', nextId(), { structureId: STRUCTURE_ID, salarieId: W.sal1, date: '2026-03-05', levels: { langue: 2 } });
    fireEvent.click(await screen.findByRole('button', { name: 'Revoir le diagnostic' }));
    const langue = screen.getByRole('group', { name: 'Maîtrise de la langue française' });
    expect((within(langue).getByLabelText(/^2 · /) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(screen.getByRole('group', { name: 'Logement' })).getByLabelText(/^4 · Logement stable/));
    fireEvent.input(screen.getByLabelText('Date'), { target: { value: '2027-01-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer le diagnostic' }));
    expect((await screen.findByRole('alert')).textContent).toBe('La date ne peut pas être dans le futur.');
    expect(await services.db.table('diagnostic').count()).toBe(1);
    fireEvent.input(screen.getByLabelText('Date'), { target: { value: '2026-11-20' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer le diagnostic' }));
    await screen.findByText('Diagnostic enregistré sur la tablette.');
    const latest = (await services.db.table('diagnostic').toArray()).find((d) => d.date === '2026-11-20');
    expect(latest).toMatchObject({ salarieId: W.sal1, levels: { langue: 2, logement: 4 } });
  });
});

describe('Accueil', () => {
  it('ticks items with the date, and the reminder shows until all are done', async () => {
    const { services } = mount(ETI, <><AccueilReminder /><AccueilPage salarieId={W.sal1} user={ETI} /></>);
    await seedWorld(services);
    const reminder = await screen.findByTestId('accueil-reminder');
    expect(within(reminder).getByRole('link', { name: 'Amina Diallo' }).getAttribute('href')).toBe(`#/salarie/${W.sal1}/accueil`);
    // Bruno came long ago: no reminder for him.
    expect(within(reminder).queryByText('Bruno Martin')).toBeNull();
    fireEvent.click(screen.getByLabelText(/Visite des lieux/));
    await screen.findByText('Fait le 20 nov. 2026');
    expect(await services.db.table('onboarding').toArray()).toEqual([expect.objectContaining({ salarieId: W.sal1, visiteOn: '2026-11-20' })]);
    for (const label of [/Règlement intérieur/, /Consignes de sécurité/, /EPI remis/, /Personnes ressources/, /Droits et devoirs/]) {
      fireEvent.click(screen.getByLabelText(label));
      await waitFor(() => expect((screen.getByLabelText(label) as HTMLInputElement).checked).toBe(true));
    }
    await waitFor(() => expect(screen.queryByTestId('accueil-reminder')).toBeNull());
    expect(await services.db.table('onboarding').count()).toBe(1);
    expect(screen.getByText(/6 sur 6 étapes faites : accueil terminé/)).toBeTruthy();
  });
});

describe('PMSMP', () => {
  it('the coordination creates one; more than 30 days is refused', async () => {
    const { services } = mount(COORDINATOR, <PmsmpPage salarieId={W.sal1} user={COORDINATOR} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Nouvelle PMSMP' }));
    fireEvent.input(screen.getByLabelText('Entreprise d’accueil'), { target: { value: 'Pépinières Durand' } });
    fireEvent.input(screen.getByLabelText('Début'), { target: { value: '2026-12-01' } });
    fireEvent.input(screen.getByLabelText('Fin'), { target: { value: '2027-01-15' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la PMSMP' }));
    expect((await screen.findByRole('alert')).textContent).toContain('30 jours calendaires au plus');
    fireEvent.input(screen.getByLabelText('Fin'), { target: { value: '2026-12-12' } });
    fireEvent.input(screen.getByLabelText('Objectif'), { target: { value: 'Découvrir la vente en jardinerie' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la PMSMP' }));
    await screen.findByTestId('pmsmp');
    expect(await services.db.table('pmsmp').toArray()).toEqual([expect.objectContaining({ company: 'Pépinières Durand', start: '2026-12-01', end: '2026-12-12', salarieId: W.sal1 })]);
  });

  it('the ETI cannot create or edit one, but records a competence observed there as a PMSMP evaluation', async () => {
    const { services } = mount(ETI, <PmsmpPage salarieId={W.sal1} user={ETI} />);
    await seedWorld(services);
    await services.write('pmsmp', nextId(), { structureId: STRUCTURE_ID, salarieId: W.sal1, company: 'Pépinières Durand', start: '2026-11-02', end: '2026-11-13' });
    const card = await screen.findByTestId('pmsmp');
    expect(screen.queryByRole('button', { name: 'Nouvelle PMSMP' })).toBeNull();
    expect(within(card).queryByRole('button', { name: 'Enregistrer le bilan' })).toBeNull();
    expect(screen.getByText(/Seule la coordination crée ou modifie une PMSMP/)).toBeTruthy();
    fireEvent.change(within(card).getByLabelText('Compétence'), { target: { value: W.tonte } });
    fireEvent.click(within(card).getByRole('button', { name: /3 Acquis/ }));
    await within(card).findByText(/Évaluation PMSMP enregistrée/);
    expect(await services.db.table('evaluation').toArray()).toEqual([expect.objectContaining({
      salarieId: W.sal1, competenceId: W.tonte, level: 3, context: 'pmsmp', date: '2026-11-13', evaluatorId: ETI_ID, comment: 'Observé en PMSMP chez Pépinières Durand',
    })]);
    await within(card).findByText(/Compétences observées \(1\)/);
  });
});
