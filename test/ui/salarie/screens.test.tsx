// @vitest-environment jsdom
// Each block of the salarié's space on an offline tablet that also holds a teammate's records:
// what the salarié sees (in words and SVG pictures), and what never shows. « Écouter » turns into
// « Arrêter » while it speaks (fake speechSynthesis).
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { MyWeek } from '../../../src/ui/salarie/MyWeek';
import { MyHours } from '../../../src/ui/salarie/MyHours';
import { MyCompetences } from '../../../src/ui/salarie/MyCompetences';
import { MyProgress } from '../../../src/ui/salarie/MyProgress';
import { MyObjectives } from '../../../src/ui/salarie/MyObjectives';
import { SharedWithMe } from '../../../src/ui/salarie/SharedWithMe';
import { MyPass } from '../../../src/ui/salarie/MyPass';
import { MyBadges } from '../../../src/ui/salarie/MyBadges';
import { SalarieHome } from '../../../src/ui/salarie/SalarieHome';
import { speech } from '../../../src/ui/salarie/readAloud';
import { STRUCTURE_ID } from '../services';
import { EMOJI, NOT_MINE, SALARIE, W, mount, seedSalarie } from './world';

const V = { structureId: STRUCTURE_ID, salarieId: W.sal1 };
const TODAY = '2026-11-20';

function expectNothingElse(root: Element) {
  for (const t of NOT_MINE) expect(root.textContent).not.toContain(t);
  expect(root.textContent).not.toMatch(EMOJI);
}

class FakeUtterance { lang = ''; rate = 1; onend: (() => void) | null = null; onerror: (() => void) | null = null; constructor(public text: string) {} }
const spoken: FakeUtterance[] = [];

beforeEach(() => {
  spoken.length = 0;
  (globalThis as { SpeechSynthesisUtterance?: unknown }).SpeechSynthesisUtterance = FakeUtterance;
  (globalThis as { speechSynthesis?: unknown }).speechSynthesis = {
    speak: (u: FakeUtterance) => spoken.push(u),
    cancel: () => spoken.at(-1)?.onend?.(),
  };
});
afterEach(() => { speech.stop(); cleanup(); });

describe('Ma semaine', () => {
  it('shows each day with the hours, the place, the task, the consignes and the EPI, with SVG pictures', async () => {
    const { services, view } = mount(SALARIE, <MyWeek viewer={V} today={TODAY} />);
    await seedSalarie(services);
    const item = await screen.findByTestId('week-item');
    expect(item.textContent).toContain('De 8 heures 30 à 12 heures.');
    expect(item.textContent).toContain('Je travaille à : Matin — Parc des Tilleuls.');
    expect(item.textContent).toContain('Mon travail : Tondre la pelouse.');
    expect(item.textContent).toContain('Les consignes : Baliser la zone avant de commencer.');
    expect(within(item).getByRole('list', { name: 'Je porte' }).textContent).toContain('casque antibruit');
    expect(item.querySelectorAll('svg').length).toBeGreaterThanOrEqual(6);
    expect(screen.getAllByTestId('week-day')).toHaveLength(5);
    expect(screen.getAllByText('Pas de travail prévu.')).toHaveLength(4);
    expectNothingElse(view.container);
  });

  it('reads the week aloud in French and shows « Arrêter » while it speaks', async () => {
    const { services } = mount(SALARIE, <MyWeek viewer={V} today={TODAY} />);
    await seedSalarie(services);
    await screen.findByTestId('week-item');
    const block = screen.getByTestId('block-week');
    fireEvent.click(within(block).getAllByRole('button', { name: /^Écouter/ })[0]!);
    expect(spoken.at(-1)?.lang).toBe('fr-FR');
    expect(spoken.at(-1)?.text).toContain('Mon travail : Tondre la pelouse.');
    fireEvent.click(await within(block).findByRole('button', { name: /^Arrêter/ }));
    await waitFor(() => expect(within(block).queryByRole('button', { name: /^Arrêter/ })).toBeNull());
  });

  it('goes to the next week and back', async () => {
    const { services } = mount(SALARIE, <MyWeek viewer={V} today={TODAY} />);
    await seedSalarie(services);
    await screen.findByTestId('week-item');
    fireEvent.click(screen.getByRole('button', { name: /La semaine d’après/ }));
    await waitFor(() => expect(screen.queryByTestId('week-item')).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: /Cette semaine/ }));
    await screen.findByTestId('week-item');
  });
});

describe('Mes heures', () => {
  it('says the hours of this month in words, mine only', async () => {
    const { services, view } = mount(SALARIE, <MyHours viewer={V} today={TODAY} />);
    await seedSalarie(services);
    await waitFor(() => expect(screen.getByTestId('hours-worked').textContent).toContain('J’ai travaillé 10 heures 30 minutes.'));
    expect(screen.getByText(/Je suis venu 2 jours/)).toBeTruthy();
    expect(screen.getAllByTestId('hours-day')).toHaveLength(2);
    expectNothingElse(view.container);
  });
});

describe('Mes compétences', () => {
  it('shows my level as a picture with words, and lets me self-assess on a scale of pictures', async () => {
    const { services, view } = mount(SALARIE, <MyCompetences viewer={V} writerId={SALARIE.id} />);
    await seedSalarie(services);
    await waitFor(() => expect(screen.getAllByTestId('my-competence').map((i) => i.querySelector('h3')?.textContent?.trim())).toEqual(['Tailler une haie', 'Tondre une pelouse']));
    const tonte = screen.getAllByTestId('my-competence')[1]!;
    expect(tonte.querySelector('p.level')?.textContent).toContain('Je fais avec de l’aide');
    expect(tonte.querySelector('p.level svg.level-ball')?.getAttribute('data-level')).toBe('2');
    fireEvent.click(within(tonte).getByRole('button', { name: /Et moi, je pense/ }));
    const choices = within(tonte).getByRole('group', { name: /Mon avis sur/ });
    expect(choices.querySelectorAll('button svg.level-ball')).toHaveLength(4);
    fireEvent.click(within(choices).getByRole('button', { name: /Je fais seul/ }));
    await screen.findByText('C’est noté : Je fais seul.');
    const self = (await services.db.table('evaluation').toArray()).find((e) => e.context === 'self');
    expect(self).toMatchObject({ salarieId: W.sal1, competenceId: W.tonte, level: 3, evaluatorId: SALARIE.id });
    await waitFor(() => expect(screen.getAllByTestId('my-competence')[1]!.textContent).toContain('Moi, je pense : Je fais seul'));
    expectNothingElse(view.container);
  });

  it('shows when I progressed', async () => {
    const { services } = mount(SALARIE, <MyProgress viewer={V} />);
    await seedSalarie(services);
    const step = await screen.findByTestId('progress-step');
    expect(step.textContent).toContain('Tondre une pelouse');
    expect(step.textContent).toContain('Je fais avec de l’aide');
    expect(step.textContent).toContain('jeudi 12 novembre 2026');
  });
});

describe('Mes objectifs', () => {
  it('says what I learn next and by when', async () => {
    const { services, view } = mount(SALARIE, <MyObjectives viewer={V} today={TODAY} />);
    await seedSalarie(services);
    const o = await screen.findByTestId('my-objective');
    expect(o.textContent).toContain('Tailler une haie');
    expect(o.textContent).toMatch(/Mon but :\s+Je fais avec de l’aide/);
    expect(o.textContent).toContain('Pour le dimanche 31 janvier 2027.');
    expect(o.textContent).toContain('Je continue.');
    expect(screen.getAllByTestId('my-objective')).toHaveLength(1);
    expectNothingElse(view.container);
  });
});

describe('Ce que mon encadrant a partagé avec moi', () => {
  it('shows the entries shared with me only', async () => {
    const { services, view } = mount(SALARIE, <SharedWithMe viewer={V} />);
    await seedSalarie(services);
    await screen.findByText('Bravo pour ta régularité');
    expect(screen.getAllByTestId('log-entry')).toHaveLength(1);
    expectNothingElse(view.container);
  });
});

describe('Mon PASS IAE', () => {
  it('shows the time used and left as a bar with words', async () => {
    const { services, view } = mount(SALARIE, <MyPass viewer={V} today={TODAY} />);
    await seedSalarie(services);
    const bar = await screen.findByRole('progressbar', { name: 'Temps passé sur mon PASS IAE' });
    // From 2026-01-01 to 2027-12-31 (730 days); on 2026-11-20, 323 days used, 407 left.
    expect(bar.getAttribute('aria-valuemax')).toBe('730');
    expect(bar.getAttribute('aria-valuenow')).toBe('323');
    expect(view.container.textContent).toContain('Temps qui reste : 407 jours.');
    expect(view.container.textContent).toContain('Fin : le vendredi 31 décembre 2027.');
  });
});

describe('Mes badges', () => {
  it('lists my badges with their download', async () => {
    const { services, view } = mount(SALARIE, <MyBadges viewer={V} />);
    await seedSalarie(services);
    const b = await screen.findByTestId('my-badge');
    expect(b.textContent).toContain('Tondre une pelouse');
    expect(b.textContent).toContain('Reçu le dimanche 15 novembre 2026.');
    expect(screen.getAllByTestId('my-badge')).toHaveLength(1);
    expectNothingElse(view.container);
  });
});

describe('the three pages', () => {
  it('« Mes papiers » shows the PASS and the badges, with an SVG beside every button', async () => {
    const { services, view } = mount(SALARIE, <SalarieHome salarieId={W.sal1} page="papiers" />);
    await seedSalarie(services);
    await screen.findByTestId('my-badge');
    await screen.findByTestId('pass-bar');
    for (const b of view.container.querySelectorAll('button')) expect(b.querySelector('svg')).not.toBeNull();
    expect(view.container.querySelector('.falc')).not.toBeNull();
    expectNothingElse(view.container);
  });
});
