// The PASS IAE of the salarié: its number and start, then what follows from them as the national
// service computes it (rules/pass.ts: end date with suspensions and prolongations, status, days
// left), the suspensions and the prolongations, each with its form. Every rule is the domain's;
// this file only gathers the facts the rules ask for and shows their French messages.
import { useState } from 'preact/hooks';
import type { PassView, SalarieFile } from '../../../client/queries/structure';
import { uuidv7 } from '../../../domain/ids';
import { frDate } from '../../../domain/rules/problem';
import { PASS_STATUS_LABELS, passEndDate, passStatus, remainingDays } from '../../../domain/rules/pass';
import { PROLONGATION_DECISION_LABELS, PROLONGATION_REASON_LABELS, SUSPENSION_REASON_LABELS } from '../../../domain/rules/labels';
import { useServices } from '../../shell/services';
import { writeErrorMessage } from '../../shell/writeError';
import { passProblems, type PassDraft } from './passDraft';
import { PassFields } from './PassFields';
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

function PassDetails({ file, view, today }: { file: SalarieFile; view: PassView; today: string }) {
  const { pass, suspensions, prolongations } = view;
  const end = passEndDate(pass, suspensions, prolongations);
  const status = passStatus(pass, { suspensions, prolongations }, today);
  const left = remainingDays(pass, suspensions, prolongations, today);
  const [adding, setAdding] = useState<'suspension' | 'prolongation' | null>(null);
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const done = (text: string | null) => { setAdding(null); setMsg(text === null ? null : { ok: true, text }); };
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

      <h4>Suspensions</h4>
      {suspensions.length === 0 ? <p>Aucune suspension.</p> : (
        <ul class="list">{suspensions.map((s) => <li key={s.id} class="entry">Du {frDate(s.start)} au {frDate(s.end)} — {SUSPENSION_REASON_LABELS[s.reason]}</li>)}</ul>
      )}
      <h4>Prolongations</h4>
      {prolongations.length === 0 ? <p>Aucune prolongation.</p> : (
        <ul class="list">{prolongations.map((p) => (
          <li key={p.id} class="entry">
            Du {frDate(p.start)} au {frDate(p.end)} — {PROLONGATION_REASON_LABELS[p.reason]}
            {p.decision && <> · {PROLONGATION_DECISION_LABELS[p.decision]}</>}
            {p.decision === 'pending' && <DecisionButtons prolongationId={p.id} onSaved={(t) => setMsg({ ok: true, text: t })} onError={(t) => setMsg({ ok: false, text: t })} />}
          </li>
        ))}</ul>
      )}
      {adding === null && (
        <div class="actions">
          <button type="button" class="secondary" onClick={() => { setMsg(null); setAdding('suspension'); }}>Ajouter une suspension</button>
          <button type="button" class="secondary" onClick={() => { setMsg(null); setAdding('prolongation'); }}>Demander une prolongation</button>
        </div>
      )}
      {adding === 'suspension' && <SuspensionForm file={file} view={view} today={today} onDone={done} />}
      {adding === 'prolongation' && <ProlongationForm file={file} view={view} today={today} onDone={done} />}
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
