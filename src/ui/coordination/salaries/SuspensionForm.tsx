// A new suspension of the PASS IAE: start, end, and a reason among those in force. The domain's
// `validateSuspension` decides (36 months at most, no overlap, inside the PASS, not in the
// future, back-dated 365 days at most); its French messages show as the person types.
import { useState } from 'preact/hooks';
import type { PassView, SalarieFile } from '../../../client/queries/structure';
import { uuidv7 } from '../../../domain/ids';
import { isIsoDate } from '../../../domain/rules/dates';
import { SUSPENSION_REASON_LABELS } from '../../../domain/rules/labels';
import { SUSPENSION_REASONS_IN_FORCE, validateSuspension, type SuspensionReason } from '../../../domain/rules/pass';
import { problem, type Problem } from '../../../domain/rules/problem';
import { useServices } from '../../shell/services';
import { writeErrorMessage } from '../../shell/writeError';
import { blockingOf, ProblemList } from './ProblemList';

function isReasonInForce(s: string): s is SuspensionReason {
  return (SUSPENSION_REASONS_IN_FORCE as readonly string[]).includes(s);
}

export function SuspensionForm({ file, view, today, onDone }: { file: SalarieFile; view: PassView; today: string; onDone: (text: string | null) => void }) {
  const { write } = useServices();
  const [f, setF] = useState<{ start: string; end: string; reason: SuspensionReason | '' }>({ start: '', end: '', reason: '' });
  const [error, setError] = useState<string | null>(null);

  const problems: Problem[] = [];
  if (!isIsoDate(f.start)) problems.push(problem('start_missing', 'Indiquez la date de début de la suspension.'));
  if (!isIsoDate(f.end)) problems.push(problem('end_missing', 'Indiquez la date de fin de la suspension.'));
  if (f.reason === '') problems.push(problem('reason_missing', 'Choisissez le motif de la suspension.'));
  if (isIsoDate(f.start) && isIsoDate(f.end)) {
    problems.push(...validateSuspension(
      view.pass, { suspensions: view.suspensions, prolongations: view.prolongations },
      { start: f.start, end: f.end, reason: f.reason === '' ? null : f.reason }, today,
      { isNew: true, enteredOn: today, ...(file.structure ? { structureType: file.structure.type } : {}) },
    ).filter((p) => f.reason !== '' || p.code !== 'suspension_reason'));
  }
  const blocked = blockingOf(problems).length > 0;

  async function save(ev: Event) {
    ev.preventDefault();
    if (blocked || f.reason === '') return;
    try {
      await write('suspension', uuidv7(), { structureId: file.salarie.structureId, salarieId: file.salarie.id, passIaeId: view.pass.id, start: f.start, end: f.end, reason: f.reason });
      onDone('Suspension enregistrée sur la tablette.');
    } catch (e) {
      setError(writeErrorMessage(e));
    }
  }

  return (
    <form aria-label="Nouvelle suspension" onSubmit={(e) => void save(e)}>
      <h4>Nouvelle suspension</h4>
      <div class="row">
        <div class="field"><label for="susp-start">Début de la suspension</label><input id="susp-start" type="date" value={f.start} onInput={(e) => setF({ ...f, start: e.currentTarget.value })} /></div>
        <div class="field"><label for="susp-end">Fin de la suspension</label><input id="susp-end" type="date" value={f.end} onInput={(e) => setF({ ...f, end: e.currentTarget.value })} /></div>
      </div>
      <div class="field">
        <label for="susp-reason">Motif de la suspension</label>
        <select id="susp-reason" value={f.reason} onChange={(e) => { const v = e.currentTarget.value; setF({ ...f, reason: isReasonInForce(v) ? v : '' }); }}>
          <option value="">— Choisir le motif —</option>
          {SUSPENSION_REASONS_IN_FORCE.map((r) => <option key={r} value={r}>{SUSPENSION_REASON_LABELS[r]}</option>)}
        </select>
      </div>
      <ProblemList problems={problems} label="Suspension" />
      <div class="actions">
        <button type="submit" disabled={blocked}>Enregistrer la suspension</button>
        <button type="button" class="secondary" onClick={() => onDone(null)}>Annuler</button>
      </div>
      {error !== null && <p class="banner error" role="alert">{error}</p>}
    </form>
  );
}
