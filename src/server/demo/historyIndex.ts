// What the history generator needs to know about a built demo, read back from its records
// (not from the builder's internals) so any DemoData can be given a past.
import { parseDay, type Day } from './dates';
import { ACTIVITIES, type ActivityDef } from './referentiel';
import type { DemoData } from './types';

export interface HistoryTeam {
  id: string;
  etiUserId: string;
  activityId: string;
  activity: ActivityDef;
  /** 0 espaces verts, 1 textile: which week plan and past chantiers it uses. */
  kind: 0 | 1;
}

export interface HistoryMember {
  salarieId: string;
  firstName: string;
  team: HistoryTeam;
  from: Day;
  to?: Day;
  weeklyHours: number;
  /** Suspensions of the parcours: no work on those days. */
  pauses: Array<{ start: Day; end: Day }>;
}

export interface DemoIndex {
  coordinatorId: string;
  teams: HistoryTeam[];
  competenceIds: Map<string, string>;
  members: HistoryMember[];
  /** The demo's first time entry and first planning slot: the history stops the day before. */
  timeStart: Day;
  planStart: Day;
  /** `salarieId|day` of demo days with no work (absences), so history assigns nobody then. */
  absent: Set<string>;
  names: Set<string>;
  passNumbers: Set<string>;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export function indexDemo(demo: DemoData): DemoIndex {
  const byEntity = (e: string) => demo.records.filter((r) => r.entity === e);
  const coordinator = demo.users.find((u) => u.role === 'coordinator');
  if (!coordinator) throw new Error('la démo n’a pas de coordination');

  const activityNames = new Map(byEntity('activity').map((r) => [r.id, str(r.fields['name'])]));
  const teams: HistoryTeam[] = byEntity('team').map((r) => {
    const activityId = str(r.fields['activityId']);
    const kind = ACTIVITIES.findIndex((a) => a.name === activityNames.get(activityId));
    const activity = ACTIVITIES[kind];
    const eti = r.fields['etiUserIds'];
    const etiUserId = Array.isArray(eti) && typeof eti[0] === 'string' ? eti[0] : undefined;
    if (!activity || etiUserId === undefined) throw new Error(`équipe sans activité connue ou sans ETI : ${r.id}`);
    return { id: r.id, etiUserId, activityId, activity, kind: kind === 0 ? 0 : 1 };
  });

  const keyByLabel = new Map(ACTIVITIES.flatMap((a) => a.competences.map((c) => [c.label, c.key] as const)));
  const competenceIds = new Map<string, string>();
  for (const r of byEntity('competence')) {
    const key = keyByLabel.get(str(r.fields['label']));
    if (key) competenceIds.set(key, r.id);
  }

  const salaries = new Map(byEntity('salarie').map((r) => [r.id, r.fields]));
  const hours = new Map<string, { start: string; hours: number }>();
  for (const r of byEntity('contract')) {
    const id = str(r.fields['salarieId']);
    const start = str(r.fields['start']);
    const prev = hours.get(id);
    if (!prev || start > prev.start) hours.set(id, { start, hours: Number(r.fields['weeklyHours']) });
  }
  const pauses = new Map<string, Array<{ start: Day; end: Day }>>();
  for (const r of byEntity('suspension')) {
    const id = str(r.fields['salarieId']);
    pauses.set(id, [...(pauses.get(id) ?? []), { start: parseDay(str(r.fields['start'])), end: parseDay(str(r.fields['end'])) }]);
  }
  const members: HistoryMember[] = byEntity('membership').flatMap((r) => {
    const team = teams.find((t) => t.id === r.fields['teamId']);
    const salarieId = str(r.fields['salarieId']);
    if (!team) return [];
    const to = typeof r.fields['to'] === 'string' ? parseDay(r.fields['to']) : undefined;
    return [{
      salarieId, firstName: str(salaries.get(salarieId)?.['firstName']), team, from: parseDay(str(r.fields['from'])),
      weeklyHours: hours.get(salarieId)?.hours ?? 26, pauses: pauses.get(salarieId) ?? [], ...(to !== undefined ? { to } : {}),
    }];
  });

  const times = byEntity('timeEntry');
  const slotDates = byEntity('planningSlot').map((r) => str(r.fields['date']));
  const minDate = (dates: string[]): Day => {
    if (dates.length === 0) throw new Error('la démo n’a ni relevé d’heures ni planning');
    return parseDay(dates.reduce((a, b) => (a <= b ? a : b)));
  };
  const timeStart = minDate(times.map((r) => str(r.fields['date'])));
  return {
    coordinatorId: coordinator.id, teams, competenceIds, members, timeStart,
    planStart: Math.max(timeStart, minDate(slotDates)),
    absent: new Set(times.filter((r) => r.fields['hours'] === 0).map((r) => `${str(r.fields['salarieId'])}|${str(r.fields['date'])}`)),
    names: new Set([...salaries.values()].map((f) => `${str(f['firstName'])} ${str(f['lastName'])}`)),
    passNumbers: new Set(byEntity('passIae').map((r) => str(r.fields['number']))),
  };
}
