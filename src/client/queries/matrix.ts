// The matrice de positionnement's reads and its memory. The screen is read in two parts: a small
// « frame » (activities, teams, names, the activity's competences, the members' objectives) in one
// read, and each salarié's cells on their own (storedLevels.ts, cellsOf: the levels the device
// stores per salarié × competence), so that a level change or a sync about one salarié re-reads
// that salarié's ~60 cells, not the team's 5,400 evaluations. levelsOf (the evaluations and the
// levels derived from them) stays for the figure of the benchmark and the checks of the tests.
// Rows are the typed EntityRows of entities.ts, handed on as they are read (no copy per row); the
// types below only narrow what the matrix looks at.
// The memory (frames by user, day, team and activity; levels by salarié) belongs to the query
// object made once per device database, so a reset device or a test's fresh database starts
// empty, and frames are keyed by user, so a tablet that changes hands never paints the last
// user's matrix. Reopening the matrix paints from it at once; « Aujourd'hui » and the
// coordination's home fill it when idle (warmMatrix), so the first open is as fast.
import { byFrench } from '../../domain/people';
import { currentLevels, type MatrixCell } from '../../domain/rules/matrix';
import type { DeviceDb } from '../db';
import type { EntityRow } from '../rows';
import { queryMemory, type QueryMemory } from './memory';
import { allOf, whereIn } from './tables';
import { teamsWithMembers, userNames, type SalarieRow, type TeamView } from './teams';
import { allCells, cellsOf, cellsOfMany, historyOf, pick, type SalarieCells } from './storedLevels';

export type ActivityRow = EntityRow<'activity'>;
export type CompetenceRow = EntityRow<'competence'>;
export type EvaluationRow = EntityRow<'evaluation'>;
export type ObjectiveRow = EntityRow<'objective'>;

/** What the competence screens show of a competence (its column, its panel, the référentiel). */
export type Competence = Pick<CompetenceRow, 'id' | 'activityId' | 'label' | 'description' | 'kind' | 'pictogram' | 'romeCode' | 'safetyCritical'>;
/** What the matrix needs of an evaluation: its level and the history line (who, when, context). */
export type Evaluation = Pick<EvaluationRow, 'id' | 'salarieId' | 'competenceId' | 'level' | 'context' | 'date' | 'evaluatorId' | 'comment'>;
/** What the matrix and the parcours show of an objective. */
export type Objective = Pick<ObjectiveRow, 'id' | 'salarieId' | 'competenceId' | 'targetLevel' | 'dueDate' | 'comment'>;

/** Every activity, by name. */
export async function activities(db: DeviceDb): Promise<ActivityRow[]> {
  return (await allOf(db, 'activity')).sort((a, b) => byFrench(a.name, b.name));
}

/** The competences of one activity, by label (one `equals` on the activityId index). */
export async function competencesOf(db: DeviceDb, activityId: string): Promise<CompetenceRow[]> {
  return (await whereIn(db, 'competence', 'activityId', [activityId])).sort((a, b) => byFrench(a.label, b.label));
}

type PerSalarie = 'evaluation' | 'objective';

/**
 * The rows of these salariés. A few of them: one `equals` per salarié (whereIn), not `anyOf`. Most
 * of the device's salariés: one getAll of the whole table filtered in memory, a primary-key read,
 * which a live query observes as one range, where an index read makes it record every key it
 * returned (a third of the read time on 5,000 rows).
 */
function ofSalaries(db: DeviceDb, entity: 'evaluation', salarieIds: readonly string[], onDevice: number): Promise<EvaluationRow[]>;
function ofSalaries(db: DeviceDb, entity: 'objective', salarieIds: readonly string[], onDevice: number): Promise<ObjectiveRow[]>;
async function ofSalaries(db: DeviceDb, entity: PerSalarie, salarieIds: readonly string[], onDevice: number): Promise<EntityRow<PerSalarie>[]> {
  if (salarieIds.length === 0) return [];
  if (salarieIds.length * 2 < onDevice) return whereIn(db, entity, 'salarieId', salarieIds);
  const wanted = new Set(salarieIds);
  return (await allOf(db, entity)).filter((r) => wanted.has(r.salarieId));
}

/** Objectives by `${salarieId}|${competenceId}` (matrixKey). */
function groupObjectives(rows: readonly ObjectiveRow[]): Map<string, Objective[]> {
  const objectives = new Map<string, Objective[]>();
  for (const o of rows) {
    const key = `${o.salarieId}|${o.competenceId}`;
    const list = objectives.get(key);
    if (list === undefined) objectives.set(key, [o]); else list.push(o);
  }
  return objectives;
}

function distinctMembers(teams: readonly TeamView[]): SalarieRow[] {
  const seen = new Set<string>();
  return teams.flatMap((t) => t.members).filter((m) => (seen.has(m.id) ? false : (seen.add(m.id), true)));
}

export interface MatrixData {
  teams: TeamView[];
  members: SalarieRow[];
  competences: CompetenceRow[];
  evaluations: EvaluationRow[];
  cells: Map<string, MatrixCell>;
  objectives: Map<string, Objective[]>;
}

/**
 * Everything the matrix shows for one team (or every team) and one activity, in one read: not
 * what the screen reads (matrixFrame, then levelsOf per salarié), kept for the benchmark's figure.
 */
export async function matrixData(db: DeviceDb, today: string, teamId: string, activityId: string): Promise<MatrixData> {
  const teams = await teamsWithMembers(db, today);
  const members = distinctMembers(teamId === '' ? teams : teams.filter((t) => t.team.id === teamId));
  const ids = members.map((m) => m.id);
  const onDevice = distinctMembers(teams).length;
  const [competences, evaluations, objectives] = await Promise.all([
    activityId === '' ? Promise.resolve([]) : competencesOf(db, activityId),
    ofSalaries(db, 'evaluation', ids, onDevice),
    ofSalaries(db, 'objective', ids, onDevice),
  ]);
  return { teams, members, competences, evaluations, cells: currentLevels(evaluations), objectives: groupObjectives(objectives) };
}

export interface MatrixFrame {
  activities: ActivityRow[];
  /** The activity shown: the chosen one, else the team's own (or the only team's), else the first. */
  activityId: string;
  teams: TeamView[];
  members: SalarieRow[];
  competences: CompetenceRow[];
  objectives: Map<string, Objective[]>;
  /** Display name of every user, by id (the history's evaluators). */
  names: Map<string, string>;
  /** How many salariés this device holds (chooses how to read several salariés' rows). */
  onDevice: number;
}

/**
 * The matrix screen without its evaluations, in one read so that it renders once. Small tables
 * only: the evaluations (thousands) are read per salarié by levelsOf. Every table is asked in ONE
 * step (issue 13, first open): the competences and objectives are read whole and kept for the
 * activity and members shown, rather than asked once the teams are known (a second round trip,
 * 10–20 ms at CPU ×4); both tables are small (a référentiel, a few objectives per salarié).
 */
export async function matrixFrame(db: DeviceDb, today: string, teamId: string, chosenActivity: string): Promise<MatrixFrame> {
  // Not wrapped in one read transaction: it measured no faster, and under load fake-indexeddb saw
  // such a transaction commit before its last read (Dexie's PrematureCommitError) in CI.
  const [acts, teams, names, allCompetences, allObjectives] = await Promise.all([
    activities(db), teamsWithMembers(db, today), userNames(db), allOf(db, 'competence'), allOf(db, 'objective'),
  ]);
  const team = teamId === '' ? (teams.length === 1 ? teams[0] : undefined) : teams.find((t) => t.team.id === teamId);
  const teamActivity = team?.team.activityId ?? '';
  const activityId = chosenActivity !== '' ? chosenActivity : teamActivity !== '' ? teamActivity : (acts[0]?.id ?? '');
  const members = distinctMembers(teamId === '' ? teams : teams.filter((t) => t.team.id === teamId));
  const onDevice = distinctMembers(teams).length;
  const competences = activityId === '' ? [] : allCompetences.filter((c) => c.activityId === activityId).sort((a, b) => byFrench(a.label, b.label));
  const shown = new Set(members.map((m) => m.id));
  const objectives = allObjectives.filter((o) => shown.has(o.salarieId));
  return { activities: acts, activityId, teams, members, competences, objectives: groupObjectives(objectives), names, onDevice };
}

/** One salarié's evaluations (every activity: a competence may be shared) and current levels. */
export interface SalarieLevels { evaluations: Evaluation[]; cells: Map<string, MatrixCell> }

/**
 * One salarié's levels. One `equals` on the salarieId index, i.e. one getAll; a live query over it
 * wakes up only for writes about this salarié.
 */
export async function levelsOf(db: DeviceDb, salarieId: string): Promise<SalarieLevels> {
  const evaluations = await whereIn(db, 'evaluation', 'salarieId', [salarieId]);
  return { evaluations, cells: currentLevels(evaluations) };
}

/**
 * Several salariés' levels in one plain read (not observed): the first paint of a matrix with
 * nothing in memory. Most of the device's salariés: one getAll of the table, grouped here.
 */
export async function levelsOfMany(db: DeviceDb, salarieIds: readonly string[], onDevice: number): Promise<Map<string, SalarieLevels>> {
  const bySalarie = new Map<string, Evaluation[]>(salarieIds.map((id) => [id, []]));
  for (const e of await ofSalaries(db, 'evaluation', salarieIds, onDevice)) bySalarie.get(e.salarieId)?.push(e);
  return new Map([...bySalarie].map(([id, evaluations]) => [id, { evaluations, cells: currentLevels(evaluations) }]));
}

/** Same evaluations in the same order (what a re-read that changed nothing returns). */
export function sameLevels(a: SalarieLevels, b: SalarieLevels): boolean {
  if (a.evaluations.length !== b.evaluations.length) return false;
  return a.evaluations.every((e, i) => {
    const o = b.evaluations[i];
    return o !== undefined && e.id === o.id && e.level === o.level && e.date === o.date && e.context === o.context
      && e.competenceId === o.competenceId && e.comment === o.comment && e.evaluatorId === o.evaluatorId;
  });
}

export interface MatrixMemory {
  /** The last frames read, by frameKey. */
  frames: QueryMemory<MatrixFrame>;
  /** Each salarié's cells as last read, by salarié id (live reads keep them up to date). */
  levels: Map<string, SalarieCells>;
}

/** The user is in the key: a tablet that changes hands never paints the last user's matrix. */
export function frameKey(userId: string, today: string, teamId: string, chosenActivity: string): string {
  return `${userId}|${today}|${teamId}|${chosenActivity}`;
}

/** Frames remembered: every team × activity a user may flip through in a day, a few days long. */
const FRAMES_KEPT = 24;

/**
 * How long a read of every cell started ahead (prefetchCells) may stand in for the first paint's
 * read: the screen that started it asks within a frame or two; an older one is not used.
 */
const PREFETCH_FRESH_MS = 2000;

/** The matrix's reads bound to `db`, with this database's memory. */
export function matrixQueries(db: DeviceDb) {
  const matrixMemory: MatrixMemory = { frames: queryMemory<MatrixFrame>(FRAMES_KEPT), levels: new Map() };
  let ahead: { at: number; read: Promise<Map<string, SalarieCells>> } | undefined;
  return {
    matrixFrame: (today: string, teamId: string, chosenActivity: string) => matrixFrame(db, today, teamId, chosenActivity),
    levelsOf: (salarieId: string) => levelsOf(db, salarieId),
    levelsOfMany: (salarieIds: readonly string[], onDevice: number) => levelsOfMany(db, salarieIds, onDevice),
    /** One salarié's stored cells (the matrix's live read per row). */
    cellsOf: (salarieId: string) => cellsOf(db, salarieId),
    /**
     * Starts reading every stored cell now, before the frame says whose are shown (issue 13: the
     * first open read the frame, then the cells, one after the other). For a matrix of all the
     * user's teams, i.e. most of the device's salariés; the next cellsOfMany uses it once.
     */
    prefetchCells(): void {
      if (ahead !== undefined && Date.now() - ahead.at < PREFETCH_FRESH_MS) return;
      const read = allCells(db);
      read.catch(() => undefined); // a failed read ahead is read again by cellsOfMany
      ahead = { at: Date.now(), read };
    },
    /**
     * Several salariés' stored cells in one plain read (the first paint): the read started ahead
     * if it is fresh (the live reads that follow correct anything written since).
     */
    async cellsOfMany(salarieIds: readonly string[], onDevice: number): Promise<Map<string, SalarieCells>> {
      const started = ahead;
      ahead = undefined;
      if (started !== undefined && Date.now() - started.at < PREFETCH_FRESH_MS) {
        try {
          return pick(await started.read, salarieIds);
        } catch { /* read below */ }
      }
      return cellsOfMany(db, salarieIds, onDevice);
    },
    /** One cell's evaluations, for its panel's history. */
    historyOf: (salarieId: string, competenceId: string) => historyOf(db, salarieId, competenceId),
    matrixData: (today: string, teamId: string, activityId: string) => matrixData(db, today, teamId, activityId),
    matrixMemory,
    /**
     * Reads the matrix as it first opens (all the user's teams, their activity) into memory,
     * unless it is there already. Levels already in memory are kept: they are at least as fresh.
     */
    async warmMatrix(userId: string, today: string): Promise<void> {
      const key = frameKey(userId, today, '', '');
      if (matrixMemory.frames.get(key) !== undefined) return;
      const frame = await matrixFrame(db, today, '', '');
      matrixMemory.frames.set(key, frame);
      const { levels } = matrixMemory;
      const missing = frame.members.map((m) => m.id).filter((id) => !levels.has(id));
      if (missing.length === 0) return;
      for (const [id, read] of await cellsOfMany(db, missing, frame.onDevice)) if (!levels.has(id)) levels.set(id, read);
    },
  };
}
