// The matrice de positionnement: a team × competences grid for one activity. Each cell shows the
// current level as symbol + number (colour only doubles it), a mark when the salarié's own
// self-assessment differs, and the state of an objective (due, late). Tap a cell, tap a level.
import { memo } from 'preact/compat';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { liveQuery } from 'dexie';
import type { DeviceDb } from '../../client/db';
import { LEVEL_INFO, matrixKey, withEvaluations, type CompetenceLevel, type MatrixCell } from '../../domain/rules/matrix';
import { selfGap } from '../../domain/competences/selfAssessment';
import { cellObjective, OBJECTIVE_STATE_LABELS, OBJECTIVE_STATE_SYMBOLS, type ObjectiveState } from '../../domain/competences/objectives';
import { useServices } from '../services';
import { useExternal } from '../hooks/useExternal';
import { isoDay } from '../format';
import { fullName, str, type Rec } from '../queries';
import { matrixScreen, type Evaluation, type MatrixData, type MatrixScreenData } from './data';
import { CellPanel, type CellTarget } from './CellPanel';

const EMPTY: MatrixData = { teams: [], members: [], competences: [], evaluations: [], cells: new Map(), objectives: new Map() };
const EMPTY_SCREEN: MatrixScreenData = { activities: [], activityId: '', data: EMPTY, names: new Map() };

interface CellView {
  level: CompetenceLevel;
  /** The self-assessment when it differs from the official level. */
  self: CompetenceLevel | null;
  objectiveTarget: number | null;
  objectiveState: ObjectiveState | null;
}

function cellLabel(name: string, competenceLabel: string, v: CellView): string {
  const parts = [`${name}, ${competenceLabel} : ${v.level} ${LEVEL_INFO[v.level].label}`];
  if (v.self !== null) parts.push(`auto-évaluation ${v.self} ${LEVEL_INFO[v.self].label}`);
  if (v.objectiveState !== null) parts.push(`objectif niveau ${v.objectiveTarget ?? ''} : ${OBJECTIVE_STATE_LABELS[v.objectiveState].toLowerCase()}`);
  return parts.join(' ; ');
}

type OpenCell = (salarieId: string, name: string, competenceId: string) => void;

// Props are primitives so that, after a level change, only the changed cell re-renders.
const Cell = memo(function Cell({ salarieId, name, competenceId, competenceLabel, level, self, objectiveTarget, objectiveState, onOpen }: CellView & {
  salarieId: string; name: string; competenceId: string; competenceLabel: string; onOpen: OpenCell;
}) {
  const v = { level, self, objectiveTarget, objectiveState };
  return (
    <td>
      <button type="button" class={`cell lvl-${level}${objectiveState === 'en_retard' ? ' late' : ''}`} onClick={() => onOpen(salarieId, name, competenceId)} data-testid="matrix-cell">
        <span aria-hidden="true" class="level-symbol">{LEVEL_INFO[level].symbol}</span>
        <span aria-hidden="true" class="level-num">{level}</span>
        {self !== null && <span aria-hidden="true" class="self-mark">A{self}</span>}
        {objectiveState !== null && objectiveState !== 'atteint' && <span aria-hidden="true" class={`obj-mark ${objectiveState}`}>{OBJECTIVE_STATE_SYMBOLS[objectiveState]}</span>}
        {/* The name in words, not an aria-label: the visible marks are its short form. */}
        <span class="sr-only">{cellLabel(name, competenceLabel, v)}</span>
      </button>
    </td>
  );
});

function viewOf(data: MatrixData, cells: ReadonlyMap<string, MatrixCell>, salarieId: string, competenceId: string, today: string): CellView {
  const key = matrixKey(salarieId, competenceId);
  const cell: MatrixCell | undefined = cells.get(key);
  const level = cell?.level ?? 0;
  const gap = selfGap(cell);
  const list = data.objectives.get(key);
  const o = list === undefined ? undefined : cellObjective(list, level, today);
  return { level, self: gap?.self ?? null, objectiveTarget: o?.objective.targetLevel ?? null, objectiveState: o?.state ?? null };
}

// The last screen read per device and view: reopening the matrix paints it at once while the
// live read refreshes it (a few hundred ms for 5,000 evaluations on a slow tablet).
const lastScreens = new WeakMap<object, Map<string, MatrixScreenData>>();

function useMatrixScreen(db: DeviceDb, today: string, teamId: string, chosenActivity: string): MatrixScreenData {
  const key = `${today}|${teamId}|${chosenActivity}`;
  const [value, setValue] = useState<MatrixScreenData>(() => lastScreens.get(db)?.get(key) ?? EMPTY_SCREEN);
  useEffect(() => {
    const cached = lastScreens.get(db)?.get(key);
    if (cached !== undefined) setValue(cached);
    const sub = liveQuery(() => matrixScreen(db, today, teamId, chosenActivity)).subscribe({
      next: (v) => {
        let perDb = lastScreens.get(db);
        if (perDb === undefined) lastScreens.set(db, perDb = new Map());
        perDb.set(key, v);
        setValue(v);
      },
      error: (e: unknown) => console.error('Lecture locale impossible', e),
    });
    return () => sub.unsubscribe();
  }, [db, key]);
  return value;
}

function viewsOf(data: MatrixData, cells: ReadonlyMap<string, MatrixCell>, today: string, only?: ReadonlySet<string>, base?: Views): Views {
  const out = base === undefined ? new Map<string, CellView>() : new Map(base.out);
  let due = base?.due ?? 0; let late = base?.late ?? 0;
  const count = (v: CellView | undefined, n: number) => {
    if (v?.objectiveState === 'a_echeance') due += n;
    if (v?.objectiveState === 'en_retard') late += n;
  };
  const keys = only ?? data.members.flatMap((s) => data.competences.map((c) => matrixKey(s.id, c.id)));
  for (const key of keys) {
    if (only !== undefined && !out.has(key)) continue;
    count(out.get(key), -1);
    const [salarieId = '', competenceId = ''] = key.split('|');
    const v = viewOf(data, cells, salarieId, competenceId, today);
    count(v, 1);
    out.set(key, v);
  }
  return { out, due, late };
}

interface Views { out: Map<string, CellView>; due: number; late: number }

export function Matrice() {
  const services = useServices();
  const { db, now } = services;
  const user = useExternal(services.session);
  const today = isoDay(now());
  const [teamId, setTeamId] = useState('');
  const [chosenActivity, setActivity] = useState('');
  const [open, setOpen] = useState<CellTarget | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  // Levels saved here, shown as soon as the local write resolves rather than after the re-read.
  const [saved, setSaved] = useState<Evaluation[]>([]);
  const screen = useMatrixScreen(db, today, teamId, chosenActivity);
  const { activities: acts, activityId, data, names } = screen;
  const teams = data.teams;
  const base = useMemo(() => viewsOf(data, data.cells, today), [data, today]);
  const { cells, views, evaluations } = useMemo(() => {
    const read = new Set(data.evaluations.map((e) => e.id));
    const pending = saved.filter((e) => !read.has(e.id));
    if (pending.length === 0) return { cells: data.cells, views: base, evaluations: data.evaluations };
    const patched = withEvaluations(data.cells, pending);
    const touched = new Set(pending.map((e) => matrixKey(e.salarieId, e.competenceId)));
    return { cells: patched, views: viewsOf(data, patched, today, touched, base), evaluations: [...data.evaluations, ...pending] };
  }, [data, base, saved, today]);
  const counts = views;
  const byCompetence = useMemo(() => new Map(data.competences.map((c) => [c.id, c])), [data.competences]);
  const onOpen = useCallback<OpenCell>((salarieId, salarieName, competenceId) => {
    const competence = byCompetence.get(competenceId);
    if (competence === undefined) return;
    setStatus(null);
    setOpen({ salarieId, salarieName, competence });
  }, [byCompetence]);
  if (user === undefined) return null;

  const openTarget = open;
  return (
    <section aria-labelledby="matrix-title" class="matrix-screen">
      <h2 id="matrix-title">Matrice de positionnement</h2>
      <div class="row no-print">
        <div class="field">
          <label for="matrix-team">Équipe</label>
          <select id="matrix-team" value={teamId} onChange={(e) => { setTeamId(e.currentTarget.value); setActivity(''); setOpen(null); }}>
            <option value="">Toutes mes équipes</option>
            {teams.map((t) => <option key={t.team.id} value={t.team.id}>{str(t.team, 'name')}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="matrix-activity">Activité</label>
          <select id="matrix-activity" value={activityId} onChange={(e) => { setActivity(e.currentTarget.value); setOpen(null); }}>
            {acts.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
          </select>
        </div>
      </div>
      <p class="legend" aria-label="Légende des niveaux">
        {([0, 1, 2, 3, 4] as const).map((l) => <span key={l} class={`level lvl-${l}`}><span aria-hidden="true" class="level-symbol">{LEVEL_INFO[l].symbol}</span> {l} {LEVEL_INFO[l].label}</span>)}
        <span>A2 : auto-évaluation différente</span>
        <span>{OBJECTIVE_STATE_SYMBOLS.a_echeance} objectif à échéance ({counts.due})</span>
        <span>{OBJECTIVE_STATE_SYMBOLS.en_retard} objectif en retard ({counts.late})</span>
      </p>
      {status !== null && <p class="banner info" role="status">{status}</p>}
      {openTarget !== null && (
        <CellPanel
          target={openTarget}
          cell={cells.get(matrixKey(openTarget.salarieId, openTarget.competence.id))}
          evaluations={evaluations}
          names={names}
          evaluatorId={user.id}
          structureId={user.structureId}
          onClose={() => setOpen(null)}
          onSaved={(m, e) => { setSaved((list) => [...list, e]); setStatus(m); setOpen(null); }}
        />
      )}
      {data.members.length === 0 || data.competences.length === 0 ? (
        <p>{data.members.length === 0 ? 'Aucun salarié dans cette équipe sur cette tablette.' : 'Aucune compétence pour cette activité : complétez le référentiel.'}</p>
      ) : (
        <div class="matrix-scroll" tabIndex={0} aria-label="Grille des niveaux (défile horizontalement)">
          <table class="matrix">
            <caption class="sr-only">Niveaux par salarié et par compétence</caption>
            <thead>
              <tr>
                <th scope="col" class="corner">Salarié</th>
                {data.competences.map((c) => (
                  <th key={c.id} scope="col" class="comp-head" title={c.description}>
                    <span class="comp-label">{c.pictogram !== '' && <span aria-hidden="true">{c.pictogram} </span>}{c.label}{c.safetyCritical && <span class="safety" title="Critique pour la sécurité"> ⚠<span class="sr-only"> (critique pour la sécurité)</span></span>}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.members.map((s: Rec) => {
                const name = fullName(s);
                return (
                  <tr key={s.id}>
                    <th scope="row" class="who"><a href={`#/salarie/${s.id}/parcours`}>{name}</a></th>
                    {data.competences.map((c) => {
                      const v = views.out.get(matrixKey(s.id, c.id)) ?? viewOf(data, cells, s.id, c.id, today);
                      return <Cell key={c.id} salarieId={s.id} name={name} competenceId={c.id} competenceLabel={c.label} {...v} onOpen={onOpen} />;
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
