// The reads of the competence screens over the device's tables: a team's matrix for one
// activity (members × competences, with evaluations and objectives in a few indexed reads, so
// 30 × 60 stays fast), and one salarié's progress. Pure derivations live in src/domain.
import { entityTable, type DeviceDb } from '../../client/db';
import { currentLevels, type EvaluationLike, type MatrixCell } from '../../domain/rules/matrix';
import { liveAll, str, teamsWithMembers, type Rec, type TeamView } from '../queries';

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

export interface MatrixData {
  teams: TeamView[];
  members: Rec[];
  competences: Competence[];
  evaluations: Evaluation[];
  cells: Map<string, MatrixCell>;
  objectives: Map<string, Objective[]>;
}

/** Everything the matrix screen shows for one team (or every team) and one activity. */
export async function matrixData(db: DeviceDb, today: string, teamId: string, activityId: string): Promise<MatrixData> {
  const teams = await teamsWithMembers(db, today);
  const chosen = teamId === '' ? teams : teams.filter((t) => t.team.id === teamId);
  const seen = new Set<string>();
  const members = chosen.flatMap((t) => t.members).filter((m) => (seen.has(m.id) ? false : (seen.add(m.id), true)));
  const ids = members.map((m) => m.id);
  const [competences, evalRows, objRows] = await Promise.all([
    activityId === '' ? Promise.resolve([]) : competencesOf(db, activityId),
    bySalaries(db, 'evaluation', ids),
    bySalaries(db, 'objective', ids),
  ]);
  const evaluations = evalRows.map(toEvaluation);
  const objectives = new Map<string, Objective[]>();
  for (const o of objRows.map(toObjective)) {
    const key = `${o.salarieId}|${o.competenceId}`;
    const list = objectives.get(key);
    if (list === undefined) objectives.set(key, [o]); else list.push(o);
  }
  return { teams, members, competences, evaluations, cells: currentLevels(evaluations), objectives };
}

/** One salarié's evaluations and objectives, and every competence (for names). */
export async function progressOf(db: DeviceDb, salarieId: string): Promise<{ evaluations: Evaluation[]; objectives: Objective[]; cells: Map<string, MatrixCell> }> {
  const [evalRows, objRows] = await Promise.all([bySalaries(db, 'evaluation', [salarieId]), bySalaries(db, 'objective', [salarieId])]);
  const evaluations = evalRows.map(toEvaluation);
  return { evaluations, objectives: objRows.map(toObjective), cells: currentLevels(evaluations) };
}
