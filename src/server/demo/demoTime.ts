// The relevé d'heures of the demo: one entry per salarié per worked day from the first of the
// month before last to yesterday, with scripted absences of every kind, lateness and FLE classes.
import type { ABSENCE_TYPES } from '../../domain/entities';
import type { JsonValue } from '../../sync/protocol';
import { lastDayOf, type DemoContext, type SalarieInfo } from './context';
import { formatDay, isWorkingDay, weekday, type Day } from './dates';

type AbsenceType = (typeof ABSENCE_TYPES)[number];

interface ScriptedDay {
  /** Worked days counted back from the last one (0 = the most recent). */
  idx: number[];
  absence?: AbsenceType;
  /** Hours still worked that day (an accident in the morning). */
  worked?: number;
  lateMinutes?: number;
}

const SCRIPT: Record<string, ScriptedDay[]> = {
  kevin: [{ idx: [8, 9, 10], absence: 'maladie' }, { idx: [2], lateMinutes: 15 }, { idx: [14], lateMinutes: 25 }],
  yacine: [{ idx: [3, 4], absence: 'absence_injustifiee' }, { idx: [7], lateMinutes: 10 }],
  dylan: [{ idx: [12], absence: 'formation' }, { idx: [1], lateMinutes: 20 }, { idx: [5], lateMinutes: 10 }, { idx: [9], lateMinutes: 15 }],
  sandrine: [{ idx: [15, 16, 17], absence: 'conge' }],
  marieChristine: [{ idx: [25], absence: 'accident_travail', worked: 2 }, { idx: [21, 22, 23, 24], absence: 'accident_travail' }],
  aurelie: [{ idx: [6], absence: 'maladie' }],
  nadia: [{ idx: [20], absence: 'conge' }],
  mamadou: [{ idx: [5], lateMinutes: 10 }],
};

/** Days the salarié is expected at work between two dates (contract days, holidays excluded). */
export function workedDays(s: SalarieInfo, from: Day, to: Day): Day[] {
  const out: Day[] = [];
  for (let d = Math.max(from, s.entry); d <= to; d++) {
    if (isWorkingDay(d) && s.schedule.days.has(weekday(d))) out.push(d);
  }
  return out;
}

export function addTimeEntries(ctx: DemoContext): void {
  for (const s of ctx.salaries) {
    const days = workedDays(s, ctx.windowStart, lastDayOf(ctx, s));
    const inPmsmp = (d: Day): boolean => s.pmsmp !== undefined && d >= s.pmsmp.start && d <= s.pmsmp.end;
    const regular = days.filter((d) => !inPmsmp(d)).reverse();
    const scripted = new Map<Day, ScriptedDay>();
    for (const item of SCRIPT[s.profile.key] ?? []) {
      for (const i of item.idx) {
        const d = regular[i];
        if (d !== undefined) scripted.set(d, item);
      }
    }
    const daily = s.schedule.daily;
    for (const d of days) {
      const fields: Record<string, JsonValue> = { salarieId: s.id, date: formatDay(d), hours: daily };
      const item = scripted.get(d);
      const fle = s.profile.weeklyFormation;
      if (inPmsmp(d)) {
        Object.assign(fields, { hours: 0, absence: 'pmsmp', absenceHours: daily });
      } else if (item?.absence) {
        const worked = item.worked ?? 0;
        Object.assign(fields, { hours: worked, absence: item.absence, absenceHours: daily - worked });
      } else if (fle && fle.weekday === weekday(d)) {
        Object.assign(fields, { hours: daily - fle.hours, absence: 'formation', absenceHours: fle.hours });
      }
      if (item?.lateMinutes) {
        fields['lateMinutes'] = item.lateMinutes;
        fields['hours'] = Math.round((daily - item.lateMinutes / 60) * 100) / 100;
      }
      const absence = fields['absence'];
      if (typeof absence === 'string') {
        if (fields['hours'] === 0) s.absent.add(d);
        else s.afternoonOff.add(d);
        s.absences.push({ day: d, type: absence });
      }
      ctx.add('timeEntry', fields);
    }
  }
}
