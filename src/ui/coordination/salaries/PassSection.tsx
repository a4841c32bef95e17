// The PASS IAE of the salarié: its number and start, then what follows from them as the national
// service computes it (rules/pass.ts: end date with suspensions and prolongations, status, days
// left), the suspensions and the prolongations, each with its form (new or corrected) and its
// deletion, confirmed by a sentence saying where the PASS end date goes back to. Every rule is the
// domain's; this file only gathers the facts the rules ask for and shows their French messages.
import { useState } from 'preact/hooks';
import type { PassView, ProlongationRow, SalarieFile, SuspensionRow } from '../../../client/queries/structure';
import { uuidv7 } from '../../../domain/ids';
import { frDate } from '../../../domain/rules/problem';
import { PASS_STATUS_LABELS, passEndDate, passStatus, remainingDays } from '../../../domain/rules/pass';
import { PROLONGATION_DECISION_LABELS, PROLONGATION_REASON_LABELS, SUSPENSION_REASON_LABELS } from '../../../domain/rules/labels';
import { useServices } from '../../shell/services';
import { writeErrorMessage } from '../../shell/writeError';
import { HistoryButton } from '../history/HistoryButton';
import { passProblems, type PassDraft } from './passDraft';
import { PassFields } from './PassFields';
import { PeriodEntry } from './PeriodEntry';
import { blockingOf, SaveMessage } from './ProblemList';
import { ProlongationForm } from './ProlongationForm';
import { SuspensionForm } from './SuspensionForm';

export function PassSection({ file, today }: { file: SalarieFile; today: string }) {
  return (
    <section aria-labelledby="sal-pass-title" class="card salaries-section">
      <h3 id="sal-pass-title">PASS IAE</h3>
      {file.pass === undefined
        ? <><p>Aucun PASS IAE enregistré.</p><PassEditor key="new" file={file} view={undefined} today={today} /></>
        : <PassDetails file={file} view={file.pass} today={today} />}
      {file.olderPasses.length > 0 && (
        <p class="hint">PASS précédents : {file.olderPasses.map((p) => `${p.number ?? 'sans numéro'} (début le ${frDate(p.start)})`).join(', ')}</p>
      )}
    </section>
  );
}

type PassForm =
  | { kind: 'suspension'; record?: SuspensionRow }
  | { kind: 'prolongation'; record?: ProlongationRow };

function PassDetails({ file, view, today }: { file: SalarieFile; view: PassView; today: string }) {
  const { remove } = useServices();
  const { pass, suspensions, prolongations } = view;
  const end = passEndDate(pass, suspensions, prolongations);
  const status = passStatus(pass, { suspensions, prolongations }, today);
  const left = remainingDays(pass, suspensions, prolongations, today);
  const [form, setForm] = useState<PassForm | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const done = (text: string | null) => { setForm(null); setMsg(text === null ? null : { ok: true, text }); };
  const open = (f: PassForm) => { setMsg(null); setRemoving(null); setForm(f); };
  const askRemoval = (id: string) => { setMsg(null); setForm(null); setRemoving(id); };
  const removeRecord = async (entity: 'suspension' | 'prolongation', id: string, text: string) => {
    await remove(entity, id);
    setRemoving(null);
    setMsg({ ok: true, text });
  };
  return (
    <>
      <dl class="salaries-facts">
        <div><dt>Numéro</dt><dd>{pass.number ?? 'non renseigné'}</dd></div>
        <div><dt>Début</dt><dd>{frDate(pass.start)}</dd></div>
        <div><dt>Fin</dt><dd data-testid="pass-end">{frDate(end)}</dd></div>
        <div><dt>Statut</dt><dd>{PASS_STATUS_LABELS[status]}</dd></div>
        <div><dt>Jours restants</dt><dd>{left}</dd></div>
      </dl>
      <details class="salaries-details">
        <summary>Corriger le numéro ou le début du PASS IAE</summary>
        <PassEditor key={pass.id} file={file} view={view} today={today} />
      </details>
      <HistoryButton entity="passIae" id={pass.id} what="PASS IAE" />

      <h4>Suspensions</h4>
      {suspensions.length === 0 ? <p>Aucune suspension.</p> : (
        <ul class="list">{suspensions.map((s) => (
          <PeriodEntry key={s.id} noun="suspension" period={s} endNow={end} endWithout={passEndDate(pass, suspensions.filter((x) => x.id !== s.id), prolongations)}
            confirming={removing === s.id} onEdit={() => open({ kind: 'suspension', record: s })} onAskRemoval={() => askRemoval(s.id)}
            onRemove={() => removeRecord('suspension', s.id, 'Suspension supprimée.')} onCancel={() => setRemoving(null)}>
            {SUSPENSION_REASON_LABELS[s.reason]}
          </PeriodEntry>
        ))}</ul>
      )}
      <h4>Prolongations</h4>
      {prolongations.length === 0 ? <p>Aucune prolongation.</p> : (
        <ul class="list">{prolongations.map((p) => (
          <PeriodEntry key={p.id} noun="prolongation" period={p} endNow={end} endWithout={passEndDate(pass, suspensions, prolongations.filter((x) => x.id !== p.id))}
            confirming={removing === p.id} onEdit={() => open({ kind: 'prolongation', record: p })} onAskRemoval={() => askRemoval(p.id)}
            onRemove={() => removeRecord('prolongation', p.id, 'Prolongation supprimée.')} onCancel={() => setRemoving(null)}>
            {PROLONGATION_REASON_LABELS[p.reason]}
            {p.decision && <> · {PROLONGATION_DECISION_LABELS[p.decision]}</>}
            {p.decision === 'pending' && <DecisionButtons prolongationId={p.id} onSaved={(t) => setMsg({ ok: true, text: t })} onError={(t) => setMsg({ ok: false, text: t })} />}
          </PeriodEntry>
        ))}</ul>
      )}
      {form === null && (
        <div class="actions">
          <button type="button" class="secondary" onClick={() => open({ kind: 'suspension' })}>Ajouter une suspension</button>
          <button type="button" class="secondary" onClick={() => open({ kind: 'prolongation' })}>Demander une prolongation</button>
        </div>
      )}
      {form?.kind === 'suspension' && <SuspensionForm key={form.record?.id ?? 'new'} file={file} view={view} today={today} record={form.record} onDone={done} />}
      {form?.kind === 'prolongation' && <ProlongationForm key={form.record?.id ?? 'new'} file={file} view={view} today={today} record={form.record} onDone={done} />}
      <SaveMessage msg={msg} />
    </>
  );
}

/** The prescriber answered: the request counts (granted) or not (refused). */
function DecisionButtons({ prolongationId, onSaved, onError }: { prolongationId: string; onSaved: (t: string) => void; onError: (t: string) => void }) {
  const { write } = useServices();
  const decide = async (decision: 'granted' | 'refused') => {
    try {
      await write('prolongation', prolongationId, { decision });
      onSaved(`Décision enregistrée : ${PROLONGATION_DECISION_LABELS[decision].toLowerCase()}.`);
    } catch (e) {
      onError(writeErrorMessage(e));
    }
  };
  return (
    <div class="actions">
      <button type="button" class="secondary" onClick={() => void decide('granted')}>Prolongation accordée</button>
      <button type="button" class="secondary" onClick={() => void decide('refused')}>Prolongation refusée</button>
    </div>
  );
}

function PassEditor({ file, view, today }: { file: SalarieFile; view: PassView | undefined; today: string }) {
  const { write } = useServices();
  const [draft, setDraft] = useState<PassDraft>({ number: view?.pass.number ?? '', start: view?.pass.start ?? file.salarie.entryDate ?? today });
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const problems = passProblems(draft);
  const blocked = blockingOf(problems).length > 0;

  async function save(ev: Event) {
    ev.preventDefault();
    if (blocked) return;
    try {
      await write('passIae', view?.pass.id ?? uuidv7(), {
        ...(view ? {} : { structureId: file.salarie.structureId, salarieId: file.salarie.id }),
        number: draft.number === '' ? null : draft.number, start: draft.start,
      });
      setMsg({ ok: true, text: 'PASS IAE enregistré sur la tablette.' });
    } catch (e) {
      setMsg({ ok: false, text: writeErrorMessage(e) });
    }
  }

  return (
    <form aria-label="PASS IAE" onSubmit={(e) => void save(e)}>
      <PassFields idPrefix="pass" draft={draft} onChange={(d) => { setMsg(null); setDraft(d); }} problems={problems} />
      <div class="actions"><button type="submit" disabled={blocked}>Enregistrer le PASS IAE</button></div>
      <SaveMessage msg={msg} />
    </form>
  );
}
