// The past salariés of the generated history: who held each place in a team before today's
// salariés (stays made of CDDI renewals, gaps between them), with their dossier records.
import type { JsonValue } from '../../sync/protocol';
import { addMonths, formatDay, workingDayOnOrAfter, workingDayOnOrBefore, yearOf, type Day } from './dates';
import { EXIT_KIND_WEIGHTS, FIRST_NAMES, LAST_NAMES, PMSMP_COMPANIES, PRESCRIBERS } from './historyContent';
import type { DemoIndex, HistoryTeam } from './historyIndex';
import { contractPeriods, passEnd, passNumber } from './parcours';
import type { Rng } from './random';
import { drawCeiling, levelAfter, scheduleFor, type Schedule } from './schedule';
import type { DemoRecord } from './types';

export interface Person {
  salarieId: string;
  firstName: string;
  team: HistoryTeam;
  /** First and last day present. */
  from: Day;
  to: Day;
  schedule: Schedule;
  pauses: Array<{ start: Day; end: Day }>;
  pmsmp?: { start: Day; end: Day };
  fle?: { weekday: number; hours: number };
  /** Generated here (gets evaluations and a dossier); demo salariés keep their own progress. */
  generated: boolean;
  pace: number;
  offsets: Map<string, number>;
  ceilings: Map<string, number>;
}

export interface Sink {
  rng: Rng;
  add(entity: DemoRecord['entity'], fields: Record<string, JsonValue>, id?: string): string;
  newId(): string;
}

const HOURS: ReadonlyArray<readonly [number, number]> = [[26, 50], [20, 20], [24, 12], [35, 12], [12, 6]];
const CONTRACT_COUNT: ReadonlyArray<readonly [number, number]> = [[1, 20], [2, 30], [3, 30], [4, 20]];

/** Competence level of a person on a day, drawing their offset and ceiling the first time. */
export function levelOf(p: Person, rng: Rng, key: string, difficulty: number, day: Day): number {
  let offset = p.offsets.get(key);
  if (offset === undefined) {
    offset = rng.next() - 0.5;
    p.offsets.set(key, offset);
    p.ceilings.set(key, drawCeiling(rng.next, difficulty));
  }
  return levelAfter(day - p.from, p.pace, difficulty, offset, p.ceilings.get(key) ?? 4);
}

/**
 * Fill each place of each team with successive past salariés, from before the horizon up to
 * the day today's holder arrived (or, for places that no longer exist, before the demo month).
 */
export function pastPeople(sink: Sink, index: DemoIndex, horizon: Day, placesPerTeam: number): Person[] {
  const out: Person[] = [];
  const names = new Set(index.names);
  for (const team of index.teams) {
    const current = index.members.filter((m) => m.team === team).sort((a, b) => a.from - b.from);
    for (let place = 0; place < placesPerTeam; place++) {
      const holder = current[place];
      const placeEnd = holder ? holder.from - sink.rng.int(5, 40) : index.timeStart - sink.rng.int(10, 120);
      let cursor = horizon - sink.rng.int(30, 400);
      while (cursor < placeEnd - 60) {
        const { person, exit } = pastPerson(sink, index, team, workingDayOnOrAfter(cursor), placeEnd, names, horizon);
        cursor = exit + sink.rng.int(5, 40);
        if (person) out.push(person);
      }
    }
  }
  return out;
}

/** One past salarié from `entry`; nobody (but still an exit day) when the stay is too short or too old. */
function pastPerson(sink: Sink, index: DemoIndex, team: HistoryTeam, entry: Day, limit: Day, names: Set<string>, horizon: Day): { person?: Person; exit: Day } {
  const { rng } = sink;
  const weeklyHours = rng.weighted(HOURS);
  const pass = passEnd(entry, []);
  const periods = contractPeriods(entry, pass, pass).slice(0, rng.weighted(CONTRACT_COUNT));
  let exit = periods[periods.length - 1]?.end ?? entry;
  // Some leave before the contract ends (a job found, a break), and nobody stays past the place.
  if (rng.chance(0.15)) exit = rng.int(Math.min(exit, entry + 45), exit);
  exit = workingDayOnOrBefore(Math.min(exit, limit));
  if (exit - entry < 30 || exit < horizon) return { exit: Math.max(exit, entry + 30) };

  let name: string;
  let firstName: string;
  do {
    firstName = rng.pick(FIRST_NAMES);
    name = `${firstName} ${rng.pick(LAST_NAMES)}`;
  } while (names.has(name));
  names.add(name);

  const lowHours = weeklyHours < 20;
  const fields: Record<string, JsonValue> = {
    firstName, lastName: name.slice(firstName.length + 1), birthDate: `${yearOf(entry) - rng.int(19, 60)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
    entryDate: formatDay(entry), exitDate: formatDay(exit), exitKind: rng.weighted(EXIT_KIND_WEIGHTS),
    phone: `0${rng.pick(['6', '7'])} ${rng.int(10, 99)} ${rng.int(10, 99)} ${rng.int(10, 99)} ${rng.int(10, 99)}`, prescriber: rng.pick(PRESCRIBERS),
  };
  if (rng.chance(0.1)) fields['rqth'] = true;
  const salarieId = sink.add('salarie', fields);
  sink.add('membership', { teamId: team.id, salarieId, from: formatDay(entry), to: formatDay(exit) });
  const passId = sink.add('passIae', { salarieId, number: passNumber(rng, entry, index.passNumbers), start: formatDay(entry) });
  for (const period of periods) {
    if (period.start > exit) break;
    sink.add('contract', {
      salarieId, type: 'cddi', start: formatDay(period.start), end: formatDay(Math.min(period.end, exit)), weeklyHours,
      ...(lowHours ? { lowHoursReason: 'aci_waiver' } : {}),
    });
  }

  const person: Person = {
    salarieId, firstName, team, from: entry, to: exit, schedule: scheduleFor(weeklyHours), pauses: [], generated: true,
    pace: 0.7 + rng.next() * 0.7, offsets: new Map(), ceilings: new Map(),
  };
  if (rng.chance(0.06) && exit - entry > 150) {
    const start = entry + rng.int(60, exit - entry - 60);
    const pause = { start, end: start + rng.int(15, 45) };
    person.pauses.push(pause);
    sink.add('suspension', { salarieId, passIaeId: passId, start: formatDay(pause.start), end: formatDay(pause.end), reason: 'contract_suspended' });
  }
  if (rng.chance(0.1)) person.fle = { weekday: rng.int(0, 3), hours: 2.5 };
  if (rng.chance(0.35) && exit - entry > 120) {
    const start = workingDayOnOrAfter(exit - rng.int(30, 90));
    const end = start + rng.int(4, 13);
    person.pmsmp = { start, end };
    sink.add('pmsmp', {
      salarieId, company: rng.pick(PMSMP_COMPANIES[team.kind]), start: formatDay(start), end: formatDay(end),
      objective: 'Découvrir le métier en entreprise et confirmer le projet professionnel.',
      outcome: rng.pick(['Retour positif du tuteur : ponctualité et sérieux.', 'Immersion écourtée : le métier ne correspond pas au projet.', 'Bonne immersion, piste d’embauche à suivre.']),
    });
  }
  addDiagnostics(sink, person, exit);
  addObjectivesAndBadges(sink, index, person);
  return { person, exit };
}

function addDiagnostics(sink: Sink, p: Person, exit: Day): void {
  const { rng } = sink;
  const first = Array.from({ length: 8 }, () => rng.weighted([[1, 1], [2, 4], [3, 4], [4, 3]] as const));
  const dims = ['langue', 'posteTravail', 'logement', 'accesDroit', 'mobilite', 'ressources', 'justice', 'disponibilite'] as const;
  const levels = (values: number[]): Record<string, number> => Object.fromEntries(dims.map((d, i) => [d, values[i] ?? 3]));
  sink.add('diagnostic', { salarieId: p.salarieId, date: formatDay(workingDayOnOrAfter(p.from + 2)), levels: levels(first), comment: 'Diagnostic à l’entrée, réalisé avec la CIP.' });
  if (exit - p.from > 200) {
    const later = first.map((l) => Math.min(4, l + (rng.chance(0.45) ? 1 : 0)));
    sink.add('diagnostic', { salarieId: p.salarieId, date: formatDay(workingDayOnOrBefore(p.from + 183)), levels: levels(later), comment: 'Point d’étape à six mois.' });
  }
}

function addObjectivesAndBadges(sink: Sink, index: DemoIndex, p: Person): void {
  const { rng } = sink;
  const comps = p.team.activity.competences;
  for (let i = rng.int(1, 2); i > 0; i--) {
    const def = rng.pick(comps);
    const id = index.competenceIds.get(def.key);
    const set = p.from + rng.int(20, Math.max(21, p.to - p.from - 30));
    const current = levelOf(p, rng, def.key, def.difficulty, set);
    if (!id || current >= 4) continue;
    sink.add('objective', { salarieId: p.salarieId, competenceId: id, targetLevel: current + 1, dueDate: formatDay(workingDayOnOrBefore(addMonths(set, 2))) });
  }
  if (p.to - p.from < 270) return;
  for (const def of comps) {
    const id = index.competenceIds.get(def.key);
    if (!id || levelOf(p, rng, def.key, def.difficulty, p.to) < 3 || !rng.chance(0.15)) continue;
    sink.add('badge', {
      salarieId: p.salarieId, competenceId: id, issuedOn: formatDay(workingDayOnOrBefore(p.to - rng.int(0, 30))), issuerId: index.coordinatorId,
      evidence: `Évaluations en situation de production : « ${def.label} », acquis.`,
    });
  }
}
