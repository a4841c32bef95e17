// Time from an alert to its first reading: for each livret entry marked as an alert, the first
// review by anyone in the coordination (the earliest `at`), and the days between the entry's
// date and that reading. Figures per month of the alert: alerts, read, still unread, median and
// longest delay. Days, not hours: an entry carries only its date.
import { diffDays, type IsoDate } from '../rules/dates';
import { monthOf } from '../production/calendar';
import { inTeam, median, monthsOfYear, type TeamFilter, type TeamOf } from './teams';

export interface AlertFacts {
  id: string;
  salarieId: string;
  date: IsoDate;
  alert: boolean;
}

export interface ReadingFacts {
  logEntryId: string;
  reviewerId: string;
  /** The instant of the reading (ISO), to find the first one. */
  at: string;
  /** Its calendar day where it was read, to count days. */
  day: IsoDate;
}

export interface AlertReading {
  logEntryId: string;
  salarieId: string;
  teamId: string | null;
  date: IsoDate;
  firstReadOn: IsoDate | null;
  firstReaderId: string | null;
  /** Days from the alert to its first reading (0: the same day); null while unread. */
  delayDays: number | null;
  /** For an unread alert: days it has waited until today. */
  waitingDays: number | null;
}

export interface AlertMonth {
  month: string;
  alerts: number;
  read: number;
  unread: number;
  medianDays: number | null;
  maxDays: number | null;
}

export interface AlertReport {
  year: number;
  months: AlertMonth[];
  medianDays: number | null;
  items: AlertReading[];
}

export function alertReadings(entries: readonly AlertFacts[], readings: readonly ReadingFacts[], teamOf: TeamOf, today: IsoDate): AlertReading[] {
  const first = new Map<string, ReadingFacts>();
  for (const r of readings) {
    const prev = first.get(r.logEntryId);
    if (prev === undefined || r.at < prev.at || (r.at === prev.at && r.reviewerId < prev.reviewerId)) first.set(r.logEntryId, r);
  }
  return entries.filter((e) => e.alert).map((e) => {
    const r = first.get(e.id);
    return {
      logEntryId: e.id, salarieId: e.salarieId, teamId: teamOf(e.salarieId, e.date), date: e.date,
      firstReadOn: r?.day ?? null, firstReaderId: r?.reviewerId ?? null,
      // A reading dated before the entry (a clock, an entry back-dated) counts as the same day.
      delayDays: r === undefined ? null : Math.max(0, diffDays(r.day, e.date)),
      waitingDays: r === undefined ? Math.max(0, diffDays(today, e.date)) : null,
    };
  }).sort((a, b) => a.date.localeCompare(b.date) || a.logEntryId.localeCompare(b.logEntryId));
}

export function alertReport(entries: readonly AlertFacts[], readings: readonly ReadingFacts[], teamOf: TeamOf, year: number, team: TeamFilter, today: IsoDate): AlertReport {
  const items = alertReadings(entries, readings, teamOf, today).filter((a) => a.date.startsWith(`${year}-`) && inTeam(team, a.teamId));
  const delays = (list: readonly AlertReading[]) => list.flatMap((a) => (a.delayDays === null ? [] : [a.delayDays]));
  const months = monthsOfYear(year, today).map((month) => {
    const of = items.filter((a) => monthOf(a.date) === month);
    const d = delays(of);
    return { month, alerts: of.length, read: d.length, unread: of.length - d.length, medianDays: median(d), maxDays: d.length === 0 ? null : Math.max(...d) };
  });
  return { year, months, medianDays: median(delays(items)), items };
}
