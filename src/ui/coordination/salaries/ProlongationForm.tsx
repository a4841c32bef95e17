// A prolongation request for the PASS IAE: it starts on the PASS end date (prefilled from
// `passEndDate`), ends when the person says, for one of the reasons; the prescriber's decision is
// asked only when the reason needs one. `validateProlongation` decides (per request and total
// caps, reason allowed in this structure, age, RQTH); its French messages show as one types.
import { useState } from 'preact/hooks';
import type { PassView, SalarieFile } from '../../../client/queries/structure';
import { PROLONGATION_REASONS } from '../../../domain/entities';
import { uuidv7 } from '../../../domain/ids';
import { isIsoDate } from '../../../domain/rules/dates';
import { PROLONGATION_DECISION_LABELS, PROLONGATION_REASON_LABELS } from '../../../domain/rules/labels';
import { needsPrescriberDecision, passEndDate, prolongationMaxEnd, validateProlongation, type ProlongationDecision, type ProlongationReason } from '../../../domain/rules/pass';
import { frDate, problem, type Problem } from '../../../domain/rules/problem';
import { useServices } from '../../shell/services';
import { writeErrorMessage } from '../../shell/writeError';
import { parcoursStartOf } from './context';
import { blockingOf, ProblemList } from './ProblemList';

const DECISIONS: readonly ProlongationDecision[] = ['pending', 'granted', 'refused'];

function isReason(s: string): s is ProlongationReason {
  return (PROLONGATION_REASONS as readonly string[]).includes(s);
}
function isDecision(s: string): s is ProlongationDecision {
  return (DECISIONS as readonly string[]).includes(s);
}

export function ProlongationForm({ file, view, today, onDone }: { file: SalarieFile; view: PassView; today: string; onDone: (text: string | null) => void }) {
  const { write } = useServices();
  const end = passEndDate(view.pass, view.suspensions, view.prolongations);
  const [f, setF] = useState<{ start: string; end: string; reason: ProlongationReason | ''; decision: ProlongationDecision | ''; notes: string }>({ start: end, end: '', reason: '', decision: '', notes: '' });
  const [error, setError] = useState<string | null>(null);
  const asksDecision = f.reason !== '' && needsPrescriberDecision(f.reason);

  const problems: Problem[] = [];
  if (!isIsoDate(f.start)) problems.push(problem('start_missing', 'Indiquez la date de début de la prolongation.'));
  if (!isIsoDate(f.end)) problems.push(problem('end_missing', 'Indiquez la date de fin de la prolongation.'));
  if (f.reason === '') problems.push(problem('reason_missing', 'Choisissez le motif de la prolongation.'));
  if (file.structure === undefined) problems.push(problem('structure_unknown', 'La structure n’est pas encore sur cette tablette : synchronisez avant de demander une prolongation.'));
  if (isIsoDate(f.start) && isIsoDate(f.end) && f.reason !== '' && file.structure !== undefined) {
    problems.push(...validateProlongation(
      view.pass, { suspensions: view.suspensions, prolongations: view.prolongations },
      { start: f.start, end: f.end, reason: f.reason, decision: asksDecision && f.decision !== '' ? f.decision : null },
      file.structure.type,
      { birthDate: file.salarie.birthDate ?? null, rqth: file.salarie.rqth ?? null, parcoursStart: parcoursStartOf(file) },
      { isNew: true, today },
    ));
  }
  const blocked = blockingOf(problems).length > 0;

  async function save(ev: Event) {
    ev.preventDefault();
    if (blocked || f.reason === '') return;
    try {
      await write('prolongation', uuidv7(), {
        structureId: file.salarie.structureId, salarieId: file.salarie.id, passIaeId: view.pass.id,
        start: f.start, end: f.end, reason: f.reason,
        decision: asksDecision && f.decision !== '' ? f.decision : null,
        notes: f.notes.trim() === '' ? null : f.notes.trim(),
      });
      onDone('Prolongation enregistrée sur la tablette.');
    } catch (e) {
      setError(writeErrorMessage(e));
    }
  }

  return (
    <form aria-label="Demande de prolongation" onSubmit={(e) => void save(e)}>
      <h4>Demande de prolongation</h4>
      <div class="row">
        <div class="field">
          <label for="prol-start">Début de la prolongation</label>
          <input id="prol-start" type="date" value={f.start} onInput={(e) => setF({ ...f, start: e.currentTarget.value })} aria-describedby="prol-start-hint" />
          <p class="hint" id="prol-start-hint">Une prolongation commence à la date de fin du PASS IAE.</p>
        </div>
        <div class="field">
          <label for="prol-end">Fin de la prolongation</label>
          <input id="prol-end" type="date" value={f.end} onInput={(e) => setF({ ...f, end: e.currentTarget.value })} aria-describedby="prol-end-hint" />
          {f.reason !== '' && isIsoDate(f.start) && <p class="hint" id="prol-end-hint">Pour ce motif, fin au plus tard le {frDate(prolongationMaxEnd(f.start, f.reason, view.prolongations))}.</p>}
        </div>
      </div>
      <div class="field">
        <label for="prol-reason">Motif de la prolongation</label>
        <select id="prol-reason" value={f.reason} onChange={(e) => { const v = e.currentTarget.value; setF({ ...f, reason: isReason(v) ? v : '' }); }}>
          <option value="">— Choisir le motif —</option>
          {PROLONGATION_REASONS.map((r) => <option key={r} value={r}>{PROLONGATION_REASON_LABELS[r]}</option>)}
        </select>
      </div>
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
      <ProblemList problems={problems} label="Prolongation" />
      <div class="actions">
        <button type="submit" disabled={blocked}>Enregistrer la prolongation</button>
        <button type="button" class="secondary" onClick={() => onDone(null)}>Annuler</button>
      </div>
      {error !== null && <p class="banner error" role="alert">{error}</p>}
    </form>
  );
}
