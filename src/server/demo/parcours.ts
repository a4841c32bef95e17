// Parcours arithmetic shared by the demo and its history: CDDI chains (4 months, then 6-month
// renewals, never past the PASS end) and PASS IAE numbers in the national service's format. The
// PASS end date is the domain's rule (rules/pass), so the demo's contracts stop where the screens
// say the PASS ends.
import { passEndDate } from '../../domain/rules/pass';
import { addMonths, formatDay, parseDay, yearOf, type Day } from './dates';
import type { Rng } from './random';

const RENEWALS = [4, 6, 6, 6, 6, 6] as const;
const MIN_CONTRACT_DAYS = 120;

/**
 * Contract periods from `start` until one covers `until`. `cap` (exit day or PASS end) ends
 * the chain; a remainder too short for a CDDI (4 months) is folded into the last contract.
 */
export function contractPeriods(start: Day, until: Day, cap?: Day): Array<{ start: Day; end: Day }> {
  const out: Array<{ start: Day; end: Day }> = [];
  let s = start;
  for (let i = 0; ; i++) {
    let e = addMonths(s, RENEWALS[Math.min(i, RENEWALS.length - 1)] ?? 6) - 1;
    if (cap !== undefined && (e >= cap || cap - e < MIN_CONTRACT_DAYS)) e = cap;
    out.push({ start: s, end: e });
    if (e >= until || (cap !== undefined && e >= cap)) return out;
    s = e + 1;
  }
}

/** The PASS end date (730 days inclusive, pushed back by each suspension), on demo days. */
export function passEnd(start: Day, suspensions: ReadonlyArray<{ start: Day; end: Day }>): Day {
  const iso = suspensions.map((s) => ({ start: formatDay(s.start), end: formatDay(s.end) }));
  return parseDay(passEndDate({ start: formatDay(start) }, iso, []));
}

/** `99999` + two-digit year + five digits, unique within `taken`. */
export function passNumber(rng: Rng, start: Day, taken: Set<string>): string {
  const yy = String(yearOf(start) % 100).padStart(2, '0');
  for (;;) {
    const n = `99999${yy}${String(rng.int(0, 99_999)).padStart(5, '0')}`;
    if (!taken.has(n)) {
      taken.add(n);
      return n;
    }
  }
}
