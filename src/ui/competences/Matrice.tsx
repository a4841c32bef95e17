// The matrice de positionnement: a team × competences grid for one activity. Each cell shows the
// current level as symbol + number (colour only doubles it), a mark when the salarié's own
// self-assessment differs, and the state of an objective (due, late). Tap a cell, tap a level.
//
// Performance choices (issue 5: 30 × 60 rendered ≤ 50 ms, a level change shown ≤ 100 ms, CPU ×4):
// - The grid is windowed (MatrixGrid.tsx): only the cells in view are in the DOM.
// - The screen is read in two parts (client/queries/matrix.ts): a small « frame » (activities,
//   teams, names, competences, objectives) in one live read, and the cells in one live read per
//   salarié. The cells are the levels the device stores per salarié × competence, kept with the
//   evaluations by the repository and the pull (client/currentLevels.ts): a first open reads one
//   row per cell, not the team's 5,400 evaluations, and a level change re-reads one salarié's
//   ~60 cells. The evaluations are read only for the open cell's history.
// - Both are kept per device in memory (queries.competences.matrixMemory): reopening the matrix
//   paints at once from memory while the live reads confirm it; a re-read that changed nothing
//   renders nothing.
//   « Aujourd'hui » fills that memory when the tablet is idle, so the first open is as fast; a
//   first open before that reads the stored cells from IndexedDB (the cold figure).
// - A chosen level is shown and the panel closed at the tap (optimistic), then written. If the
//   write fails the cell goes back to its previous level, a French alert says what was not saved
//   and the panel reopens with the same context and comment: nothing typed is lost, and the
//   repository's single transaction means nothing is half-written.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Queries } from '../../client/queries';
import type { Evaluation, MatrixFrame, Objective, SalarieCells } from '../../client/queries/competences';
import { frameKey, sameCells } from '../../client/queries/competences';
import type { SalarieRow } from '../../client/queries/teams';
import { observe } from '../../client/queries/live';
import { LEVEL_INFO, matrixKey, toLevel, withEvaluations, type MatrixCell } from '../../domain/rules/matrix';
import { selfGap } from '../../domain/competences/selfAssessment';
import { cellObjective } from '../../domain/competences/objectives';
import { fullName } from '../../domain/people';
import { useServices } from '../shell/services';
import { useExternal } from '../shell/hooks/useExternal';
import { useLiveQuery } from '../shell/hooks/useLiveQuery';
import { isoDay } from '../shell/format';
import { writeErrorMessage } from '../shell/writeError';
import { EvaluationPanel, type CellTarget, type ChosenLevel } from './EvaluationPanel';
import { MatrixGrid, type CellView, type GridMember } from './MatrixGrid';

type Levels = ReadonlyMap<string, SalarieCells>;


/** The frame of the screen (everything but evaluations); undefined until first read on this device. */
function useMatrixFrame(queries: Queries, userId: string, today: string, teamId: string, chosenActivity: string): MatrixFrame | undefined {
  const { frames } = queries.competences.matrixMemory;
  const key = frameKey(userId, today, teamId, chosenActivity);
  const [value, setValue] = useState<{ key: string; frame: MatrixFrame | undefined }>(() => ({ key, frame: frames.get(key) }));
  // Nothing in memory (a first open): read at once, in a layout effect, rather than after the
  // « Lecture de la tablette… » frame is painted; in memory: paint it first, confirm after.
  const cold = useMemo(() => frames.get(key) === undefined, [frames, key]);
  const watch = () => {
    const cached = frames.get(key);
    setValue((v) => (v.key === key ? v : { key, frame: cached }));
    return observe(
      () => queries.competences.matrixFrame(today, teamId, chosenActivity),
      (frame) => {
        frames.set(key, frame);
        setValue({ key, frame });
      },
      (e: unknown) => console.error('Lecture locale impossible', e),
    );
  };
  useLayoutEffect(() => (cold ? watch() : undefined), [queries, key]);
  useEffect(() => (cold ? undefined : watch()), [queries, key]);
  return value.key === key ? value.frame : frames.get(key);
}

/**
 * The levels of these salariés, one live read each; null until every one has been read once (from
 * memory or IndexedDB), so the grid never shows 0 for a level not read yet. Answers arriving
 * together (first open, a sync page) are folded into one render.
 */
function useLevels(queries: Queries, ids: readonly string[], onDevice: number): Levels | null {
  const key = ids.join(',');
  const [state, setState] = useState<{ key: string; map: Levels | null }>(() => ({ key, map: cachedLevels(queries, ids) }));
  // Some salariés not in memory (a first open): read in a layout effect, as soon as the frame
  // names them, not after the « Lecture des niveaux… » frame is painted.
  const cold = useMemo(() => cachedLevels(queries, ids) === null, [queries, key]);
  const effect = () => {
    const memory = queries.competences.matrixMemory.levels;
    const current = new Map<string, SalarieCells>();
    for (const id of ids) { const v = memory.get(id); if (v !== undefined) current.set(id, v); }
    const complete = () => current.size === ids.length;
    setState((s) => (s.key === key && s.map !== null ? s : { key, map: complete() ? new Map(current) : null }));
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const flush = () => { timer = undefined; if (complete()) setState({ key, map: new Map(current) }); };
    let stops: (() => void)[] = [];
    const watch = () => {
      stops = ids.map((id) => observe(
        () => queries.competences.cellsOf(id),
        (v) => {
          const prev = current.get(id);
          // The first answer usually equals what memory or the plain read showed: no render.
          if (prev !== undefined && sameCells(prev, v)) return;
          memory.set(id, v);
          current.set(id, v);
          timer ??= setTimeout(flush, 0);
        },
        (e: unknown) => console.error('Lecture locale impossible', e),
      ));
    };
    const missing = ids.filter((id) => !current.has(id));
    if (missing.length === 0) watch();
    else {
      // Nothing in memory (first open): one plain read paints first; a live read's first read
      // also records every key it returned, which made the cold open about twice as long.
      queries.competences.cellsOfMany(missing, onDevice).then((read) => {
        if (stopped) return;
        for (const [id, v] of read) { memory.set(id, v); current.set(id, v); }
        flush();
        watch();
      }, (e: unknown) => { console.error('Lecture locale impossible', e); if (!stopped) watch(); });
    }
    return () => { stopped = true; for (const stop of stops) stop(); if (timer !== undefined) clearTimeout(timer); };
  };
  // onDevice only chooses how to read: not a reason to read again.
  useLayoutEffect(() => (cold ? effect() : undefined), [queries, key]);
  useEffect(() => (cold ? undefined : effect()), [queries, key]);
  return state.key === key ? state.map : cachedLevels(queries, ids);
}

/** These salariés' levels from memory, or null when one of them is not there. */
function cachedLevels(queries: Queries, ids: readonly string[]): Levels | null {
  const memory = queries.competences.matrixMemory.levels;
  const out = new Map<string, SalarieCells>();
  for (const id of ids) {
    const v = memory.get(id);
    if (v === undefined) return null;
    out.set(id, v);
  }
  return out;
}

function marks(cell: MatrixCell | undefined, evaluationId: string): boolean {
  return cell !== undefined && (cell.official?.evaluationId === evaluationId || cell.self?.evaluationId === evaluationId);
}

/**
 * The levels read, with the levels chosen but not read back yet (optimistic) folded in. One read
 * back is its cell's mark; folding one that was read back but is not the mark changes nothing
 * (the rule keeps the later evaluation).
 */
function withPending(read: Levels, saved: readonly Evaluation[]): Levels {
  const pending = new Map<string, Evaluation[]>();
  for (const e of saved) {
    const l = read.get(e.salarieId);
    if (l === undefined || marks(l.cells.get(matrixKey(e.salarieId, e.competenceId)), e.id)) continue;
    const list = pending.get(e.salarieId);
    if (list === undefined) pending.set(e.salarieId, [e]); else list.push(e);
  }
  if (pending.size === 0) return read;
  const out = new Map(read);
  for (const [salarieId, list] of pending) {
    const base = read.get(salarieId)!;
    out.set(salarieId, { cells: withEvaluations(base.cells, list) });
  }
  return out;
}

function viewOf(levels: Levels, objectives: ReadonlyMap<string, Objective[]>, salarieId: string, competenceId: string, today: string): CellView {
  const key = matrixKey(salarieId, competenceId);
  const cell = levels.get(salarieId)?.cells.get(key);
  const level = cell?.level ?? 0;
  const gap = selfGap(cell);
  const list = objectives.get(key);
  const o = list === undefined ? undefined : cellObjective(list, level, today);
  return { level, self: gap?.self ?? null, objectiveTarget: o?.objective.targetLevel ?? null, objectiveState: o?.state ?? null };
}

/** Objectives due and late in the grid shown (objectives are few: walk them, not the 1,800 cells). */
function objectiveCounts(frame: MatrixFrame, levels: Levels, today: string): { due: number; late: number } {
  const shown = new Set(frame.competences.map((c) => c.id));
  let due = 0; let late = 0;
  for (const list of frame.objectives.values()) {
    const first = list[0];
    if (first === undefined || !shown.has(first.competenceId)) continue;
    const state = viewOf(levels, frame.objectives, first.salarieId, first.competenceId, today).objectiveState;
    if (state === 'a_echeance') due++;
    if (state === 'en_retard') late++;
  }
  return { due, late };
}

const NO_MEMBERS: SalarieRow[] = [];

export function Matrice() {
  const services = useServices();
  const { queries, now } = services;
  const user = useExternal(services.session);
  const today = isoDay(now());
  const [teamId, setTeamId] = useState('');
  const [chosenActivity, setActivity] = useState('');
  const [open, setOpen] = useState<CellTarget | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // Levels chosen on this screen: shown at the tap, dropped again if their write fails.
  const [saved, setSaved] = useState<ChosenLevel[]>([]);
  const [focusRequest, setFocusRequest] = useState(0);
  const alive = useRef(true);
  useEffect(() => () => { alive.current = false; }, []);

  // Nothing in memory (a first open): the cells are read while the frame is (no team chosen yet:
  // the matrix of all the user's teams, most of the device's salariés).
  const started = useRef(false);
  if (!started.current) {
    started.current = true;
    if (queries.competences.matrixMemory.frames.get(frameKey(user?.id ?? '', today, '', '')) === undefined) queries.competences.prefetchCells();
  }
  const frame = useMatrixFrame(queries, user?.id ?? '', today, teamId, chosenActivity);
  const members = frame?.members ?? NO_MEMBERS;
  const ids = useMemo(() => members.map((m) => m.id), [members]);
  const gridMembers = useMemo<GridMember[]>(() => members.map((m) => ({ id: m.id, name: fullName(m) })), [members]);
  const read = useLevels(queries, ids, frame?.onDevice ?? 0);
  const levels = useMemo(() => (read === null ? null : withPending(read, saved)), [read, saved]);
  const objectives = frame?.objectives;
  const viewAt = useCallback((salarieId: string, competenceId: string) => (
    levels === null || objectives === undefined ? EMPTY_VIEW : viewOf(levels, objectives, salarieId, competenceId, today)
  ), [levels, objectives, today]);
  const rowVersion = useCallback((salarieId: string) => levels?.get(salarieId), [levels]);
  const version = useMemo(() => ({ objectives, today }), [objectives, today]);
  const counts = useMemo(() => (frame === undefined || levels === null ? { due: 0, late: 0 } : objectiveCounts(frame, levels, today)), [frame, levels, today]);
  const competences = frame?.competences;
  // The open cell's evaluations, for its history (read only for that cell).
  const historyKey = open === null ? null : { salarieId: open.salarieId, competenceId: open.competence.id };
  const history = useLiveQuery(
    () => (historyKey === null ? Promise.resolve(NO_EVALUATIONS) : queries.competences.historyOf(historyKey.salarieId, historyKey.competenceId)),
    [queries, historyKey?.salarieId, historyKey?.competenceId],
  );
  const onOpen = useCallback((salarieId: string, salarieName: string, competenceId: string) => {
    const competence = competences?.find((c) => c.id === competenceId);
    if (competence === undefined) return;
    setStatus(null);
    setOpen({ salarieId, salarieName, competence });
  }, [competences]);
  if (user === undefined) return null;

  function choose(target: CellTarget, e: ChosenLevel) {
    if (user === undefined) return;
    // Shown and closed now; the write follows (≈ 100 ms at CPU ×4 on a loaded tablet).
    setSaved((list) => [...list, e]);
    setOpen(null);
    setStatus(null);
    setFailure(null);
    setFocusRequest((n) => n + 1);
    // The write starts in the next task, so the render above (a microtask) is not queued behind
    // the write's own script (clock, validation, Dexie). Never cancelled: leaving the screen at
    // once must not lose the level.
    const write = () => services.write('evaluation', e.id, {
      structureId: user.structureId, salarieId: e.salarieId, competenceId: e.competenceId, level: e.level, context: e.context,
      date: e.date, evaluatorId: e.evaluatorId, ...(e.comment === '' ? {} : { comment: e.comment }),
    }).then(
      () => { if (alive.current) setStatus(`Enregistré : ${target.salarieName} — ${target.competence.label} : ${LEVEL_INFO[toLevel(e.level)].label}.`); },
      (err: unknown) => {
        if (!alive.current) return;
        setSaved((list) => list.filter((x) => x.id !== e.id));
        const reason = writeErrorMessage(err);
        setFailure(`Niveau non enregistré pour ${target.salarieName} — ${target.competence.label}. ${reason}${/[.!?]$/.test(reason) ? '' : '.'} La case garde son niveau précédent.`);
        // Offer the same choice again, unless the user already opened another cell.
        setOpen((o) => o ?? { ...target, retry: { context: e.context, comment: e.comment } });
      },
    );
    setTimeout(() => void write(), 0);
  }

  const teams = frame?.teams ?? [];
  const acts = frame?.activities ?? [];
  const openTarget = open;
  const openLevels = openTarget === null ? undefined : levels?.get(openTarget.salarieId);
  const openHistory = openTarget === null ? NO_EVALUATIONS : withSaved(history ?? NO_EVALUATIONS, saved, openTarget.salarieId, openTarget.competence.id);
  return (
    <section aria-labelledby="matrix-title" class="matrix-screen">
      <h2 id="matrix-title">Matrice de positionnement</h2>
      <div class="row no-print">
        <div class="field">
          <label for="matrix-team">Équipe</label>
          <select id="matrix-team" value={teamId} onChange={(e) => { setTeamId(e.currentTarget.value); setActivity(''); setOpen(null); }}>
            <option value="">Toutes mes équipes</option>
            {teams.map((t) => <option key={t.team.id} value={t.team.id}>{t.team.name}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="matrix-activity">Activité</label>
          <select id="matrix-activity" value={frame?.activityId ?? ''} onChange={(e) => { setActivity(e.currentTarget.value); setOpen(null); }}>
            {acts.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
          </select>
        </div>
      </div>
      <p class="legend" aria-label="Légende des niveaux">
        {([0, 1, 2, 3, 4] as const).map((l) => <span key={l} class={`level lvl-${l}`}><span aria-hidden="true" class="pie" /> {l} {LEVEL_INFO[l].label}</span>)}
        <span>A2 : auto-évaluation différente</span>
        <span><span aria-hidden="true" class="obj-icon obj-en_cours" /> objectif en cours</span>
        <span><span aria-hidden="true" class="obj-icon obj-a_echeance" /> objectif à échéance ({counts.due})</span>
        <span><span aria-hidden="true" class="obj-icon obj-en_retard" /> objectif en retard ({counts.late})</span>
      </p>
      {failure !== null && <p class="banner error" role="alert">{failure}</p>}
      {status !== null && <p class="banner info" role="status">{status}</p>}
      {openTarget !== null && frame !== undefined && (
        <EvaluationPanel
          key={`${openTarget.salarieId}|${openTarget.competence.id}|${openTarget.retry === undefined ? '' : 'retry'}`}
          target={openTarget}
          cell={openLevels?.cells.get(matrixKey(openTarget.salarieId, openTarget.competence.id))}
          evaluations={openHistory}
          names={frame.names}
          evaluatorId={user.id}
          onClose={() => { setOpen(null); setFocusRequest((n) => n + 1); }}
          onChoose={(e) => choose(openTarget, e)}
        />
      )}
      {frame === undefined ? <p>Lecture de la tablette…</p>
        : members.length === 0 || frame.competences.length === 0 ? (
          <p>{members.length === 0 ? 'Aucun salarié dans cette équipe sur cette tablette.' : 'Aucune compétence pour cette activité : complétez le référentiel.'}</p>
        ) : levels === null ? <p>Lecture des niveaux…</p> : (
          <MatrixGrid members={gridMembers} competences={frame.competences} viewAt={viewAt} rowVersion={rowVersion} version={version} onOpen={onOpen} focusRequest={focusRequest} />
        )}
    </section>
  );
}

const NO_EVALUATIONS: Evaluation[] = [];

/** One cell's history with the levels chosen on this screen and not read back yet. */
function withSaved(read: readonly Evaluation[], saved: readonly Evaluation[], salarieId: string, competenceId: string): readonly Evaluation[] {
  const more = saved.filter((e) => e.salarieId === salarieId && e.competenceId === competenceId && !read.some((x) => x.id === e.id));
  return more.length === 0 ? read : [...read, ...more];
}

const EMPTY_VIEW: CellView = { level: 0, self: null, objectiveTarget: null, objectiveState: null };
