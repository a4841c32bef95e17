// The coordination bench's structure (bench/coordinationBrowser.ts), written straight into a real
// IndexedDB: 10 teams, 200 salariés en parcours (PASS IAE with suspensions and prolongations,
// CDDI renewed every 4 months, objectives, evaluations, accueil, diagnostics, some deadlines
// already decided) and 2,000 livret entries over the last 90 days, 5 % of them alerts, most of
// the older ones already read (and two alerts out of three handled) by the coordinator. Every
// choice is a function of the index, so the expected screens can be computed from these arrays.
import { openDeadlines } from '../src/domain/parcours/deadlines';
import { parcoursDeadlines } from '../src/domain/parcours/facts';
import { isEntityName, LOG_CATEGORIES } from '../src/domain/entities';
import { addDays, addMonths, type IsoDate } from '../src/domain/rules/dates';
import { uuidv7 } from '../src/domain/ids';
import type { DeviceDb } from '../src/client/db';
import type { ProlongationReason } from '../src/domain/rules/types';
import { versionOf } from '../src/domain/records/upgrades';

export const TEAMS = 10;
export const SALARIES = 200;
export const ENTRIES = 2000;
export const DAYS = 90;
/** Entries older than this were read by the coordinator (the rest is « à lire »). */
export const READ_BEFORE_DAYS = 14;

type Fields = Record<string, unknown>;
export type Row = { id: string; structureId: string } & Fields;

/** Typed views of the seeded rows the expectations read. */
export interface SeedEntry { id: string; salarieId: string; authorId: string; date: IsoDate; category: string; alert: boolean; text: string }
export interface SeedReview { id: string; logEntryId: string; reviewerId: string; at: string; salarieId: string; followUp?: string }
export interface SeedSalarie { id: string; firstName: string; lastName: string; teamId: string }

export interface Seed {
  structureId: string;
  coordinatorId: string;
  teams: { id: string; name: string }[];
  salaries: SeedSalarie[];
  entries: SeedEntry[];
  reviews: SeedReview[];
  memberships: { teamId: string; salarieId: string; from: IsoDate }[];
  passes: { id: string; salarieId: string; start: IsoDate }[];
  suspensions: { id: string; salarieId: string; passIaeId: string; start: IsoDate; end: IsoDate; reason: string }[];
  prolongations: { id: string; salarieId: string; passIaeId: string; start: IsoDate; end: IsoDate; reason: ProlongationReason; decision: 'pending' | 'granted' }[];
  contracts: { id: string; salarieId: string; type: 'cddi'; start: IsoDate; end: IsoDate; weeklyHours: number; renewalOf: string | null }[];
  handledKeys: Set<string>;
  /** Every table's rows, as stored. */
  tables: Record<string, Row[]>;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

export function buildSeed(today: IsoDate): Seed {
  const structureId = uuidv7();
  const rec = (fields: Fields): Row => ({ id: uuidv7(), structureId, ...fields });
  const coordinator = rec({ login: 'coordination', displayName: 'Claire Coordination', role: 'coordinator' });
  const colleague = rec({ login: 'cip', displayName: 'Paul Conseiller', role: 'coordinator' });
  const etis = Array.from({ length: TEAMS }, (_, t) => rec({ login: `eti${t}`, displayName: `Encadrant ${pad(t, 2)}`, role: 'eti' }));
  const activity = rec({ name: 'Espaces verts' });
  const competences = Array.from({ length: 20 }, (_, c) => rec({ activityId: activity.id, label: `Compétence ${pad(c, 2)}` }));
  const teams = etis.map((eti, t) => rec({ name: `Équipe ${pad(t + 1, 2)}`, etiUserIds: [eti.id], activityId: activity.id }));

  const salaries: SeedSalarie[] = [];
  const salarieRows: Row[] = [];
  const memberships: Seed['memberships'] = [];
  const passes: Seed['passes'] = [];
  const suspensions: Seed['suspensions'] = [];
  const prolongations: Seed['prolongations'] = [];
  const contracts: Seed['contracts'] = [];
  const objectives: Row[] = [];
  const evaluations: Row[] = [];
  const onboardings: Row[] = [];
  const diagnostics: Row[] = [];
  const decisions: Row[] = [];
  const handledKeys = new Set<string>();
  for (let i = 0; i < SALARIES; i++) {
    const team = teams[i % TEAMS]!;
    // Entered between 1 month and 2 years ago, so PASS ends and contract ends spread over the year.
    const entryDate = addDays(today, -(30 + ((i * 37) % 700)));
    const s = rec({ firstName: `Prénom${pad(i, 3)}`, lastName: `Nom${pad((i * 73) % SALARIES, 3)}`, birthDate: `${1965 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}`, entryDate });
    salarieRows.push(s);
    salaries.push({ id: s.id, firstName: String(s.firstName), lastName: String(s.lastName), teamId: team.id });
    memberships.push({ teamId: team.id, salarieId: s.id, from: entryDate });
    const pass = { id: uuidv7(), salarieId: s.id, start: entryDate };
    passes.push(pass);
    if (i % 10 === 3) suspensions.push({ id: uuidv7(), salarieId: s.id, passIaeId: pass.id, start: addDays(entryDate, 20), end: addDays(entryDate, 50), reason: 'sick' });
    if (i % 25 === 7) suspensions.push({ id: uuidv7(), salarieId: s.id, passIaeId: pass.id, start: addDays(today, -10), end: addDays(today, 20), reason: 'sick' });
    if (i % 20 === 5 || i % 20 === 15) {
      const start = addDays(addMonths(entryDate, 24), 1);
      prolongations.push({ id: uuidv7(), salarieId: s.id, passIaeId: pass.id, start, end: addMonths(start, 6), reason: 'particular_difficulties', decision: i % 20 === 5 ? 'granted' : 'pending' });
    }
    // CDDI of 4 months renewed back to back up to today; one in nine not renewed after its end.
    let start = entryDate;
    let previous: string | null = null;
    for (;;) {
      const c: Seed['contracts'][number] = { id: uuidv7(), salarieId: s.id, type: 'cddi' as const, start, end: addDays(addMonths(start, 4), -1), weeklyHours: 26, renewalOf: previous };
      contracts.push(c);
      previous = c.id;
      start = addDays(c.end, 1);
      if (c.end >= today || (i % 9 === 0 && c.end >= addDays(today, -60))) break;
    }
    for (let k = 0; k < 3; k++) {
      const competenceId = competences[(i + k) % competences.length]!.id;
      objectives.push(rec({ salarieId: s.id, competenceId, targetLevel: 3, dueDate: addDays(today, -30 + k * 45) }));
      for (let e = 0; e < 2; e++) evaluations.push(rec({ salarieId: s.id, competenceId, level: (i + k + e) % 5, context: 'production', date: addDays(today, -80 + e * 40), evaluatorId: etis[i % TEAMS]!.id }));
    }
    const done = addDays(entryDate, 2);
    onboardings.push(rec({ salarieId: s.id, visiteOn: done, ...(i % 7 === 0 ? {} : { reglementOn: done, securiteOn: done, epiOn: done, personnesOn: done, droitsOn: done }) }));
    diagnostics.push(rec({ salarieId: s.id, date: addDays(entryDate, 10), levels: { langue: 1 + (i % 4), mobilite: 2 } }));
    if (i % 2 === 0) diagnostics.push(rec({ salarieId: s.id, date: addDays(today, -60), levels: { langue: 2 } }));
  }
  // A third of the salariés have their first open deadline decided already.
  for (let i = 0; i < SALARIES; i += 3) {
    const sid = salaries[i]!.id;
    const open = openDeadlines(parcoursDeadlines({
      salarieId: sid, passes: passes.filter((p) => p.salarieId === sid), suspensions: suspensions.filter((p) => p.salarieId === sid),
      prolongations: prolongations.filter((p) => p.salarieId === sid), contracts: contracts.filter((c) => c.salarieId === sid),
    }), new Set(), today);
    const first = open[0];
    if (first === undefined) continue;
    handledKeys.add(first.key);
    decisions.push(rec({ salarieId: sid, deadlineKey: first.key, decidedOn: today, decidedBy: coordinator.id, note: 'Vu en réunion.' }));
  }

  const categories = LOG_CATEGORIES.filter((c) => c !== 'alerte');
  const entries: SeedEntry[] = [];
  const reviews: SeedReview[] = [];
  const readBefore = addDays(today, -READ_BEFORE_DAYS);
  for (let j = 0; j < ENTRIES; j++) {
    const s = salaries[j % SALARIES]!;
    const alert = j % 20 === 0;
    const date = addDays(today, -((j * 7919) % DAYS));
    const e: SeedEntry = {
      id: uuidv7(), salarieId: s.id, authorId: etis[teams.findIndex((t) => t.id === s.teamId)]!.id, date,
      category: alert ? 'alerte' : categories[j % categories.length]!, alert,
      text: `Observation n° ${j} : le geste progresse, à revoir la semaine prochaine avec l’équipe.`,
    };
    entries.push(e);
    if (date < readBefore) {
      // Read by the coordinator the evening of its day; two alerts out of three handled then.
      const handled = alert && (j / 20) % 3 !== 0;
      reviews.push({ id: uuidv7(), logEntryId: e.id, reviewerId: coordinator.id, at: `${date}T17:00:00.000Z`, salarieId: s.id, ...(handled ? { followUp: 'Appel au salarié, point avec l’ETI.' } : {}) });
    }
    // A colleague reads a third of everything: their reviews do not count as this reader's.
    if (j % 3 === 0) reviews.push({ id: uuidv7(), logEntryId: e.id, reviewerId: colleague.id, at: `${date}T18:00:00.000Z`, salarieId: s.id });
  }

  const stored = (rows: readonly object[]): Row[] => rows.map((r) => ({ id: '', ...r, structureId }));
  return {
    structureId, coordinatorId: coordinator.id,
    teams: teams.map((t) => ({ id: t.id, name: String(t.name) })),
    salaries, entries, reviews, memberships, passes, suspensions, prolongations, contracts, handledKeys,
    tables: {
      structure: [{ id: structureId, structureId, name: 'ACI du banc', type: 'ACI' }],
      user: [coordinator, colleague, ...etis],
      activity: [activity], competence: competences, team: teams, salarie: salarieRows,
      membership: stored(memberships.map((m) => ({ id: uuidv7(), ...m }))),
      passIae: stored(passes), suspension: stored(suspensions), prolongation: stored(prolongations), contract: stored(contracts),
      objective: objectives, evaluation: evaluations, onboarding: onboardings, diagnostic: diagnostics, decision: decisions,
      logEntry: stored(entries.map((e) => ({ ...e, visibility: 'team' }))), review: stored(reviews),
    },
  };
}

/** Bulk fill straight into the tables (the bench is about reading, not seeding). */
export async function writeSeed(db: DeviceDb, seed: Seed): Promise<number> {
  let n = 0;
  for (const [table, rows] of Object.entries(seed.tables)) {
    if (!isEntityName(table)) throw new Error(`unknown table ${table}`);
    // Stored as a sync stores them: today's record version, so nothing is upgraded on read.
    const v = versionOf(table);
    await db.table(table).bulkAdd(rows.map((r) => ({ _clocks: {}, _deleted: 0, _v: v, ...r })));
    n += rows.length;
  }
  return n;
}
