// Runs in Chromium (loaded by bench/competences.ts through Vite): fills a real IndexedDB with a
// team of 30 salariés × 60 competences (3 evaluations per cell) and a livret of 500 entries,
// then times the matrix render, a level change saved in two taps, and the livret opening.
//
// What is measured for the matrix (a windowed grid: only the cells in view are in the DOM):
// - matrixRender*: from render() to the first frame whose DOM holds the cells in view of the
//   scroll box (rows × columns not hidden under the sticky header and name column: its four
//   corners are checked each frame, a cheap check since it is inside the timed span), then a
//   setTimeout(0) posted from that frame, so the frame's style, layout and paint are included.
//   After each run (untimed) the bench asserts that those cells are present, at the right place on
//   screen, and show the right level (parsed from their aria-label and compared with the seed).
// - cold: a new Dexie connection to the same database, so nothing is in the screen's memory caches
//   (they are per connection): the stored levels (cells) are read from IndexedDB. It is the first open after
//   starting the app; the code is already loaded and IndexedDB's own files are warm (an open right
//   after a tablet reboot would be slower). warm: the same connection again (reopening the screen),
//   painted from memory while the live reads confirm it. firstOpenAfterHomeWarmed: a new connection
//   whose memory « Aujourd'hui » filled when idle (warmMatrix, untimed), then the first open.
//   shownFromHomeBuiltAhead: as in the app, where « Aujourd'hui » announces the matrix and the
//   screen stack builds it ahead, hidden: from the tap to the painted cells.
// - matrixScrollToCornerMs: a jump to the far corner (the 1,800th cell) until it is painted: all
//   cells are reachable by scrolling, each window in about this time.
// - level*: a tap on a cell, then on a level. ToShown: until the panel is closed and the cell shows
//   the new level (the display is optimistic). ToSaved: until repository.write resolved (IndexedDB
//   committed, outbox entry included). levelWriteMedianMs: the write alone.
import { h, render } from 'preact';
import { openDeviceDb, type DeviceDb } from '../src/client/db';
import { rebuildCurrentLevels } from '../src/client/currentLevels';
import { createQueries } from '../src/client/queries';
import { createRepository } from '../src/client/repository';
import { uuidv7 } from '../src/domain/ids';
import { Matrice } from '../src/ui/competences/Matrice';
import { CELL, HEAD_HEIGHT, NAME_WIDTH } from '../src/ui/competences/grid';
import { warmMatrix } from '../src/ui/competences/matrixMemory';
import { isoDay } from '../src/ui/shell/format';
import { ScreenStack } from '../src/ui/shell/ScreenStack';
import { screenAhead } from '../src/ui/shell/hooks/screenAhead';
import { Livret } from '../src/ui/livret/LivretTimeline';
import { ServicesContext, type Services } from '../src/ui/shell/services';
import type { SessionUser } from '../src/sync/protocol';
import { createAdminApi } from '../src/client/admin';
import { createCalendarApi } from '../src/client/calendar';

declare global {
  interface Window { benchWarmRuns?: number; benchResult?: unknown; benchError?: string; benchHook?: (phase: string, edge: string) => Promise<void> }
}

const STRUCTURE = uuidv7();
const user: SessionUser = { id: uuidv7(), role: 'eti', structureId: STRUCTURE, displayName: 'Banc' };

function until(check: () => boolean, timeoutMs = 60_000): Promise<number> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (check()) resolve(performance.now() - start);
      else if (performance.now() - start > timeoutMs) reject(new Error('timeout'));
      else requestAnimationFrame(tick);
    };
    tick();
  });
}

const writeMs: number[] = [];
/** When the last write resolved (performance.now()), for tap → saved. */
let lastWriteDone = 0;

function servicesFor(db: DeviceDb): Services {
  const repo = createRepository(db, { structureId: STRUCTURE });
  return {
    // One query object per connection, as on a device: its memory (the matrix's) is per connection.
    queries: createQueries(db),
    // No server here: the coordinator's online calls fail as offline.
    admin: createAdminApi({ call: () => Promise.reject(new TypeError('Failed to fetch')) }),
    calendar: createCalendarApi({ call: () => Promise.reject(new TypeError('Failed to fetch')) }),
    write: async (e, id, set) => { const t = performance.now(); await repo.write(e, id, set); lastWriteDone = performance.now(); writeMs.push(lastWriteDone - t); },
    writeMany: async (changes) => { await repo.writeMany(changes); },
    remove: async (e, id) => { await repo.remove(e, id); },
    dismissRejected: async (seq) => { await repo.dismissRejected(seq); },
    login: async () => undefined, logout: async () => undefined, syncNow: async () => undefined,
    session: { get: () => user, subscribe: () => () => undefined },
    sync: { get: () => ({ online: true, pending: 0, syncing: false, updateRequired: false, rejectedCount: 0 }), subscribe: () => () => undefined },
    now: () => new Date(),
  };
}

/** Resolves after the frame in which check() first holds has been rendered (style, layout, paint). */
function untilPainted(check: () => boolean, start = performance.now(), timeoutMs = 60_000): Promise<number> {
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (check()) setTimeout(() => resolve(performance.now() - start), 0);
      else if (performance.now() - start > timeoutMs) reject(new Error('timeout'));
      else requestAnimationFrame(tick);
    };
    tick();
  });
}

const ROWS = 30;
const COLS = 60;

/** The rows and columns [start, end) whose cells are at least partly in view of the scroll box. */
function inView(box: HTMLElement): { rows: [number, number]; cols: [number, number] } {
  const span = (scroll: number, size: number, fixed: number, count: number): [number, number] =>
    [Math.min(count, Math.floor(scroll / CELL)), Math.min(count, Math.ceil((scroll + size - fixed) / CELL))];
  return { rows: span(box.scrollTop, box.clientHeight, HEAD_HEIGHT, ROWS), cols: span(box.scrollLeft, box.clientWidth, NAME_WIDTH, COLS) };
}

function cellAt(root: HTMLElement, row: number, col: number): HTMLElement | null {
  return root.querySelector<HTMLElement>(`[aria-rowindex="${row + 2}"] [role="gridcell"][aria-colindex="${col + 2}"]`);
}

/**
 * Run every frame while timing, so it must cost little (it is inside the measured time): the four
 * corner cells of the view are in the DOM. A render commits all its rows at once, so the corners
 * stand for the whole view; assertVisibleCells (untimed) then checks every cell.
 */
function visibleCellsPresent(root: HTMLElement): boolean {
  const box = root.querySelector<HTMLElement>('.matrix-scroll');
  // Not a grid built ahead and kept hidden (ScreenStack): it is laid out, but not shown.
  if (box === null || box.clientHeight === 0 || box.closest('.kept') !== null) return false;
  const v = inView(box);
  if (v.rows[1] <= v.rows[0] || v.cols[1] <= v.cols[0]) return false;
  for (const r of [v.rows[0], v.rows[1] - 1]) for (const c of [v.cols[0], v.cols[1] - 1]) if (cellAt(root, r, c) === null) return false;
  return true;
}

/**
 * Untimed: every cell in view is on screen where its row and column say, and shows the seeded
 * level (official = the k=2 evaluation, (j + 2) % 5; self-assessment (j + 3) % 5 always differs).
 */
function assertVisibleCells(root: HTMLElement): number {
  const box = root.querySelector<HTMLElement>('.matrix-scroll')!;
  const boxRect = box.getBoundingClientRect();
  const v = inView(box);
  let n = 0;
  for (let r = v.rows[0]; r < v.rows[1]; r++) {
    for (let c = v.cols[0]; c < v.cols[1]; c++) {
      const cell = cellAt(root, r, c);
      if (cell === null) throw new Error(`cell ${r},${c} in view but not rendered`);
      const text = cell.getAttribute('aria-label') ?? '';
      const m = /^Prénom(\d+) Nom\d+, Compétence (\d+) : (\d) .*auto-évaluation (\d)/.exec(text);
      if (m === null) throw new Error(`cell ${r},${c}: unexpected text « ${text} »`);
      const j = Number(m[2]);
      if (Number(m[3]) !== (j + 2) % 5 || Number(m[4]) !== (j + 3) % 5) throw new Error(`cell ${r},${c}: wrong level « ${text} »`);
      if (cell.textContent !== `${(j + 2) % 5} A${(j + 3) % 5}` || !cell.classList.contains(`lvl-${(j + 2) % 5}`)) throw new Error(`cell ${r},${c}: wrong visible level « ${cell.textContent} »`);
      const rect = cell.getBoundingClientRect();
      const x = boxRect.left + box.clientLeft + NAME_WIDTH + c * CELL - box.scrollLeft;
      const y = boxRect.top + box.clientTop + HEAD_HEIGHT + r * CELL - box.scrollTop;
      if (Math.abs(rect.left - x) > 1.5 || Math.abs(rect.top - y) > 1.5) throw new Error(`cell ${r},${c} at ${rect.left},${rect.top}, expected ${x},${y}`);
      n++;
    }
  }
  return n;
}

async function run() {
  const dbName = `bench-comp-${Date.now()}`;
  const db = openDeviceDb(dbName);
  const services = servicesFor(db);
  // Bulk fill straight into the tables (the bench is about reading and one write, not seeding).
  const rec = (fields: Record<string, unknown>) => ({ id: uuidv7(), structureId: STRUCTURE, _clocks: {}, _deleted: 0 as const, ...fields });
  const activity = rec({ name: 'Espaces verts' });
  const team = rec({ name: 'Équipe banc', etiUserIds: [user.id], activityId: activity.id });
  const salaries = Array.from({ length: 30 }, (_, i) => rec({ firstName: `Prénom${i}`, lastName: `Nom${i}` }));
  const competences = Array.from({ length: 60 }, (_, i) => rec({ activityId: activity.id, label: `Compétence ${String(i).padStart(2, '0')}`, pictogram: '🌱' }));
  const evaluations = salaries.flatMap((s) => competences.flatMap((c, j) => [1, 2, 3].map((k) => rec({
    salarieId: s.id, competenceId: c.id, level: (j + k) % 5, context: k === 3 ? 'self' : 'production', date: `2026-0${k}-1${j % 9}`, evaluatorId: user.id,
  }))));
  await db.table('activity').add(activity);
  await db.table('team').add(team);
  await db.table('salarie').bulkAdd(salaries);
  await db.table('membership').bulkAdd(salaries.map((s) => rec({ teamId: team.id, salarieId: s.id, from: '2020-01-01' })));
  await db.table('competence').bulkAdd(competences);
  await db.table('evaluation').bulkAdd(evaluations);
  // Filled past the repository: the matrix's stored levels are built as the version 9 upgrade builds them.
  await rebuildCurrentLevels(db);
  const sal0 = salaries[0]!;
  await db.table('logEntry').bulkAdd(Array.from({ length: 500 }, (_, i) => rec({
    salarieId: sal0.id, authorId: user.id, date: `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`, category: i % 10 === 0 ? 'alerte' : 'technique',
    text: `Observation numéro ${i} : le geste progresse, à revoir la semaine prochaine avec l’équipe.`, visibility: 'team', alert: i % 10 === 0,
  })));

  const qs: number[] = [];
  for (let i = 0; i < 3; i++) { const t = performance.now(); await services.queries.competences.matrixData(new Date().toISOString().slice(0, 10), '', activity.id); qs.push(performance.now() - t); }
  const evs: number[] = [];
  for (let i = 0; i < 3; i++) { const t = performance.now(); await db.table('evaluation').toArray(); evs.push(performance.now() - t); }
  // What the matrix's first open reads now: the stored cells of the team (one row per cell).
  const frames: number[] = [];
  // The frame's read on a connection already open, and opening a connection alone (the figure
  // above opens one per read and leaves it open, as a first open after a start does not).
  const framesOpen: number[] = [];
  const opens: number[] = [];
  for (let i = 0; i < 3; i++) { const t = performance.now(); await createQueries(openDeviceDb(dbName)).competences.matrixFrame(isoDay(new Date()), '', ''); frames.push(performance.now() - t); }
  for (let i = 0; i < 3; i++) {
    const fresh = openDeviceDb(dbName);
    const t = performance.now(); await fresh.open(); opens.push(performance.now() - t);
    const t2 = performance.now(); await createQueries(fresh).competences.matrixFrame(isoDay(new Date()), '', ''); framesOpen.push(performance.now() - t2);
    fresh.close();
  }
  const stored: number[] = [];
  for (let i = 0; i < 3; i++) { const t = performance.now(); await services.queries.competences.cellsOfMany(salaries.map((s) => s.id), salaries.length); stored.push(performance.now() - t); }
  const root = document.getElementById('root')!;
  const mountMatrix = (svc: Services) => {
    render(null, root);
    const t0 = performance.now();
    render(h(ServicesContext.Provider, { value: svc }, h(Matrice, {})), root);
    return t0;
  };
  // Phase hooks let bench/competencesProfile.ts profile one phase at a time (absent otherwise).
  const hook = async (phase: string, edge: string) => { await window.benchHook?.(phase, edge); };
  const cold: number[] = [];
  const warm: number[] = [];
  let visibleCells = 0;
  await hook('matrix', 'start');
  // Cold: a fresh connection each time, so the screen's memory caches are empty.
  for (let i = 0; i < 3; i++) {
    const fresh = openDeviceDb(dbName);
    const freshServices = servicesFor(fresh);
    // The last cold open alone, for PHASES=cold (the first also pays the page's first styling).
    if (i === 2) await hook('cold', 'start');
    const t0 = mountMatrix(freshServices);
    cold.push(await untilPainted(() => visibleCellsPresent(root), t0));
    if (i === 2) await hook('cold', 'stop');
    visibleCells = assertVisibleCells(root);
    render(null, root);
    fresh.close();
    await new Promise((r) => setTimeout(r, 200));
  }
  // First open after « Aujourd'hui » warmed the matrix when idle: a fresh connection, warmed
  // (untimed, as the home does it before the ETI taps « Matrice »), then opened.
  const afterHome: number[] = [];
  for (let i = 0; i < 3; i++) {
    const fresh = openDeviceDb(dbName);
    const freshServices = servicesFor(fresh);
    await warmMatrix(freshServices.queries, user.id, isoDay(new Date()));
    const t0 = mountMatrix(freshServices);
    afterHome.push(await untilPainted(() => visibleCellsPresent(root), t0));
    assertVisibleCells(root);
    render(null, root);
    fresh.close();
    await new Promise((r) => setTimeout(r, 200));
  }
  // Warm: the same connection, reopened (the first open fills its caches and is not counted).
  mountMatrix(services);
  await untilPainted(() => visibleCellsPresent(root));
  await new Promise((r) => setTimeout(r, 300));
  await hook('matrix', 'stop');
  // Opened from the home in the app: « Aujourd'hui » announced the matrix, so the screen stack has
  // built it ahead and keeps it laid out but hidden; the tap only shows it (ScreenStack.tsx).
  const fromHome: number[] = [];
  {
    render(null, root);
    screenAhead.set('bench', { userId: user.id, routes: ['/matrice'] });
    const screen = (r: string) => (r === '/matrice' ? h(Matrice, {}) : h('p', null, 'Accueil'));
    const stackAt = (route: string) => h(ServicesContext.Provider, { value: services }, h(ScreenStack, { route, user, render: screen }));
    render(stackAt('/'), root);
    await until(() => root.querySelector('.kept [role="gridcell"]') !== null);
    await new Promise((r) => setTimeout(r, 500));
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      render(stackAt('/matrice'), root);
      fromHome.push(await untilPainted(() => visibleCellsPresent(root), t0));
      assertVisibleCells(root);
      render(stackAt('/'), root);
      await new Promise((r) => setTimeout(r, 300));
    }
    render(null, root);
    screenAhead.set('bench', null);
  }
  const warmRuns = window.benchWarmRuns ?? 5;
  for (let i = 0; i < warmRuns; i++) {
    // The last warm open alone can be traced (PHASES=matrix-warm1 TIMELINE=1).
    if (i === warmRuns - 1) await hook('matrix-warm1', 'start');
    const t0 = mountMatrix(services);
    warm.push(await untilPainted(() => visibleCellsPresent(root), t0));
    if (i === warmRuns - 1) await hook('matrix-warm1', 'stop');
    assertVisibleCells(root);
    await new Promise((r) => setTimeout(r, 300));
  }
  const renderedCells = root.querySelectorAll('[data-testid="matrix-cell"]').length;
  const renderedNodes = root.querySelectorAll('*').length;

  // Every cell is reachable: jump to the far corner, then back to the start.
  const box = root.querySelector<HTMLElement>('.matrix-scroll')!;
  const jumps: number[] = [];
  for (const [top, left, r, c] of [[ROWS * CELL, COLS * CELL, ROWS - 1, COLS - 1], [0, 0, 0, 0], [ROWS * CELL, COLS * CELL, ROWS - 1, COLS - 1]] as const) {
    const t0 = performance.now();
    box.scrollTop = top; box.scrollLeft = left;
    jumps.push(await untilPainted(() => cellAt(root, r, c) !== null && visibleCellsPresent(root), t0));
    assertVisibleCells(root);
  }
  box.scrollTop = 0; box.scrollLeft = 0;
  await until(() => cellAt(root, 0, 0) !== null && visibleCellsPresent(root));
  await new Promise((r) => setTimeout(r, 300));

  const shown: number[] = [];
  const savedFromTap: number[] = [];
  const closed: number[] = [];
  await hook('level', 'start');
  for (let i = 0; i < 5; i++) {
    const cell = cellAt(root, i, i)!;
    cell.click();
    await until(() => root.querySelector('.cell-panel') !== null);
    const before = cell.getAttribute('aria-label') ?? '';
    const target = before.includes(': 4 ') ? 1 : 4;
    const button = [...root.querySelectorAll<HTMLButtonElement>('.level-choice')].find((b) => b.querySelector('span')?.textContent?.startsWith(`${target} ·`) === true)!;
    const writesBefore = writeMs.length;
    const t0 = performance.now();
    button.click();
    closed.push(await untilPainted(() => root.querySelector('.cell-panel') === null, t0));
    shown.push(await untilPainted(() => (cellAt(root, i, i)?.getAttribute('aria-label') ?? '').includes(`: ${target} `), t0));
    await until(() => writeMs.length > writesBefore);
    savedFromTap.push(lastWriteDone - t0);
    // Let the live re-read and the « Enregistré » message settle before the next change.
    await new Promise((r) => setTimeout(r, 400));
  }
  await hook('level', 'stop');

  const livretRuns: number[] = [];
  await hook('livret', 'start');
  for (let i = 0; i < 3; i++) {
    render(null, root);
    const t0 = performance.now();
    render(h(ServicesContext.Provider, { value: services }, h(Livret, { salarieId: sal0.id, user })), root);
    await until(() => root.querySelectorAll('[data-testid="log-entry"]').length > 0);
    livretRuns.push(performance.now() - t0);
  }
  await hook('livret', 'stop');

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  window.benchResult = {
    evaluations: evaluations.length, matrixQueryMs: qs.map(Math.round), evaluationTableReadMs: evs.map(Math.round), storedLevelsReadMs: stored.map(Math.round), matrixFrameColdReadMs: frames.map(Math.round), dbOpenMs: opens.map(Math.round), matrixFrameOpenReadMs: framesOpen.map(Math.round),
    visibleCellsChecked: visibleCells, renderedCells, renderedNodes,
    matrixRenderColdMs: cold.map(Math.round), matrixRenderColdMedianMs: Math.round(median(cold)),
    matrixRenderFirstOpenAfterHomeWarmedMs: afterHome.map(Math.round),
    matrixShownFromHomeBuiltAheadMs: fromHome.map(Math.round),
    matrixRenderWarmMs: warm.map(Math.round), matrixRenderWarmMedianMs: Math.round(median(warm)),
    matrixScrollToCornerMs: jumps.map(Math.round),
    levelWriteMedianMs: Math.round(median(writeMs)), levelTapToPanelClosedMedianMs: Math.round(median(closed)),
    levelTapToShownMedianMs: Math.round(median(shown)), levelTapToSavedMedianMs: Math.round(median(savedFromTap)),
    livret500OpenMs: livretRuns.map(Math.round), livret500OpenMedianMs: Math.round(median(livretRuns)),
  };
}


run().catch((e: unknown) => { window.benchError = String(e instanceof Error ? e.stack : e); });
