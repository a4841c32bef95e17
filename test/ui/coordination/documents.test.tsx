// @vitest-environment jsdom
// The printable documents of a salarié's file: the livret for a period in the salarié's copy
// (shared notes only) and the team's (never the privé ones), the bilan's sections, the
// attestation with the structure's name and SIRET and each competence's date and context, a
// wrong period refused in French, and « Imprimer » opening the browser's print dialog.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { DocumentsPage, type DocumentKind } from '../../../src/ui/coordination/documents/DocumentsPage';
import { ServicesContext } from '../../../src/ui/shell/services';
import { STRUCTURE_ID, testServices } from '../services';

const settle = () => new Promise((r) => setTimeout(r, 60));
const print = vi.fn();
beforeEach(() => { print.mockClear(); vi.stubGlobal('print', print); });
afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  await settle();
});

const id = (n: number) => `01900000-0000-7000-8000-0000000001${String(n).padStart(2, '0')}`;
const ME = id(1);
const ETI = id(2);
const SAL = id(3);
const ACT = id(4);
const TAILLE = id(5);
const VENTE = id(6);
const TONTE = id(7);

async function setup() {
  // « today » is 2026-11-20 (test services' clock).
  const s = testServices({ id: ME, role: 'coordinator', structureId: STRUCTURE_ID, displayName: 'Claire Coord' });
  const st = { structureId: STRUCTURE_ID };
  await s.write('structure', STRUCTURE_ID, { ...st, name: 'Les Jardins du Tremplin', type: 'ACI', siret: '12345678900012' });
  await s.write('user', ETI, { ...st, login: 'karim', displayName: 'Karim Benali', role: 'eti' });
  await s.write('salarie', SAL, { ...st, firstName: 'Léa', lastName: 'Petit', entryDate: '2026-03-02' });
  await s.write('activity', ACT, { ...st, name: 'Espaces verts' });
  await s.write('competence', TAILLE, { ...st, activityId: ACT, label: 'Utiliser un taille-haie', kind: 'technique', romeCode: 'A1203' });
  await s.write('competence', VENTE, { ...st, activityId: ACT, label: 'Conseiller un client' });
  await s.write('competence', TONTE, { ...st, activityId: ACT, label: 'Tondre une pelouse' });
  const entry = (n: number, date: string, visibility: 'private' | 'team' | 'salarie', text: string) =>
    s.write('logEntry', id(20 + n), { ...st, salarieId: SAL, authorId: ETI, date, category: 'technique', text, visibility, alert: false });
  await entry(1, '2026-06-10', 'salarie', 'Taille des haies réussie en autonomie.');
  await entry(2, '2026-07-01', 'team', 'À surveiller : fatigue en fin de journée.');
  await entry(3, '2026-07-02', 'private', 'Note privée de Karim sur la situation familiale.');
  await entry(4, '2026-04-15', 'salarie', 'Note ancienne, avant la période.');
  const ev = (n: number, competenceId: string, level: number, date: string, context: 'production' | 'afest' | 'pmsmp' | 'self') =>
    s.write('evaluation', id(40 + n), { ...st, salarieId: SAL, competenceId, level, context, date, evaluatorId: ETI });
  await ev(1, TAILLE, 1, '2026-04-01', 'production');
  await ev(2, TAILLE, 3, '2026-06-10', 'afest');
  await ev(3, VENTE, 3, '2026-09-08', 'pmsmp');
  await ev(4, TONTE, 4, '2026-09-01', 'self');
  await s.write('objective', id(60), { ...st, salarieId: SAL, competenceId: TONTE, targetLevel: 3, dueDate: '2026-10-31' });
  await s.write('pmsmp', id(61), { ...st, salarieId: SAL, company: 'Pépinières Durand', start: '2026-09-07', end: '2026-09-18', objective: 'Découvrir la vente' });
  return s;
}

async function open(doc: DocumentKind) {
  const s = await setup();
  render(<ServicesContext.Provider value={s}><DocumentsPage salarieId={SAL} doc={doc} /></ServicesContext.Provider>);
  return s;
}

describe('Livret de suivi imprimé', () => {
  it('the salarié’s copy holds only the notes shared with them, in the period', async () => {
    await open('livret');
    const doc = await screen.findByRole('article', { name: 'Livret de suivi à imprimer' });
    expect(within(doc).getByText('Les Jardins du Tremplin')).toBeTruthy();
    expect(within(doc).getByText('SIRET 123 456 789 00012')).toBeTruthy();
    expect(within(doc).getByText(/Version remise au salarié/)).toBeTruthy();
    expect(within(doc).getByText('Taille des haies réussie en autonomie.')).toBeTruthy();
    expect(within(doc).queryByText(/fatigue en fin de journée/)).toBeNull();
    expect(within(doc).queryByText(/Note privée/)).toBeNull();
    // Default period: the last six months (from 20 May 2026).
    expect(within(doc).queryByText(/Note ancienne/)).toBeNull();
  });

  it('the team’s copy adds the team’s notes, never the privé ones', async () => {
    await open('livret');
    fireEvent.click(await screen.findByLabelText('Pour l’équipe'));
    const doc = screen.getByRole('article', { name: 'Livret de suivi à imprimer' });
    expect(within(doc).getByText('À surveiller : fatigue en fin de journée.')).toBeTruthy();
    expect(within(doc).getByText('Taille des haies réussie en autonomie.')).toBeTruthy();
    expect(within(doc).queryByText(/Note privée/)).toBeNull();
    expect(within(doc).getByText(/document interne/)).toBeTruthy();
  });

  it('follows the chosen period and refuses one that ends before it starts', async () => {
    await open('livret');
    fireEvent.input(await screen.findByLabelText('Du'), { target: { value: '2026-01-01' } });
    expect(screen.getByText('Note ancienne, avant la période.')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Au'), { target: { value: '2025-12-01' } });
    expect(screen.getByRole('alert').textContent).toBe('La fin de la période doit suivre son début.');
    expect(screen.queryByRole('article')).toBeNull();
    expect((screen.getByRole('button', { name: 'Imprimer' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('« Imprimer » opens the print dialog', async () => {
    await open('livret');
    fireEvent.click(await screen.findByRole('button', { name: 'Imprimer' }));
    expect(print).toHaveBeenCalledTimes(1);
  });
});

describe('Bilan', () => {
  it('composes levels, progress, objectives, PMSMP and shared notes of the period', async () => {
    await open('bilan');
    const doc = await screen.findByRole('article', { name: 'Bilan intermédiaire à imprimer' });
    const taille = within(doc).getByRole('rowheader', { name: 'Utiliser un taille-haie' }).closest('tr')!;
    // Level 1 before the period (1 April), Acquis at its end: +2.
    expect(taille.textContent).toContain('Découverte');
    expect(taille.textContent).toContain('Acquis');
    expect(taille.textContent).toContain('+2 niveaux');
    expect(taille.textContent).toContain('Séquence AFEST');
    // A self-assessment is shown apart, never as the official level.
    const tonte = within(doc).getAllByRole('rowheader', { name: 'Tondre une pelouse' })[0]!.closest('tr')!;
    expect(tonte.textContent).toContain('Non abordé');
    expect(tonte.textContent).toContain('Maîtrisé');
    // The objective (level 3 by 31 October) is late.
    const objectives = within(doc).getByRole('region', { name: 'Objectifs' });
    expect(objectives.textContent).toContain('En retard');
    expect(within(doc).getByRole('region', { name: 'Périodes de mise en situation (PMSMP)' }).textContent).toContain('Pépinières Durand');
    expect(within(doc).getByText('Taille des haies réussie en autonomie.')).toBeTruthy();
    expect(within(doc).queryByText(/fatigue/)).toBeNull();
  });

  it('a final bilan covers the whole parcours from the entry date', async () => {
    await open('bilan');
    fireEvent.click(await screen.findByLabelText('Bilan final'));
    const doc = screen.getByRole('article', { name: 'Bilan final à imprimer' });
    expect(doc.textContent).toContain('du 2 mars 2026 au 20 nov. 2026');
    expect(within(doc).getByText('Note ancienne, avant la période.')).toBeTruthy();
  });
});

describe('Attestation de compétences', () => {
  it('lists the competences acquired, with date and context, under the structure’s name and SIRET', async () => {
    await open('attestation');
    const doc = await screen.findByRole('article', { name: 'Attestation de compétences à imprimer' });
    expect(within(doc).getByText('SIRET 123 456 789 00012')).toBeTruthy();
    expect(doc.textContent).toContain('Les Jardins du Tremplin atteste que Léa Petit');
    const taille = within(doc).getByRole('rowheader', { name: /Utiliser un taille-haie/ }).closest('tr')!;
    expect(taille.textContent).toContain('10 juin 2026');
    expect(taille.textContent).toContain('Séquence AFEST');
    expect(taille.textContent).toContain('ROME A1203');
    const vente = within(doc).getByRole('rowheader', { name: /Conseiller un client/ }).closest('tr')!;
    expect(vente.textContent).toContain('PMSMP chez Pépinières Durand (8 sept. 2026)');
    // A self-assessment alone is never attested.
    expect(within(doc).queryByText(/Tondre une pelouse/)).toBeNull();
  });

  it('on an earlier date, attests only what was acquired by then', async () => {
    await open('attestation');
    fireEvent.input(await screen.findByLabelText('Compétences acquises au'), { target: { value: '2026-07-01' } });
    const doc = screen.getByRole('article', { name: 'Attestation de compétences à imprimer' });
    expect(within(doc).getByText(/Utiliser un taille-haie/)).toBeTruthy();
    expect(within(doc).queryByText(/Conseiller un client/)).toBeNull();
  });
});
