// A prolongation request for the PASS IAE, new or corrected: a new one starts on the PASS end date
// (prefilled from `passEndDate`), ends when the person says, for one of the reasons; the
// prescriber's decision is asked only when the reason needs one. `validateProlongation` decides
// (per request and total caps, reason allowed in this structure, age, RQTH); a corrected one is
// checked against the OTHER prolongations only (its id is given to the rule, and the cap shown
// leaves it out), so its own days never count twice.
import { useState } from 'preact/hooks';
import type { PassView, ProlongationRow } from '../../../client/queries/structure';
import { PROLONGATION_REASONS } from '../../../domain/entities';
import { isIsoDate } from '../../../domain/rules/dates';
import { PROLONGATION_DECISION_LABELS, PROLONGATION_REASON_LABELS } from '../../../domain/rules/labels';
import { needsPrescriberDecision, passEndDate, prolongationMaxEnd, validateProlongation, type ProlongationDecision, type ProlongationReason } from '../../../domain/rules/pass';
import { frDate, problem } from '../../../domain/rules/problem';
import { useServices } from '../../shell/services';
import { parcoursStartOf } from './context';
import { PeriodForm, periodMissing, periodTarget, type PeriodDraft, type PeriodFormProps } from './PeriodForm';

const DECISIONS: readonly ProlongationDecision[] = ['pending', 'granted', 'refused'];

function isDecision(s: string): s is ProlongationDecision {
  return (DECISIONS as readonly string[]).includes(s);
}

interface ProlongationDraft extends PeriodDraft<ProlongationReason> { decision: ProlongationDecision | ''; notes: string }

function draftOf(record: ProlongationRow | undefined, view: PassView): ProlongationDraft {
  if (record === undefined) return { start: passEndDate(view.pass, view.suspensions, view.prolongations), end: '', reason: '', decision: '', notes: '' };
  return { start: record.start, end: record.end, reason: record.reason, decision: record.decision ?? '', notes: record.notes ?? '' };
}

export function ProlongationForm({ file, view, today, record, onDone }: PeriodFormProps<ProlongationRow>) {
  const { write } = useServices();
  const [f, setF] = useState<ProlongationDraft>(() => draftOf(record, view));
  const asksDecision = f.reason !== '' && needsPrescriberDecision(f.reason);
  const others = record === undefined ? view.prolongations : view.prolongations.filter((p) => p.id !== record.id);

  const problems = periodMissing(f, 'prolongation');
  if (file.structure === undefined) problems.push(problem('structure_unknown', 'La structure n’est pas encore sur cette tablette : synchronisez avant de demander une prolongation.'));
  if (isIsoDate(f.start) && isIsoDate(f.end) && f.reason !== '' && file.structure !== undefined) {
    problems.push(...validateProlongation(
      view.pass, { suspensions: view.suspensions, prolongations: view.prolongations },
      { ...(record ? { id: record.id } : {}), start: f.start, end: f.end, reason: f.reason, decision: asksDecision && f.decision !== '' ? f.decision : null },
      file.structure.type,
      { birthDate: file.salarie.birthDate ?? null, rqth: file.salarie.rqth ?? null, parcoursStart: parcoursStartOf(file) },
      record === undefined ? { isNew: true, today } : { isNew: false },
    ));
  }

  async function save() {
    if (f.reason === '') return;
    const { id, owner } = periodTarget(record, file, view);
    await write('prolongation', id, {
      ...owner, start: f.start, end: f.end, reason: f.reason,
      decision: asksDecision && f.decision !== '' ? f.decision : null,
      notes: f.notes.trim() === '' ? null : f.notes.trim(),
    });
    onDone(record ? 'Prolongation corrigée sur la tablette.' : 'Prolongation enregistrée sur la tablette.');
  }

  return (
    <PeriodForm<ProlongationReason, ProlongationDraft> idPrefix="prol" noun="prolongation" title={record ? 'Modifier la prolongation' : 'Demande de prolongation'}
      draft={f} onChange={setF} reasons={PROLONGATION_REASONS} reasonLabels={PROLONGATION_REASON_LABELS}
      startHint="Une prolongation commence à la date de fin du PASS IAE."
      endHint={f.reason !== '' && isIsoDate(f.start) ? `Pour ce motif, fin au plus tard le ${frDate(prolongationMaxEnd(f.start, f.reason, others))}.` : undefined}
      problems={problems} problemsLabel="Prolongation" onSave={save} onCancel={() => onDone(null)}>
      {asksDecision && (
        <div class="field">
          <label for="prol-decision">Décision du prescripteur</label>
          <select id="prol-decision" value={f.decision} onChange={(e) => { const v = e.currentTarget.value; setF({ ...f, decision: isDecision(v) ? v : '' }); }}>
            <option value="">— Choisir —</option>
            {DECISIONS.map((d) => <option key={d} value={d}>{PROLONGATION_DECISION_LABELS[d]}</option>)}
          </select>
        </div>
      )}
      <div class="field">
        <label for="prol-notes">Notes sur la demande</label>
        <textarea id="prol-notes" value={f.notes} onInput={(e) => setF({ ...f, notes: e.currentTarget.value })} aria-describedby="prol-notes-hint" />
        <p class="hint" id="prol-notes-hint">Le suivi de la demande seulement : pas de détail de santé ni de justice.</p>
      </div>
    </PeriodForm>
  );
}
