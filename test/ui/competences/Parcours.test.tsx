// @vitest-environment jsdom
// The parcours prévisionnel (objectives, late first; a past date refused), open badges (issued
// here, signed and downloaded from the server), the référentiel editor (coordination edits and imports CSV; an ETI
// only reads), and the salarié's FALC page (their levels, their self-assessment, no form).
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { ParcoursPage } from '../../../src/ui/competences/ParcoursPage';
import { ReferentielEditor } from '../../../src/ui/competences/ReferentielEditor';
import { SalarieHome } from '../../../src/ui/salarie/SalarieHome';
import { STRUCTURE_ID } from '../services';
import { COORDINATOR, ETI, SALARIE, W, evaluate, mount, nextId, seedWorld } from './world';

afterEach(cleanup);

describe('Parcours prévisionnel de formation', () => {
  it('lists objectives with where they stand, late first', async () => {
    const { services } = mount(ETI, <ParcoursPage salarieId={W.sal1} user={ETI} />);
    await seedWorld(services);
    await evaluate(services, W.sal1, W.epi, 3, 'production', '2026-11-01');
    const obj = (competenceId: string, targetLevel: number, dueDate: string) => services.write('objective', nextId(), { structureId: STRUCTURE_ID, salarieId: W.sal1, competenceId, targetLevel, dueDate });
    await obj(W.tonte, 3, '2027-03-01');
    await obj(W.haie, 2, '2026-11-01');
    await obj(W.epi, 3, '2026-12-01');
    await waitFor(() => expect(screen.getAllByTestId('objective')).toHaveLength(3));
    expect(screen.getAllByTestId('objective').map((r) => r.getAttribute('data-state'))).toEqual(['en_retard', 'en_cours', 'atteint']);
    expect(within(screen.getAllByTestId('objective')[0]!).getByText('En retard')).toBeTruthy();
  });

  it('adds an objective, and refuses one without competence or with a past date', async () => {
    const { services } = mount(ETI, <ParcoursPage salarieId={W.sal1} user={ETI} />);
    await seedWorld(services);
    fireEvent.click(await screen.findByRole('button', { name: 'Ajouter l’objectif' }));
    expect(await screen.findByText('Choisissez une compétence.')).toBeTruthy();
    await waitFor(() => expect(screen.getAllByRole('option').length).toBeGreaterThan(3));
    fireEvent.change(screen.getByLabelText('Compétence'), { target: { value: W.haie } });
    fireEvent.input(screen.getByLabelText('Échéance'), { target: { value: '2026-10-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter l’objectif' }));
    expect(await screen.findByText('L’échéance est déjà passée.')).toBeTruthy();
    expect(await services.db.table('objective').count()).toBe(0);
    fireEvent.input(screen.getByLabelText('Échéance'), { target: { value: '2027-02-28' } });
    fireEvent.click(screen.getByLabelText(/4 Maîtrisé/));
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter l’objectif' }));
    await screen.findByText('Objectif enregistré sur la tablette.');
    expect(await services.db.table('objective').toArray()).toEqual([expect.objectContaining({ salarieId: W.sal1, competenceId: W.haie, targetLevel: 4, dueDate: '2027-02-28' })]);
  });

  it('the coordination delivers a badge for an acquired competence, downloadable once signed by the server', async () => {
    const credential = vi.fn(async () => ({ type: ['VerifiableCredential', 'OpenBadgeCredential'], name: 'Tondre une pelouse' }));
    const { services } = mount(COORDINATOR, <ParcoursPage salarieId={W.sal1} user={COORDINATOR} />, () => ({
      credentials: { credential, image: vi.fn(), verify: vi.fn() },
    }));
    await seedWorld(services);
    await evaluate(services, W.sal1, W.tonte, 3, 'production', '2026-11-01');
    fireEvent.click(await screen.findByRole('button', { name: 'Délivrer le badge « Tondre une pelouse »' }));
    await screen.findByTestId('badge');
    const created: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => { created.push(b); return 'blob:x'; });
    URL.revokeObjectURL = vi.fn();
    fireEvent.click(screen.getByRole('button', { name: /Télécharger \(JSON\)/ }));
    await waitFor(() => expect(created).toHaveLength(1));
    expect(JSON.parse(await created[0]!.text())).toMatchObject({ type: ['VerifiableCredential', 'OpenBadgeCredential'] });
    // The Open Badges 2.0 export is gone: nothing is built on the tablet.
    expect(credential).toHaveBeenCalledTimes(1);
  });
});

describe('Référentiel activités-compétences', () => {
  it('the coordination adds a competence and imports a CSV grid', async () => {
    const { services } = mount(COORDINATOR, <ReferentielEditor user={COORDINATOR} />);
    await seedWorld(services);
    await waitFor(() => expect(screen.getAllByTestId('ref-competence')).toHaveLength(3));
    fireEvent.click(await screen.findByRole('button', { name: /^Ajouter une compétence/ }));
    fireEvent.input(screen.getByLabelText('Libellé'), { target: { value: 'Ramasser les déchets verts' } });
    fireEvent.input(screen.getByLabelText('Code ROME'), { target: { value: 'Z1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Code ROME');
    fireEvent.input(screen.getByLabelText('Code ROME'), { target: { value: 'a1203' } });
    fireEvent.click(screen.getByLabelText(/Critique pour la sécurité/));
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await screen.findByText('Compétence enregistrée.');
    expect((await services.db.table('competence').toArray()).find((c) => c.label === 'Ramasser les déchets verts')).toMatchObject({ romeCode: 'A1203', safetyCritical: true, activityId: W.activity });

    fireEvent.input(screen.getByLabelText('Ou collez le contenu'), { target: { value: 'activite;competence;nature;critique_securite\nTri textile;Trier par catégorie;technique;non\nTri textile;;;\n' } });
    fireEvent.click(screen.getByRole('button', { name: 'Importer' }));
    await screen.findByText('1 compétence(s) importée(s), 1 ligne(s) ignorée(s).');
    expect(screen.getByText('Ligne 3 : compétence manquante')).toBeTruthy();
    expect((await services.db.table('activity').toArray()).map((a) => a.name).sort()).toEqual(['Entretien des espaces verts', 'Tri textile']);
  });

  it('an ETI reads it but has nothing to edit with', async () => {
    const { services } = mount(ETI, <ReferentielEditor user={ETI} />);
    await seedWorld(services);
    await waitFor(() => expect(screen.getAllByTestId('ref-competence')).toHaveLength(3));
    expect(screen.getByText(/Consultation seule/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Modifier/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Importer' })).toBeNull();
  });
});

describe('Mon espace (salarié, FALC)', () => {
  it('shows my levels with symbols and words, my shared entries, and lets me self-assess in two taps', async () => {
    const { services } = mount(SALARIE, <SalarieHome salarieId={W.sal1} page="progres" />);
    await seedWorld(services);
    await evaluate(services, W.sal1, W.tonte, 2, 'production', '2026-11-01');
    await services.write('logEntry', nextId(), { structureId: STRUCTURE_ID, salarieId: W.sal1, authorId: ETI.id, date: '2026-11-19', category: 'atouts', text: 'Bravo pour ta régularité', visibility: 'salarie', alert: false });
    const item = await screen.findByTestId('my-competence');
    expect(item.textContent).toContain('Tondre une pelouse');
    expect(item.querySelector('svg.level-ball')?.getAttribute('data-level')).toBe('2');
    expect(item.textContent).toContain('Je fais avec de l’aide');
    expect(await screen.findByText('Bravo pour ta régularité')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Enregistrer l’observation' })).toBeNull();
    fireEvent.click(within(item).getByRole('button', { name: /Et moi, je pense/ }));
    fireEvent.click(within(item).getByRole('button', { name: /Je fais seul/ }));
    await screen.findByText('C’est noté : Je fais seul.');
    const self = (await services.db.table('evaluation').toArray()).find((e) => e.context === 'self');
    expect(self).toMatchObject({ salarieId: W.sal1, competenceId: W.tonte, level: 3, evaluatorId: SALARIE.id });
    await waitFor(() => expect(screen.getByTestId('my-competence').textContent).toContain('Moi, je pense : Je fais seul'));
  });
});
