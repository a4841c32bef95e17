// The frame the suspension and prolongation forms share: start and end dates, a reason among
// those offered, the fields only one of them has (as children), the domain's problems, « Enregistrer »
// and « Annuler ». Each form keeps its own rule (validateSuspension, validateProlongation) and its
// own write; this file holds what is typed and said the same way for both, so a correction and a
// new entry look alike.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { PassView, SalarieFile } from '../../../client/queries/structure';
import { uuidv7 } from '../../../domain/ids';
import { isIsoDate } from '../../../domain/rules/dates';
import { problem, type Problem } from '../../../domain/rules/problem';
import { writeErrorMessage } from '../../shell/writeError';
import { blockingOf, ProblemList } from './ProblemList';

export interface PeriodDraft<R extends string> { start: string; end: string; reason: R | '' }

export type PeriodNoun = 'suspension' | 'prolongation';

/** What is missing before the rule can be asked (both nouns are feminine: one sentence each). */
export function periodMissing(draft: PeriodDraft<string>, noun: PeriodNoun): Problem[] {
  const out: Problem[] = [];
  if (!isIsoDate(draft.start)) out.push(problem('start_missing', `Indiquez la date de début de la ${noun}.`));
  if (!isIsoDate(draft.end)) out.push(problem('end_missing', `Indiquez la date de fin de la ${noun}.`));
  if (draft.reason === '') out.push(problem('reason_missing', `Choisissez le motif de la ${noun}.`));
  return out;
}

/** What the suspension and prolongation forms are given by the PASS section. */
export interface PeriodFormProps<Row> {
  file: SalarieFile;
  view: PassView;
  today: string;
  /** The record being corrected; absent for a new one. */
  record?: Row | undefined;
  /** Closes the form, with the sentence to show (null: cancelled). */
  onDone(text: string | null): void;
}

/**
 * Where a suspension or prolongation is written: a new one gets a fresh id and names its salarié
 * and PASS; a correction keeps its id and writes only the fields of the form.
 */
export function periodTarget(record: { id: string } | undefined, file: SalarieFile, view: PassView): { id: string; owner: { structureId?: string; salarieId?: string; passIaeId?: string } } {
  if (record) return { id: record.id, owner: {} };
  return { id: uuidv7(), owner: { structureId: file.salarie.structureId, salarieId: file.salarie.id, passIaeId: view.pass.id } };
}

export function PeriodForm<R extends string, D extends PeriodDraft<R>>({ idPrefix, noun, title, draft, onChange, reasons, reasonLabels, startHint, endHint, problems, problemsLabel, children, onSave, onCancel }: {
  idPrefix: string;
  noun: PeriodNoun;
  /** The heading and the form's accessible name. */
  title: string;
  draft: D;
  onChange(d: D): void;
  reasons: readonly R[];
  reasonLabels: Readonly<Record<R, string>>;
  startHint?: ComponentChildren;
  endHint?: ComponentChildren;
  problems: readonly Problem[];
  problemsLabel: string;
  /** Fields only this form has, between the reason and the problems. */
  children?: ComponentChildren;
  /** Writes the draft (only called when nothing blocks); a failure is shown under the form. */
  onSave(): Promise<void>;
  onCancel(): void;
}) {
  const [error, setError] = useState<string | null>(null);
  const blocked = blockingOf(problems).length > 0;
  const isReason = (s: string): s is R => (reasons as readonly string[]).includes(s);

  async function save(ev: Event) {
    ev.preventDefault();
    if (blocked) return;
    try {
      await onSave();
    } catch (e) {
      setError(writeErrorMessage(e));
    }
  }

  return (
    <form aria-label={title} onSubmit={(e) => void save(e)}>
      <h4>{title}</h4>
      <div class="row">
        <div class="field">
          <label for={`${idPrefix}-start`}>Début de la {noun}</label>
          <input id={`${idPrefix}-start`} type="date" value={draft.start} onInput={(e) => onChange({ ...draft, start: e.currentTarget.value })} aria-describedby={startHint ? `${idPrefix}-start-hint` : undefined} />
          {startHint && <p class="hint" id={`${idPrefix}-start-hint`}>{startHint}</p>}
        </div>
        <div class="field">
          <label for={`${idPrefix}-end`}>Fin de la {noun}</label>
          <input id={`${idPrefix}-end`} type="date" value={draft.end} onInput={(e) => onChange({ ...draft, end: e.currentTarget.value })} aria-describedby={endHint ? `${idPrefix}-end-hint` : undefined} />
          {endHint && <p class="hint" id={`${idPrefix}-end-hint`}>{endHint}</p>}
        </div>
      </div>
      <div class="field">
        <label for={`${idPrefix}-reason`}>Motif de la {noun}</label>
        <select id={`${idPrefix}-reason`} value={draft.reason} onChange={(e) => { const v = e.currentTarget.value; onChange({ ...draft, reason: isReason(v) ? v : '' }); }}>
          <option value="">— Choisir le motif —</option>
          {reasons.map((r) => <option key={r} value={r}>{reasonLabels[r]}</option>)}
        </select>
      </div>
      {children}
      <ProblemList problems={problems} label={problemsLabel} />
      <div class="actions">
        <button type="submit" disabled={blocked}>Enregistrer la {noun}</button>
        <button type="button" class="secondary" onClick={onCancel}>Annuler</button>
      </div>
      {error !== null && <p class="banner error" role="alert">{error}</p>}
    </form>
  );
}
