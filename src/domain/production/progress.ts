// A chantier's progress against its quote: hours spent come from the relevé d'heures, shared out
// between the day's assignments in proportion to their planned hours; the forecast extends the
// pace so far (hours per working day) to the chantier's end date.
import { addDays, type IsoDate } from '../rules/dates';
import { frDate } from '../rules/problem';
import { check, type Check } from './check';
import { workdaysBetween } from './calendar';
import { toCenti, type TimeEntryFacts } from './hours';

export interface SlotFacts { id: string; date: IsoDate; chantierId?: string | null }
export interface AssignmentFacts { salarieId: string; slotId: string; hours?: number | null }

/**
 * Hours (hundredths) each chantier received, per chantier id. A day's worked hours go to the
 * chantiers of that person's assignments that day, pro rata of planned hours (equal shares when
 * none are given); a day with no assignment stays unallocated.
 */
export function spentByChantier(slots: readonly SlotFacts[], assignments: readonly AssignmentFacts[], entries: readonly TimeEntryFacts[]): Map<string, number> {
  const slotById = new Map(slots.map((s) => [s.id, s]));
  const byPersonDay = new Map<string, { chantierId: string | null; weight: number }[]>();
  for (const a of assignments) {
    const s = slotById.get(a.slotId);
    if (!s) continue;
    const key = `${a.salarieId}|${s.date}`;
    const list = byPersonDay.get(key) ?? [];
    list.push({ chantierId: s.chantierId ?? null, weight: a.hours != null && a.hours > 0 ? a.hours : 1 });
    byPersonDay.set(key, list);
  }
  const out = new Map<string, number>();
  for (const e of entries) {
    const parts = byPersonDay.get(`${e.salarieId}|${e.date}`);
    const worked = toCenti(e.hours);
    if (!parts || worked <= 0) continue;
    const totalWeight = parts.reduce((s, p) => s + p.weight, 0);
    for (const p of parts) {
      if (p.chantierId === null) continue;
      out.set(p.chantierId, (out.get(p.chantierId) ?? 0) + Math.round((worked * p.weight) / totalWeight));
    }
  }
  return out;
}

export interface ChantierFacts {
  quotedHours?: number | null;
  start?: IsoDate | null;
  end?: IsoDate | null;
}

export interface Progress {
  /** Hundredths of an hour. */
  spent: number;
  quoted: number | null;
  /** spent / quoted, null without a quote. */
  ratio: number | null;
  /** Hours (hundredths) at the end date at the current pace; null when it cannot be told. */
  projected: number | null;
  overrun: boolean;
  checks: Check[];
}

const fmt = (centi: number): string => `${String(Math.round(centi) / 100).replace('.', ',')} h`;

export function chantierProgress(c: ChantierFacts, spentCenti: number, today: IsoDate): Progress {
  const quoted = c.quotedHours != null && c.quotedHours > 0 ? toCenti(c.quotedHours) : null;
  const ratio = quoted === null ? null : spentCenti / quoted;
  let projected: number | null = null;
  if (c.start != null && c.end != null && c.start <= today) {
    const elapsed = workdaysBetween(c.start, today < c.end ? today : c.end);
    const remaining = today < c.end ? workdaysBetween(addDays(today, 1), c.end) : 0;
    projected = elapsed > 0 ? Math.round(spentCenti + (spentCenti / elapsed) * Math.max(0, remaining)) : spentCenti;
  }
  const checks: Check[] = [];
  let overrun = false;
  if (quoted !== null) {
    if (spentCenti > quoted) {
      overrun = true;
      checks.push(check('devis_depasse', 'alerte', `Devis dépassé : ${fmt(spentCenti)} passées pour ${fmt(quoted)} prévues.`));
    } else if (projected !== null && projected > quoted) {
      overrun = true;
      checks.push(check('depassement_prevu', 'alerte', `Au rythme actuel, environ ${fmt(projected)} à la fin le ${frDate(c.end ?? '')} pour ${fmt(quoted)} au devis : dépassement prévu.`));
    }
  }
  return { spent: spentCenti, quoted, ratio, projected, overrun, checks };
}
