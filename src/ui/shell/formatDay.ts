// French day strings (« 5 déc. 2026 », « samedi 5 décembre 2026 ») for an ISO day, without
// date-fns on the hot path: the board and the inbox format a thousand dates per paint, and
// date-fns' parse + format with the fr locale cost about a millisecond each at CPU ×4
// (docs/PERFORMANCE.md, issue 11). The month and weekday names are taken once from date-fns
// itself, so the words cannot drift from format.ts; anything but a plain `yyyy-MM-dd` goes to
// date-fns, remembered per input string.
import { format, parseISO } from 'date-fns';
import { fr } from 'date-fns/locale';

interface Names { monthShort: string[]; monthLong: string[]; weekday: string[] }
let names: Names | undefined;

/** Built on first use (not at start-up): 12 + 12 + 7 calls to date-fns. */
function frenchNames(): Names {
  if (names === undefined) {
    const months = Array.from({ length: 12 }, (_, m) => new Date(2000, m, 1));
    // 2 January 2000 was a Sunday, as getDay() counts (0 = Sunday).
    const days = Array.from({ length: 7 }, (_, d) => new Date(2000, 0, 2 + d));
    names = {
      monthShort: months.map((d) => format(d, 'MMM', { locale: fr })),
      monthLong: months.map((d) => format(d, 'MMMM', { locale: fr })),
      weekday: days.map((d) => format(d, 'EEEE', { locale: fr })),
    };
  }
  return names;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Other inputs (a timestamp…): date-fns, each string formatted once. */
const slow = new Map<string, string>();
const SLOW_MAX = 500;

function viaDateFns(iso: string, pattern: string): string {
  const key = `${pattern}|${iso}`;
  let out = slow.get(key);
  if (out === undefined) {
    if (slow.size >= SLOW_MAX) slow.clear();
    out = format(parseISO(iso), pattern, { locale: fr });
    slow.set(key, out);
  }
  return out;
}

interface Day { year: string; month: number; day: number; weekday: number }

/** A real calendar day written `yyyy-MM-dd`, or null (then date-fns decides, as before). */
function dayOf(iso: string): Day | null {
  const m = ISO_DAY.exec(iso);
  if (m === null) return null;
  const year = Number(m[1]);
  const month = Number(m[2]) - 1;
  const day = Number(m[3]);
  const date = new Date(year, month, day);
  // An impossible day (31 February) rolls over in Date; years before 1000 too: not ours to say.
  if (year < 1000 || date.getMonth() !== month || date.getDate() !== day) return null;
  return { year: m[1]!, month, day, weekday: date.getDay() };
}

/** « 5 déc. 2026 » (date-fns `d MMM yyyy`, fr). */
export function shortDay(iso: string): string {
  const d = dayOf(iso);
  return d === null ? viaDateFns(iso, 'd MMM yyyy') : `${d.day} ${frenchNames().monthShort[d.month]} ${d.year}`;
}

/** « samedi 5 décembre 2026 » (date-fns `EEEE d MMMM yyyy`, fr). */
export function longDay(iso: string): string {
  const d = dayOf(iso);
  if (d === null) return viaDateFns(iso, 'EEEE d MMMM yyyy');
  const n = frenchNames();
  return `${n.weekday[d.weekday]} ${d.day} ${n.monthLong[d.month]} ${d.year}`;
}
