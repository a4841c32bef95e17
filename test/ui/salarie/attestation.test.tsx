// @vitest-environment jsdom
// « Mon attestation de compétences »: on « Mes papiers », a FALC block leads to the printable
// page (#/mon-attestation); there, on the salarié's own login and on the ETI's tablet lent to
// them, the paper lists the competences acquired, each with the day, and nothing confidential
// nor anybody else's; « Imprimer » opens the browser's print dialog.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import type { Services } from '../../../src/ui/shell/services';
import type { Lending } from '../../../src/client/consultation';
import { App } from '../../../src/ui/shell/App';
import { ConsultationShell } from '../../../src/ui/salarie/consultation/ConsultationShell';
import { SalarieSpace } from '../../../src/ui/salarie/SalarieSpace';
import { STRUCTURE_ID } from '../services';
import { evaluate, nextId } from '../competences/world';
import { EMOJI, ETI, NOT_MINE, SALARIE, W, mount, seedSalarie } from './world';

const V = { structureId: STRUCTURE_ID, salarieId: W.sal1 };
const SECRETS = ['Suivi psychologique', 'France Travail', '06 12 34 56 78', 'Poste sans port de charge'];

afterEach(() => { cleanup(); vi.restoreAllMocks(); location.hash = ''; });

/** The shared world, plus Amina's confidential fields, two competences acquired and a PMSMP. */
async function seed(s: Services): Promise<void> {
  await seedSalarie(s);
  await s.write('salarie', W.sal1, { confidentialNotes: 'Suivi psychologique', prescriber: 'France Travail', phone: '06 12 34 56 78', amenagements: 'Poste sans port de charge' });
  await s.write('pmsmp', nextId(), { structureId: STRUCTURE_ID, salarieId: W.sal1, company: 'Jardins du Sud', start: '2026-11-02', end: '2026-11-06', competenceIds: [W.haie] });
  await evaluate(s, W.sal1, W.tonte, 3, 'production', '2026-11-13');
  await evaluate(s, W.sal1, W.haie, 4, 'pmsmp', '2026-11-04');
  // A self-assessment is the salarié's voice, not the structure's attestation.
  await evaluate(s, W.sal1, W.epi, 4, 'self', '2026-11-18', SALARIE.id);
}

function expectNothingElse(root: Element) {
  for (const t of [...NOT_MINE, ...SECRETS]) expect(root.textContent).not.toContain(t);
  expect(root.textContent).not.toMatch(EMOJI);
}

async function expectPaper(root: Element) {
  // The paper fills in as the reads settle: wait for both competences, not the first row alone.
  await waitFor(() => expect(screen.getAllByTestId('attested-competence').map((r) => r.querySelector('th')?.textContent))
    .toEqual(['Tailler une haieGeste technique', 'Tondre une pelouseGeste technique']));
  const rows = screen.getAllByTestId('attested-competence');
  expect(rows[0]!.textContent).toContain('4 nov. 2026');
  expect(rows[0]!.textContent).toContain('PMSMP chez Jardins du Sud');
  expect(rows[1]!.textContent).toContain('13 nov. 2026');
  expect(rows[1]!.textContent).toContain('Acquis (fait seul)');
  const paper = screen.getByRole('article', { name: 'Attestation de compétences à imprimer' });
  expect(paper.textContent).toContain('Amina Diallo');
  expect(paper.textContent).toContain('depuis le mardi 10 novembre 2026');
  expectNothingElse(root);
}

describe('Mon attestation de compétences', () => {
  it('on « Mes papiers »: a FALC block with SVG pictures says how many competences and leads to the printable page', async () => {
    const { services, view } = mount(SALARIE, <SalarieSpace viewer={V} page="papiers" writerId={SALARIE.id} />);
    await seed(services);
    const block = await screen.findByTestId('block-attestation');
    expect(within(block).getByRole('heading', { name: 'Mon attestation de compétences' })).toBeTruthy();
    await waitFor(() => expect(within(block).getByTestId('attestation-count').textContent).toContain('J’ai 2 compétences acquises.'));
    expect(within(block).getByRole('link', { name: 'Imprimer mon attestation' }).getAttribute('href')).toBe('#/mon-attestation');
    expect(within(block).getByRole('button', { name: /^Écouter/ })).toBeTruthy();
    expect(block.querySelectorAll('svg').length).toBeGreaterThanOrEqual(4);
    expectNothingElse(view.container);
  });

  it('on their own login: the paper lists what is acquired with its date, « Mes papiers » lit, « Imprimer » prints', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    location.hash = '#/mon-attestation';
    const { services, view } = mount(SALARIE, <App />);
    await seed(services);
    await screen.findByTestId('salarie-page-attestation');
    await expectPaper(view.container);
    expect(screen.getByRole('link', { name: 'Mes papiers' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('link', { name: 'Retour à mes papiers' }).getAttribute('href')).toBe('#/mes-papiers');
    fireEvent.click(screen.getByRole('button', { name: 'Imprimer' }));
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('on the ETI’s tablet lent to the salarié: the same paper, from that salarié’s readable data only', async () => {
    const lending = { userId: ETI.id, salarieId: W.sal1, firstName: 'Amina', pin: { salt: '', hash: '', iterations: 1 }, failures: 0, lockedUntil: 0 } satisfies Lending;
    const { services, view } = mount(ETI, <ConsultationShell lending={lending} user={ETI} route="/mon-attestation" />);
    await seed(services);
    await expectPaper(view.container);
  });

  it('says so when nothing is acquired yet, and never shows a teammate’s', async () => {
    const { services } = mount(SALARIE, <SalarieSpace viewer={{ structureId: STRUCTURE_ID, salarieId: W.sal2 }} page="attestation" writerId={SALARIE.id} />);
    await seedSalarie(services);
    // Bruno holds « Porter les EPI » at « Maîtrisé »: his paper lists it, Amina's viewer never.
    await screen.findByTestId('attested-competence');
    cleanup();
    const amina = mount(SALARIE, <SalarieSpace viewer={V} page="attestation" writerId={SALARIE.id} />);
    await seedSalarie(amina.services);
    await screen.findByText('Aucune compétence n’est encore au niveau « Acquis » à cette date.');
    expectNothingElse(amina.view.container);
  });
});
