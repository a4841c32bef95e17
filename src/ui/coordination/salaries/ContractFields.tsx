// The fields of one contract (type, weekly hours, dates, motive under 20 h) and the domain's
// problems under them, refreshed as the person types. Controlled by its parent: the new-salarié
// form and the contract form both hold a ContractDraft and decide how to save it.
import type { Problem } from '../../../domain/rules/problem';
import { CONTRACT_TYPES } from '../../../domain/entities';
import { CONTRACT_TYPE_LABELS, LOW_HOURS_REASON_LABELS } from '../../../domain/rules/labels';
import type { LowHoursReason } from '../../../domain/rules/contracts';
import { isContractType, needsLowHoursReason, type ContractDraft } from './contractDraft';
import { ProblemList } from './ProblemList';

const LOW_HOURS_REASONS = Object.keys(LOW_HOURS_REASON_LABELS).filter((k): k is LowHoursReason => k in LOW_HOURS_REASON_LABELS);

function isLowHoursReason(s: string): s is LowHoursReason {
  return (LOW_HOURS_REASONS as readonly string[]).includes(s);
}

export function ContractFields({ idPrefix, draft, onChange, problems }: {
  idPrefix: string;
  draft: ContractDraft;
  onChange: (d: ContractDraft) => void;
  problems: readonly Problem[];
}) {
  const text = (k: 'weeklyHours' | 'start' | 'end') => (e: Event) => onChange({ ...draft, [k]: (e.currentTarget as HTMLInputElement).value });
  return (
    <>
      <div class="row">
        <div class="field">
          <label for={`${idPrefix}-type`}>Type de contrat</label>
          <select id={`${idPrefix}-type`} value={draft.type} onChange={(e) => { const v = e.currentTarget.value; if (isContractType(v)) onChange({ ...draft, type: v }); }}>
            {CONTRACT_TYPES.map((t) => <option key={t} value={t}>{CONTRACT_TYPE_LABELS[t]}</option>)}
          </select>
        </div>
        <div class="field">
          <label for={`${idPrefix}-hours`}>Heures par semaine</label>
          <input id={`${idPrefix}-hours`} inputMode="decimal" value={draft.weeklyHours} onInput={text('weeklyHours')} />
        </div>
      </div>
      <div class="row">
        <div class="field"><label for={`${idPrefix}-start`}>Début du contrat</label><input id={`${idPrefix}-start`} type="date" value={draft.start} onInput={text('start')} /></div>
        <div class="field"><label for={`${idPrefix}-end`}>Fin du contrat</label><input id={`${idPrefix}-end`} type="date" value={draft.end} onInput={text('end')} /></div>
      </div>
      {needsLowHoursReason(draft) && (
        <div class="field">
          <label for={`${idPrefix}-low`}>Motif des heures sous 20 h</label>
          <select id={`${idPrefix}-low`} value={draft.lowHoursReason} onChange={(e) => { const v = e.currentTarget.value; onChange({ ...draft, lowHoursReason: isLowHoursReason(v) ? v : '' }); }}>
            <option value="">— Choisir le motif —</option>
            {LOW_HOURS_REASONS.map((r) => <option key={r} value={r}>{LOW_HOURS_REASON_LABELS[r]}</option>)}
          </select>
        </div>
      )}
      <ProblemList problems={problems} label="Contrat" />
    </>
  );
}
