// The reads of the competence screens over the device's tables: the matrix screen's frame in one
// read (activities, teams, names, competences, objectives), its evaluations per salarié (so a write
// re-reads one salarié, not the whole team), and one salarié's progress. Pure derivations live in
// src/domain. matrixData (everything at once) stays for the benchmark's query figure.
import { entityTable, type DeviceDb } from '../../client/db';
import { currentLevels, type EvaluationLike, type MatrixCell } from '../../domain/rules/matrix';
import { liveAll, str, teamsWithMembers, userNames, type Rec, type TeamView } from '../shell/legacyQueries';

export interface Competence {
  id: string; activityId: string; label: string; description: string; kind: string; pictogram: string; romeCode: string; safetyCritical: boolean;
}
export interface Evaluation extends EvaluationLike { evaluatorId: string; comment: string }
export interface Objective { id: string; salarieId: string; competenceId: string; targetLevel: number; dueDate: string; comment: string }

const live = (rows: Rec[]) => rows.filter((r) => r._deleted === 0);

export function toCompetence(r: Rec): Competence {
  return {
    id: r.id, activityId: str(r, 'activityId'), label: str(r, 'label'), description: str(r, 'description'), kind: str(r, 'kind'),
    pictogram: str(r, 'pictogram'), romeCode: str(r, 'romeCode'), safetyCritical: r['safetyCritical'] === true,
  };
}

export function toEvaluation(r: Rec): Evaluation {
  return {
    id: r.id, salarieId: str(r, 'salarieId'), competenceId: str(r, 'competenceId'), level: typeof r['level'] === 'number' ? r['level'] : 0,
    context: str(r, 'context'), date: str(r, 'date'), evaluatorId: str(r, 'evaluatorId'), comment: str(r, 'comment'),
  };
}

export function toObjective(r: Rec): Objective {
  return {
    id: r.id, salarieId: str(r, 'salarieId'), competenceId: str(r, 'competenceId'), targetLevel: typeof r['targetLevel'] === 'number' ? r['targetLevel'] : 0,
    dueDate: str(r, 'dueDate'), comment: str(r, 'comment'),
  };
}

export interface Activity { id: string; name: string; romeCodes: string[] }

export async function activities(db: DeviceDb): Promise<Activity[]> {
  const rows = await liveAll(db, 'activity');
  return rows
    .map((r) => ({ id: r.id, name: str(r, 'name'), romeCodes: Array.isArray(r['romeCodes']) ? (r['romeCodes'] as string[]) : [] }))
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}

export async function competencesOf(db: DeviceDb, activityId: string): Promise<Competence[]> {
  const rows = live(await entityTable(db, 'competence').where('activityId').equals(activityId).toArray());
  return rows.map(toCompetence).sort((a, b) => a.label.localeCompare(b.label, 'fr'));
}

export async function allCompetences(db: DeviceDb): Promise<Competence[]> {
  return (await liveAll(db, 'competence')).map(toCompetence).sort((a, b) => a.label.localeCompare(b.label, 'fr'));
}

async function bySalaries(db: DeviceDb, entity: 'evaluation' | 'objective', salarieIds: string[]): Promise<Rec[]> {
  // One `equals` per salarié, not `anyOf`: Dexie answers `equals` with a single getAll, while
  // `anyOf` walks a cursor record by record (ten times slower on 5,000 evaluations).
  const table = entityTable(db, entity);
  const lists = await Promise.all(salarieIds.map((id) => table.where('salarieId').equals(id).toArray()));
  return live(lists.flat());
}

/**
 * The rows of these salariés. When they are most of the device's salariés, one getAll of the whole
 * table filtered in memory: a primary-key read, which a liveQuery observes as one range, where an
 * index read makes it record every key it returned (a third of the read time on 5,000 rows).
 */
async function ofSalaries(db: DeviceDb, entity: 'evaluation' | 'objective', salarieIds: string[], onDevice: number): Promise<Rec[]> {
  if (salarieIds.length === 0) return [];
  if (salarieIds.length * 2 < onDevice) return bySalaries(db, entity, salarieIds);
  const wanted = new Set(salarieIds);
  const rows = await entityTable(db, entity).toArray();
  return rows.filter((r) => r._deleted === 0 && wanted.has(str(r, 'salarieId')));
}

export interface MatrixData {
  teams: TeamView[];
  members: Rec[];
  competences: Competence[];
  evaluations: Evaluation[];
  cells: Map<string, MatrixCell>;
  objectives: Map<string, Objective[]>;
}

function groupObjectives(rows: Rec[]): Map<string, Objective[]> {
  const objectives = new Map<string, Objective[]>();
  for (const r of rows) {
    const o = toObjective(r);
    const key = `${o.salarieId}|${o.competenceId}`;
    const list = objectives.get(key);
    if (list === undefined) objectives.set(key, [o]); else list.push(o);
  }
  return objectives;
}

function distinctMembers(teams: readonly TeamView[]): Rec[] {
  const seen = new Set<string>();
  return teams.flatMap((t) => t.members).filter((m) => (seen.has(m.id) ? false : (seen.add(m.id), true)));
}

async function matrixOf(db: DeviceDb, teams: TeamView[], teamId: string, activityId: string): Promise<MatrixData> {
  const members = distinctMembers(teamId === '' ? teams : teams.filter((t) => t.team.id === teamId));
  const ids = members.map((m) => m.id);
  const onDevice = distinctMembers(teams).length;
  const [competences, evalRows, objRows] = await Promise.all([
    activityId === '' ? Promise.resolve([]) : competencesOf(db, activityId),
    ofSalaries(db, 'evaluation', ids, onDevice),
    ofSalaries(db, 'objective', ids, onDevice),
  ]);
  const evaluations = evalRows.map(toEvaluation);
  return { teams, members, competences, evaluations, cells: currentLevels(evaluations), objectives: groupObjectives(objRows) };
}

/** Everything the matrix screen shows for one team (or every team) and one activity. */
export async function matrixData(db: DeviceDb, today: string, teamId: string, activityId: string): Promise<MatrixData> {
  return matrixOf(db, await teamsWithMembers(db, today), teamId, activityId);
}

export interface MatrixFrame {
  activities: Activity[];
  /** The activity shown: the chosen one, else the team's own (or the only team's), else the first. */
  activityId: string;
  teams: TeamView[];
  members: Rec[];
  competences: Competence[];
  objectives: Map<string, Objective[]>;
  names: Map<string, string>;
  /** How many salariés this device holds (chooses how to read several salariés' rows). */
  onDevice: number;
}

/**
 * The matrix screen without its evaluations, in one read so that it renders once: activities,
 * teams, names, the activity's competences and the members' objectives. Small tables only: the
 * evaluations (thousands) are read per salarié by levelsOf, so that a write re-reads one salarié.
 */
export async function matrixFrame(db: DeviceDb, today: string, teamId: string, chosenActivity: string): Promise<MatrixFrame> {
  const [acts, teams, names] = await Promise.all([activities(db), teamsWithMembers(db, today), userNames(db)]);
  const team = teamId === '' ? (teams.length === 1 ? teams[0] : undefined) : teams.find((t) => t.team.id === teamId);
  const teamActivity = str(team?.team, 'activityId');
  const activityId = chosenActivity !== '' ? chosenActivity : teamActivity !== '' ? teamActivity : (acts[0]?.id ?? '');
  const members = distinctMembers(teamId === '' ? teams : teams.filter((t) => t.team.id === teamId));
  const [competences, objRows] = await Promise.all([
    activityId === '' ? Promise.resolve([]) : competencesOf(db, activityId),
    ofSalaries(db, 'objective', members.map((m) => m.id), distinctMembers(teams).length),
  ]);
  return { activities: acts, activityId, teams, members, competences, objectives: groupObjectives(objRows), names, onDevice: distinctMembers(teams).length };
}

export interface SalarieLevels { evaluations: Evaluation[]; cells: Map<string, MatrixCell> }

/**
 * One salarié's evaluations and current levels (every activity: a competence may be shared). One
 * `equals` on the salarieId index, i.e. one getAll; a liveQuery over it wakes up only for writes
 * about this salarié.
 */
export async function levelsOf(db: DeviceDb, salarieId: string): Promise<SalarieLevels> {
  const evaluations = (await bySalaries(db, 'evaluation', [salarieId])).map(toEvaluation);
  return { evaluations, cells: currentLevels(evaluations) };
}

/**
 * Several salariés' levels in one plain read (not observed): the first paint of a matrix with
 * nothing in memory. Most of the device's salariés: one getAll of the table, grouped here.
 */
export async function levelsOfMany(db: DeviceDb, salarieIds: string[], onDevice: number): Promise<Map<string, SalarieLevels>> {
  const bySalarie = new Map<string, Evaluation[]>(salarieIds.map((id) => [id, []]));
  for (const r of await ofSalaries(db, 'evaluation', salarieIds, onDevice)) bySalarie.get(str(r, 'salarieId'))?.push(toEvaluation(r));
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

/** One salarié's evaluations and objectives, and every competence (for names). */
export async function progressOf(db: DeviceDb, salarieId: string): Promise<{ evaluations: Evaluation[]; objectives: Objective[]; cells: Map<string, MatrixCell> }> {
  const [evalRows, objRows] = await Promise.all([bySalaries(db, 'evaluation', [salarieId]), bySalaries(db, 'objective', [salarieId])]);
  const evaluations = evalRows.map(toEvaluation);
  return { evaluations, objectives: objRows.map(toObjective), cells: currentLevels(evaluations) };
}
