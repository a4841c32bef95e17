// @vitest-environment jsdom
// The windowed matrix on a full team (30 salariés × 60 competences): only the cells in view are in
// the DOM, with the right levels; scrolling renders other rows and columns; the grid tells its
// full size to screen readers; arrow keys move between cells, keeping focus on a rendered cell.
// jsdom has no layout: the scroll box measures 0, so the grid uses its default viewport.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { Matrice } from '../../../src/ui/competences/Matrice';
import { CELL, DEFAULT_VIEWPORT, HEAD_HEIGHT, NAME_WIDTH } from '../../../src/ui/competences/grid';
import type { Services } from '../../../src/ui/shell/services';
import { ETI_ID, STRUCTURE_ID } from '../services';
import { ETI, evaluate, mount, nextId } from './world';

afterEach(cleanup);

const ROWS = 30;
const COLS = 60;
const pad = (n: number) => String(n).padStart(2, '0');
const salarie = (i: number) => `01900000-0000-7000-8001-0000000000${pad(i)}`;
const competence = (j: number) => `01900000-0000-7000-8002-0000000000${pad(j)}`;
const name = (i: number) => `Prénom${pad(i)} Nom${pad(i)}`;
const label = (j: number) => `Compétence ${pad(j)}`;

async function seedTeam(s: Services) {
  const put = (entity: Parameters<Services['write']>[0], id: string, set: Record<string, unknown>) => s.write(entity, id, { structureId: STRUCTURE_ID, ...set });
  const activity = nextId();
  const team = nextId();
  await put('user', ETI_ID, { login: 'eti1', displayName: 'Karim Benali', role: 'eti' });
  await put('activity', activity, { name: 'Espaces verts' });
  await put('team', team, { name: 'Équipe A', etiUserIds: [ETI_ID], activityId: activity });
  for (let i = 0; i < ROWS; i++) {
    await put('salarie', salarie(i), { firstName: `Prénom${pad(i)}`, lastName: `Nom${pad(i)}`, entryDate: '2026-01-05' });
    await put('membership', nextId(), { teamId: team, salarieId: salarie(i), from: '2026-01-01' });
  }
  for (let j = 0; j < COLS; j++) await put('competence', competence(j), { activityId: activity, label: label(j), pictogram: '', kind: 'technique' });
  // Levels in the first screen, in the far corner, and one in the middle.
  await evaluate(s, salarie(0), competence(1), 3, 'production', '2026-11-02');
  await evaluate(s, salarie(1), competence(0), 1, 'production', '2026-11-02');
  await evaluate(s, salarie(29), competence(59), 4, 'production', '2026-11-02');
  await evaluate(s, salarie(15), competence(30), 2, 'production', '2026-11-02');
}

const cellByName = (re: RegExp) => screen.queryByRole('gridcell', { name: re });
const scrollBox = () => document.querySelector<HTMLElement>('.matrix-scroll')!;

function scrollTo(top: number, left: number) {
  const box = scrollBox();
  box.scrollTop = top;
  box.scrollLeft = left;
  fireEvent.scroll(box);
}

async function setup() {
  const m = mount(ETI, <Matrice />);
  await seedTeam(m.services);
  const grid = await screen.findByRole('grid');
  // The last seeded levels in view have arrived (the earlier ones were written before them).
  await waitFor(() => expect(cellByName(/^Prénom01 Nom01, Compétence 00 : 1 Découverte/)).toBeTruthy(), { timeout: 5000 });
  await waitFor(() => expect(cellByName(/^Prénom00 Nom00, Compétence 01 : 3 Acquis/)).toBeTruthy());
  return { ...m, grid };
}

describe('matrice fenêtrée (30 salariés × 60 compétences)', () => {
  it('renders only the cells in view, with the right levels, and tells the full size', async () => {
    const { grid } = await setup();
    expect(grid.getAttribute('aria-rowcount')).toBe(String(ROWS + 1));
    expect(grid.getAttribute('aria-colcount')).toBe(String(COLS + 1));
    const cells = screen.getAllByTestId('matrix-cell');
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.length).toBeLessThan(ROWS * COLS / 2);
    // The default viewport shows the first rows and columns, each cell by its position.
    const rowsInView = Math.floor((DEFAULT_VIEWPORT.height - HEAD_HEIGHT) / CELL);
    const colsInView = Math.floor((DEFAULT_VIEWPORT.width - NAME_WIDTH) / CELL);
    for (let i = 0; i < rowsInView; i++) {
      const row = grid.querySelector(`[role="row"][aria-rowindex="${i + 2}"]`)!;
      expect(within(row as HTMLElement).getByRole('rowheader').textContent).toBe(name(i));
      for (let j = 0; j < colsInView; j++) {
        const gc = row.querySelector(`[role="gridcell"][aria-colindex="${j + 2}"]`);
        expect(gc, `row ${i} col ${j}`).not.toBeNull();
        const expected = i === 0 && j === 1 ? 3 : i === 1 && j === 0 ? 1 : 0;
        expect(gc!.getAttribute('aria-label')).toMatch(new RegExp(`^${name(i)}, ${label(j)} : ${expected} `));
        // The number is text; the symbol is the level's picture (class lvl-N).
        expect(gc!.textContent).toBe(String(expected));
        expect(gc!.classList.contains(`lvl-${expected}`)).toBe(true);
      }
    }
    expect(cellByName(/^Prénom00 Nom00, Compétence 01 : 3 Acquis/)!.className).toContain('lvl-3');
    expect(screen.getByRole('columnheader', { name: label(0) })).toBeTruthy();
    // Far away cells are not rendered.
    expect(cellByName(/^Prénom29 Nom29, Compétence 59/)).toBeNull();
    expect(screen.queryByRole('columnheader', { name: label(59) })).toBeNull();
  });

  it('renders other rows and columns when scrolled', async () => {
    await setup();
    scrollTo((ROWS - 1) * CELL, (COLS - 1) * CELL);
    await waitFor(() => expect(cellByName(/^Prénom29 Nom29, Compétence 59 : 4 Maîtrisé/)).toBeTruthy());
    expect(screen.getByRole('columnheader', { name: label(59) })).toBeTruthy();
    expect(screen.getByRole('rowheader', { name: name(29) })).toBeTruthy();
    expect(cellByName(/^Prénom00 Nom00, Compétence 01/)).toBeNull();
    scrollTo(14 * CELL, 28 * CELL);
    await waitFor(() => expect(cellByName(/^Prénom15 Nom15, Compétence 30 : 2 En cours/)).toBeTruthy());
    expect(cellByName(/^Prénom29 Nom29, Compétence 59/)).toBeNull();
  });

  it('updates a cell after two taps on a scrolled grid', async () => {
    const { services } = await setup();
    scrollTo(14 * CELL, 28 * CELL);
    fireEvent.click(await screen.findByRole('gridcell', { name: /^Prénom16 Nom16, Compétence 31 : 0/ }));
    fireEvent.click(await screen.findByRole('button', { name: /^2 · En cours/ }));
    await waitFor(() => expect(cellByName(/^Prénom16 Nom16, Compétence 31 : 2 En cours/)).toBeTruthy());
    await screen.findByText('Enregistré : Prénom16 Nom16 — Compétence 31 : En cours.', undefined, { timeout: 5000 });
    const rows = await services.db.table('evaluation').where('salarieId').equals(salarie(16)).toArray();
    expect(rows).toMatchObject([{ competenceId: competence(31), level: 2 }]);
  });

  it('opens a cell with Enter or Space, as a tap does', async () => {
    await setup();
    const c = cellByName(/^Prénom01 Nom01, Compétence 00/)!;
    c.focus();
    fireEvent.keyDown(c, { key: 'Enter' });
    await screen.findByRole('button', { name: /^2 · En cours/ });
    expect(screen.getByRole('dialog').textContent).toContain('Prénom01 Nom01');
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    const d = cellByName(/^Prénom00 Nom00, Compétence 01/)!;
    fireEvent.keyDown(d, { key: ' ' });
    await waitFor(() => expect(screen.getByRole('dialog').textContent).toContain('Compétence 01'));
  });

  it('moves between cells with the arrow keys, one tab stop, focus kept on a rendered cell', async () => {
    await setup();
    const tabbable = () => screen.getAllByTestId('matrix-cell').filter((b) => b.tabIndex === 0);
    expect(tabbable()).toHaveLength(1);
    const first = tabbable()[0]!;
    expect(first.getAttribute('aria-label')).toMatch(/^Prénom00 Nom00, Compétence 00/);
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowRight' });
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^Prénom00 Nom00, Compétence 01 : 3/));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^Prénom01 Nom01, Compétence 01/));
    // Ctrl+End: the far corner, scrolled into view and focused.
    fireEvent.keyDown(document.activeElement!, { key: 'End', ctrlKey: true });
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^Prénom29 Nom29, Compétence 59 : 4/));
    expect(scrollBox().scrollTop).toBeGreaterThan(0);
    expect(scrollBox().scrollLeft).toBeGreaterThan(0);
    expect(tabbable()).toHaveLength(1);
    // Scrolled back to the top by other means, the focused cell stays rendered (and focused).
    scrollTo(0, 0);
    await waitFor(() => expect(cellByName(/^Prénom00 Nom00, Compétence 00/)).toBeTruthy());
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^Prénom29 Nom29, Compétence 59/);
  });
});
