// A suspension of the PASS IAE, new or corrected: start, end, and a reason among those in force
// (a corrected one keeps its older reason on offer). The domain's `validateSuspension` decides
// (36 months at most, no overlap, inside the PASS, not in the future; for a new one, back-dated
// 365 days at most and a reason in force); a corrected one is checked against the OTHER
// suspensions only (its id is given to the rule, which leaves it out), so it never overlaps itself.
import { useState } from 'preact/hooks';
import type { SuspensionRow } from '../../../client/queries/structure';
import { isIsoDate } from '../../../domain/rules/dates';
import { SUSPENSION_REASON_LABELS } from '../../../domain/rules/labels';
import { SUSPENSION_REASONS_IN_FORCE, validateSuspension, type SuspensionReason } from '../../../domain/rules/pass';
import { useServices } from '../../shell/services';
import { PeriodForm, periodMissing, periodTarget, type PeriodDraft, type PeriodFormProps } from './PeriodForm';

export function SuspensionForm({ file, view, today, record, onDone }: PeriodFormProps<SuspensionRow>) {
  const { write } = useServices();
  const [f, setF] = useState<PeriodDraft<SuspensionReason>>(record ? { start: record.start, end: record.end, reason: record.reason } : { start: '', end: '', reason: '' });
  const reasons = record === undefined || SUSPENSION_REASONS_IN_FORCE.includes(record.reason) ? SUSPENSION_REASONS_IN_FORCE : [...SUSPENSION_REASONS_IN_FORCE, record.reason];

  const problems = periodMissing(f, 'suspension');
  if (isIsoDate(f.start) && isIsoDate(f.end)) {
    problems.push(...validateSuspension(
      view.pass, { suspensions: view.suspensions, prolongations: view.prolongations },
      { ...(record ? { id: record.id } : {}), start: f.start, end: f.end, reason: f.reason === '' ? null : f.reason }, today,
      { isNew: record === undefined, enteredOn: today, ...(file.structure ? { structureType: file.structure.type } : {}) },
    ).filter((p) => f.reason !== '' || p.code !== 'suspension_reason'));
  }

  async function save() {
    if (f.reason === '') return;
    const { id, owner } = periodTarget(record, file, view);
    await write('suspension', id, { ...owner, start: f.start, end: f.end, reason: f.reason });
    onDone(record ? 'Suspension corrigée sur la tablette.' : 'Suspension enregistrée sur la tablette.');
  }

  return (
    <PeriodForm idPrefix="susp" noun="suspension" title={record ? 'Modifier la suspension' : 'Nouvelle suspension'}
      draft={f} onChange={setF} reasons={reasons} reasonLabels={SUSPENSION_REASON_LABELS}
      problems={problems} problemsLabel="Suspension" onSave={save} onCancel={() => onDone(null)} />
  );
}
