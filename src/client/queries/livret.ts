// The reads of one salarié's file for the team (livret de suivi, diagnostic, accueil, PMSMP) and of
// the accueil reminder « Aujourd'hui » shows. Each screen's data is read in one call whose table
// reads are issued together (Promise.all), so a live query renders once per change, not once per
// table. Rows are the typed EntityRows of entities.ts; defaults for display are the screens' own.
import { mergeOnboarding, needsOnboardingReminder, onboardingProgress, type OnboardingState } from '../../domain/competences/onboarding';
import type { DeviceDb } from '../db';
import type { EntityRow } from '../rows';
import { allCompetences, evaluationsOf } from './salarieCompetences';
import { reviewsByEntry, teamsWithMembers, userNames, type SalarieRow } from './teams';
import { allOf, oneOf, rangeOf, whereIn } from './tables';

export type LogEntryRow = EntityRow<'logEntry'>;
export type ReviewRow = EntityRow<'review'>;
export type PmsmpRow = EntityRow<'pmsmp'>;
export type DiagnosticRow = EntityRow<'diagnostic'>;
export type OnboardingRow = EntityRow<'onboarding'>;

/** A salarié's log, newest first (same date: latest written first, ids being time-ordered). */
export function logOf(db: DeviceDb, salarieId: string): Promise<LogEntryRow[]> {
  return rangeOf(db, 'logEntry', '[salarieId+date]', salarieId, undefined, undefined, true);
}

export interface LivretData {
  salarie: SalarieRow | undefined;
  /** Newest first. */
  entries: LogEntryRow[];
  /** The coordination's review of each entry, by entry id. */
  reviews: Map<string, ReviewRow>;
  /** Display names of users (authors, reviewers), by id. */
  names: Map<string, string>;
}

/**
 * Everything the livret timeline shows, in one read. Reviews and users are whole-table reads
 * (a primary-key getAll) mapped here, where an index or a Dexie `filter` would walk a cursor.
 */
export async function livretData(db: DeviceDb, salarieId: string): Promise<LivretData> {
  const [salarie, entries, reviews, names] = await Promise.all([
    oneOf(db, 'salarie', salarieId), logOf(db, salarieId), reviewsByEntry(db), userNames(db),
  ]);
  return { salarie, entries, reviews, names };
}

/** A salarié's PMSMPs, the latest start first. */
export async function pmsmpsOf(db: DeviceDb, salarieId: string): Promise<PmsmpRow[]> {
  const rows = await whereIn(db, 'pmsmp', 'salarieId', [salarieId]);
  return rows.sort((a, b) => b.start.localeCompare(a.start));
}

/** A salarié's diagnostics, oldest first (same date: by id, i.e. in the order they were made). */
export async function diagnosticsOf(db: DeviceDb, salarieId: string): Promise<DiagnosticRow[]> {
  const rows = await whereIn(db, 'diagnostic', 'salarieId', [salarieId]);
  return rows.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}

export interface Onboarding {
  /** Usually one; two when two tablets started the checklist offline. By id (oldest first). */
  records: OnboardingRow[];
  /** The records merged: each item's earliest date, or null. */
  state: OnboardingState;
}

/** A salarié's accueil checklist: its records merged into one state. */
export async function onboardingOf(db: DeviceDb, salarieId: string): Promise<Onboarding> {
  const records = (await whereIn(db, 'onboarding', 'salarieId', [salarieId])).sort((a, b) => a.id.localeCompare(b.id));
  return { records, state: mergeOnboarding(records) };
}

export interface PendingAccueil { salarie: SalarieRow; done: number; total: number }

/**
 * The salariés of this device's teams (or of `members`, when the screen has them already) whose
 * accueil is incomplete in their first weeks, in the order of the teams and their members.
 */
export async function pendingAccueils(db: DeviceDb, today: string, members?: readonly SalarieRow[]): Promise<PendingAccueil[]> {
  const [people, records] = await Promise.all([
    members ?? teamsWithMembers(db, today).then((teams) => teams.flatMap((t) => t.members)),
    allOf(db, 'onboarding'),
  ]);
  const bySalarie = new Map<string, OnboardingRow[]>();
  for (const r of records) {
    const list = bySalarie.get(r.salarieId);
    if (list === undefined) bySalarie.set(r.salarieId, [r]); else list.push(r);
  }
  const seen = new Set<string>();
  const out: PendingAccueil[] = [];
  for (const s of people) {
    if (seen.has(s.id)) continue;
    seen.add(s.id);
    const state = mergeOnboarding(bySalarie.get(s.id) ?? []);
    if (!needsOnboardingReminder(state, s.entryDate, today)) continue;
    const p = onboardingProgress(state);
    out.push({ salarie: s, done: p.done, total: p.total });
  }
  return out;
}

export function livretQueries(db: DeviceDb) {
  return {
    /** One salarié, or undefined (not on this device, or deleted). */
    salarie: (salarieId: string) => oneOf(db, 'salarie', salarieId),
    livret: (salarieId: string) => livretData(db, salarieId),
    logOf: (salarieId: string) => logOf(db, salarieId),
    pmsmpsOf: (salarieId: string) => pmsmpsOf(db, salarieId),
    diagnosticsOf: (salarieId: string) => diagnosticsOf(db, salarieId),
    onboardingOf: (salarieId: string) => onboardingOf(db, salarieId),
    pendingAccueils: (today: string, members?: readonly SalarieRow[]) => pendingAccueils(db, today, members),
    /** Every competence, by label: what can be observed during a PMSMP. */
    competences: () => allCompetences(db),
    /** A salarié's evaluations (PMSMP observations are among them). */
    evaluationsOf: (salarieId: string) => evaluationsOf(db, salarieId),
  };
}
