// One suspension or prolongation in the PASS section's lists: its dates and reason, « Modifier »
// and « Supprimer » (each named after the record, as a list holds several), the confirmation of
// its deletion, and its field history. The sentence says what the deletion does to the PASS end
// date, computed by the section with the domain's `passEndDate` without this record, so the
// person knows before.
import type { ComponentChildren } from 'preact';
import { frDate } from '../../../domain/rules/problem';
import { HistoryButton } from '../history/HistoryButton';
import { ConfirmRemoval } from './ConfirmRemoval';
import type { PeriodNoun } from './PeriodForm';

/** What deleting a suspension or prolongation does to the PASS end date, said before it is done. */
function endChange(before: string, after: string): string {
  return before === after
    ? `La fin du PASS IAE ne change pas : elle reste le ${frDate(before)}.`
    : `La fin du PASS IAE revient du ${frDate(before)} au ${frDate(after)}.`;
}

/**
 * One suspension or prolongation: its dates and what follows (children), « Modifier » and
 * « Supprimer » named after it for screen readers, and the confirmation of its deletion, which
 * says where the PASS end date goes (`endWithout`: the end computed without this record).
 */
export function PeriodEntry({ noun, period, endNow, endWithout, confirming, onEdit, onAskRemoval, onRemove, onCancel, children }: {
  noun: PeriodNoun;
  /** The record: the noun is also its entity's name. */
  period: { id: string; start: string; end: string };
  endNow: string;
  endWithout: string;
  confirming: boolean;
  onEdit(): void;
  onAskRemoval(): void;
  onRemove(): Promise<void>;
  onCancel(): void;
  children: ComponentChildren;
}) {
  const what = `la ${noun} du ${frDate(period.start)} au ${frDate(period.end)}`;
  return (
    <li class="entry">
      Du {frDate(period.start)} au {frDate(period.end)} — {children}
      <div class="actions">
        <button type="button" class="secondary" aria-label={`Modifier ${what}`} onClick={onEdit}>Modifier</button>
        <button type="button" class="secondary" aria-label={`Supprimer ${what}`} onClick={onAskRemoval}>Supprimer</button>
      </div>
      {confirming && <ConfirmRemoval label={`Supprimer ${what}`} sentence={`Supprimer ${what} ? ${endChange(endNow, endWithout)}`} onConfirm={onRemove} onCancel={onCancel} />}
      <HistoryButton entity={noun} id={period.id} what={what} />
    </li>
  );
}
