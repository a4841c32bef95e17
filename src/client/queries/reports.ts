// The coordination's reports' reads (issue 11): exits and sorties dynamiques, progress, hours
// against contract hours, alert reading times — raw rows for the pure rules in domain/reports.
// One getAll per table, issued together: a report covers the whole structure and every year, so
// the screen computes each report from the same rows when the year or the team changes, with no
// new read. Only the fields the rules need are kept (no texts of livret entries).
import type { DeviceDb } from '../db';
import type { ContractFacts } from '../../domain/production/planning';
import type { TimeEntryFacts } from '../../domain/production/hours';
import type { EvaluationLike } from '../../domain/rules/matrix';
import type { SalarieExitFacts } from '../../domain/reports/exits';
import type { MembershipLike } from '../../domain/reports/teams';
import type { AlertFacts, ReadingFacts } from '../../domain/reports/alerts';
import { byFrench } from '../../domain/people';
import type { IsoDate } from '../../domain/rules/dates';
import { allOf } from './tables';

export interface ReportsData {
  structureName: string;
  /** Teams by French name. */
  teams: { id: string; name: string }[];
  salaries: SalarieExitFacts[];
  memberships: MembershipLike[];
  contracts: Map<string, ContractFacts[]>;
  evaluations: EvaluationLike[];
  competenceLabels: Map<string, string>;
  entries: TimeEntryFacts[];
  alerts: AlertFacts[];
  readings: ReadingFacts[];
  userNames: Map<string, string>;
}

/** The calendar day of an instant on this device ('2026-03-02T23:30:00Z' read in Paris: 3 March). */
export function localDay(at: string): IsoDate {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export async function loadReports(db: DeviceDb): Promise<ReportsData> {
  const [structures, teams, salaries, memberships, contracts, evaluations, competences, entries, logEntries, reviews, users] = await Promise.all([
    allOf(db, 'structure'), allOf(db, 'team'), allOf(db, 'salarie'), allOf(db, 'membership'), allOf(db, 'contract'),
    allOf(db, 'evaluation'), allOf(db, 'competence'), allOf(db, 'timeEntry'), allOf(db, 'logEntry'), allOf(db, 'review'), allOf(db, 'user'),
  ]);
  const byContract = new Map<string, ContractFacts[]>();
  for (const c of contracts) {
    const list = byContract.get(c.salarieId) ?? [];
    list.push({ type: c.type, start: c.start, end: c.end ?? null, weeklyHours: c.weeklyHours });
    byContract.set(c.salarieId, list);
  }
  const alertIds = new Set(logEntries.filter((e) => e.alert).map((e) => e.id));
  return {
    structureName: structures[0]?.name ?? '',
    teams: teams.map((t) => ({ id: t.id, name: t.name })).sort((a, b) => byFrench(a.name, b.name)),
    salaries: salaries.map((s) => ({ id: s.id, firstName: s.firstName, lastName: s.lastName, entryDate: s.entryDate ?? null, exitDate: s.exitDate ?? null, exitKind: s.exitKind ?? null })),
    memberships: memberships.map((m) => ({ salarieId: m.salarieId, teamId: m.teamId, from: m.from, to: m.to ?? null })),
    contracts: byContract,
    evaluations: evaluations.map((e) => ({ id: e.id, salarieId: e.salarieId, competenceId: e.competenceId, level: e.level, context: e.context, date: e.date })),
    competenceLabels: new Map(competences.map((c) => [c.id, c.label])),
    entries: entries.map((e) => ({ salarieId: e.salarieId, date: e.date, hours: e.hours })),
    alerts: logEntries.filter((e) => e.alert).map((e) => ({ id: e.id, salarieId: e.salarieId, date: e.date, alert: true })),
    readings: reviews.filter((r) => alertIds.has(r.logEntryId)).map((r) => ({ logEntryId: r.logEntryId, reviewerId: r.reviewerId, at: r.at, day: localDay(r.at) })),
    userNames: new Map(users.map((u) => [u.id, u.displayName])),
  };
}

export function reportsQueries(db: DeviceDb) {
  return {
    load: () => loadReports(db),
  };
}
