// The PASS IAE as the form holds it, and the problems of its two fields: the number's format is
// the entity's own schema (entities.ts, via validateSet), the start must be a date. The dates
// that follow from it are the domain's (rules/pass.ts), computed where they are shown.
import { validateSet } from '../../../domain/entities';
import { isIsoDate } from '../../../domain/rules/dates';
import { problem, type Problem } from '../../../domain/rules/problem';

export interface PassDraft { number: string; start: string }

/** What the person typed, as a PASS number is written: capitals and digits, no spaces. */
export function normalisePassNumber(s: string): string {
  return s.replace(/\s+/g, '').toUpperCase();
}

export function passProblems(d: PassDraft): Problem[] {
  const out: Problem[] = [];
  if (d.number !== '') {
    const r = validateSet('passIae', { number: d.number });
    if (!r.ok) out.push(problem('pass_number', `${r.message} (lettres majuscules et chiffres).`));
  }
  if (!isIsoDate(d.start)) out.push(problem('pass_start_missing', 'Indiquez la date de début du PASS IAE.'));
  return out;
}
