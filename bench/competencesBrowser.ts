// Runs in Chromium (loaded by bench/competences.ts through Vite): fills a real IndexedDB with a
// team of 30 salariés × 60 competences (3 evaluations per cell) and a livret of 500 entries,
// then times the matrix render, a level change saved in two taps, and the livret opening.
import { h, render } from 'preact';
import { openDeviceDb } from '../src/client/db';
import { createRepository } from '../src/client/repository';
import { uuidv7 } from '../src/domain/ids';
import { Matrice } from '../src/ui/competences/Matrice';
import { matrixData } from '../src/ui/competences/data';
import { Livret } from '../src/ui/screens/Livret';
import { ServicesContext, type Services } from '../src/ui/services';
import type { SessionUser } from '../src/sync/protocol';

declare global {
  interface Window { benchResult?: unknown; benchError?: string; benchHook?: (phase: string, edge: string) => Promise<void> }
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

async function run() {
  const db = openDeviceDb(`bench-comp-${Date.now()}`);
  const repo = createRepository(db, { structureId: STRUCTURE });
  const services: Services = {
    db,
    write: async (e, id, set) => { const t = performance.now(); await repo.write(e, id, set); writeMs.push(performance.now() - t); },
    remove: async (e, id) => { await repo.remove(e, id); },
    login: async () => undefined, logout: async () => undefined, syncNow: async () => undefined,
    session: { get: () => user, subscribe: () => () => undefined },
    sync: { get: () => ({ online: true, pending: 0, syncing: false, updateRequired: false, rejectedCount: 0 }), subscribe: () => () => undefined },
    now: () => new Date(),
  };
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
  const sal0 = salaries[0]!;
  await db.table('logEntry').bulkAdd(Array.from({ length: 500 }, (_, i) => rec({
    salarieId: sal0.id, authorId: user.id, date: `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`, category: i % 10 === 0 ? 'alerte' : 'technique',
    text: `Observation numéro ${i} : le geste progresse, à revoir la semaine prochaine avec l’équipe.`, visibility: 'team', alert: i % 10 === 0,
  })));

  const qs: number[] = [];
  for (let i = 0; i < 3; i++) { const t = performance.now(); await matrixData(db, new Date().toISOString().slice(0, 10), '', activity.id); qs.push(performance.now() - t); }
  const evs: number[] = [];
  for (let i = 0; i < 3; i++) { const t = performance.now(); await db.table('evaluation').toArray(); evs.push(performance.now() - t); }
  const root = document.getElementById('root')!;
  const matrixRuns: number[] = [];
  // Phase hooks let bench/competencesProfile.ts profile one phase at a time (absent otherwise).
  const hook = async (phase: string, edge: string) => { await window.benchHook?.(phase, edge); };
  await hook('matrix', 'start');
  for (let i = 0; i < 3; i++) {
    render(null, root);
    const t0 = performance.now();
    render(h(ServicesContext.Provider, { value: services }, h(Matrice, {})), root);
    // The cheap check first: counting 1,800 cells on every frame costs the page itself ~10 ms ×4.
    await until(() => root.querySelector('[data-testid="matrix-cell"]') !== null && root.querySelectorAll('[data-testid="matrix-cell"]').length === 30 * 60);
    matrixRuns.push(performance.now() - t0);
  }
  await hook('matrix', 'stop');
  const c0 = performance.now();
  for (let i = 0; i < 10; i++) void root.querySelectorAll('[data-testid="matrix-cell"]').length;
  const countCheckMs = (performance.now() - c0) / 10;

  const saves: number[] = [];
  const visible: number[] = [];
  await hook('level', 'start');
  for (let i = 0; i < 5; i++) {
    const cell = root.querySelectorAll<HTMLButtonElement>('[data-testid="matrix-cell"]')[i * 61]!;
    cell.click();
    await until(() => root.querySelector('.cell-panel') !== null);
    const before = cell.querySelector('.sr-only')?.textContent ?? '';
    const target = before.includes(': 4 ') ? 1 : 4;
    const button = [...root.querySelectorAll<HTMLButtonElement>('.level-choice')].find((b) => b.textContent?.startsWith(`${LEVEL_SYMBOLS[target]}${target} ·`))!;
    const t0 = performance.now();
    const writeDone = until(() => root.querySelector('.cell-panel') === null);
    button.click();
    saves.push(await writeDone);
    await until(() => (root.querySelectorAll<HTMLButtonElement>('[data-testid="matrix-cell"]')[i * 61]?.querySelector('.sr-only')?.textContent ?? '').includes(`: ${target} `));
    visible.push(performance.now() - t0);
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
    evaluations: evaluations.length, matrixQueryMs: qs.map(Math.round), evaluationTableReadMs: evs.map(Math.round),
    matrixRenderMs: matrixRuns.map(Math.round), countCheckMs: Math.round(countCheckMs * 10) / 10, matrixRenderMedianMs: Math.round(median(matrixRuns)),
    levelWriteMedianMs: Math.round(median(writeMs)), levelTwoTapsToPanelClosedMedianMs: Math.round(median(saves)), levelVisibleMedianMs: Math.round(median(visible)),
    livret500OpenMs: livretRuns.map(Math.round), livret500OpenMedianMs: Math.round(median(livretRuns)),
  };
}

const LEVEL_SYMBOLS = ['○', '◔', '◑', '◕', '●'] as const;

run().catch((e: unknown) => { window.benchError = String(e instanceof Error ? e.stack : e); });
