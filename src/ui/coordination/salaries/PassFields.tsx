// The two fields of a PASS IAE (number, start) with their problems as the person types, shared
// by the new-salarié form and the PASS section.
import type { Problem } from '../../../domain/rules/problem';
import { normalisePassNumber, type PassDraft } from './passDraft';
import { ProblemList } from './ProblemList';

export function PassFields({ idPrefix, draft, onChange, problems }: {
  idPrefix: string;
  draft: PassDraft;
  onChange: (d: PassDraft) => void;
  problems: readonly Problem[];
}) {
  return (
    <>
      <div class="row">
        <div class="field">
          <label for={`${idPrefix}-number`}>Numéro du PASS IAE</label>
          <input id={`${idPrefix}-number`} value={draft.number} maxLength={20} autoComplete="off" aria-describedby={`${idPrefix}-number-hint`}
            onInput={(e) => onChange({ ...draft, number: normalisePassNumber(e.currentTarget.value) })} />
          <p class="hint" id={`${idPrefix}-number-hint`}>12 caractères : lettres majuscules et chiffres.</p>
        </div>
        <div class="field">
          <label for={`${idPrefix}-start`}>Début du PASS IAE</label>
          <input id={`${idPrefix}-start`} type="date" value={draft.start} onInput={(e) => onChange({ ...draft, start: e.currentTarget.value })} />
        </div>
      </div>
      <ProblemList problems={problems} label="PASS IAE" />
    </>
  );
}
