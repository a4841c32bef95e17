// The salarié's contracts, oldest first, and the contract form: a new contract, a correction, or
// a renewal (a new contract whose `renewalOf` names the renewed one, prefilled from it), and the
// deletion of a contract entered by mistake, after a confirmation. The domain's problems show as
// the person types; a blocking one disables the save.
import { useState } from 'preact/hooks';
import type { ContractRow, SalarieFile } from '../../../client/queries/structure';
import { uuidv7 } from '../../../domain/ids';
import { frDate } from '../../../domain/rules/problem';
import { CONTRACT_TYPE_LABELS, LOW_HOURS_REASON_LABELS } from '../../../domain/rules/labels';
import { useServices } from '../../shell/services';
import { writeErrorMessage } from '../../shell/writeError';
import { HistoryButton } from '../history/HistoryButton';
import { ConfirmRemoval } from './ConfirmRemoval';
import { ContractFields } from './ContractFields';
import { contractContextOf } from './context';
import { contractOf, contractProblems, defaultContractType, draftOf, emptyContract, renewalDraft, type ContractDraft } from './contractDraft';
import { blockingOf, SaveMessage } from './ProblemList';

type Editing = { mode: 'new' } | { mode: 'edit'; contract: ContractRow } | { mode: 'renew'; contract: ContractRow };

function hoursText(h: number): string {
  return `${String(h).replace('.', ',')} h par semaine`;
}

export function ContractsSection({ file }: { file: SalarieFile }) {
  const { remove } = useServices();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const byId = new Map(file.contracts.map((c) => [c.id, c]));
  const open = (e: Editing) => { setMsg(null); setRemoving(null); setEditing(e); };
  async function removeContract(c: ContractRow) {
    await remove('contract', c.id);
    setRemoving(null);
    if (editing !== null && editing.mode !== 'new' && editing.contract.id === c.id) setEditing(null);
    setMsg({ ok: true, text: 'Contrat supprimé.' });
  }
  return (
    <section aria-labelledby="sal-contracts-title" class="card salaries-section">
      <h3 id="sal-contracts-title">Contrats</h3>
      {file.contracts.length === 0 ? <p>Aucun contrat enregistré.</p> : (
        <ul class="list">
          {file.contracts.map((c) => {
            const renewed = c.renewalOf ? byId.get(c.renewalOf) : undefined;
            return (
              <li key={c.id} class="entry">
                <strong>{CONTRACT_TYPE_LABELS[c.type]}</strong> — {periodText(c)} · {hoursText(c.weeklyHours)}
                {c.lowHoursReason && <p class="hint">Motif sous 20 h : {LOW_HOURS_REASON_LABELS[c.lowHoursReason]}</p>}
                {renewed && <p class="hint">Renouvellement du contrat commencé le {frDate(renewed.start)}</p>}
                <div class="actions">
                  <button type="button" class="secondary" onClick={() => open({ mode: 'edit', contract: c })}>Modifier ce contrat</button>
                  <button type="button" class="secondary" onClick={() => open({ mode: 'renew', contract: c })}>Renouveler ce contrat</button>
                  <button type="button" class="secondary" onClick={() => { setMsg(null); setRemoving(c.id); }}>Supprimer ce contrat</button>
                </div>
                {removing === c.id && (
                  <ConfirmRemoval label={`Supprimer le contrat ${CONTRACT_TYPE_LABELS[c.type]} ${periodText(c)}`}
                    sentence={removalSentence(c, file.contracts)}
                    onConfirm={() => removeContract(c)} onCancel={() => setRemoving(null)} />
                )}
                <HistoryButton entity="contract" id={c.id} what={`contrat ${CONTRACT_TYPE_LABELS[c.type]} ${periodText(c)}`} />
              </li>
            );
          })}
        </ul>
      )}
      {editing === null
        ? <div class="actions"><button type="button" onClick={() => open({ mode: 'new' })}>Nouveau contrat</button></div>
        : <ContractEditor key={editing.mode === 'new' ? 'new' : `${editing.mode}-${editing.contract.id}`} file={file} editing={editing} onDone={(text) => { setEditing(null); setMsg(text === null ? null : { ok: true, text }); }} />}
      <SaveMessage msg={msg} />
    </section>
  );
}

function periodText(c: ContractRow): string {
  return `du ${frDate(c.start)}${c.end ? ` au ${frDate(c.end)}` : ', sans date de fin'}`;
}

/** For a contract entered by mistake: it leaves the file and the checks of the other contracts. */
function removalSentence(c: ContractRow, all: readonly ContractRow[]): string {
  const renewals = all.filter((o) => o.renewalOf === c.id).length;
  return `Supprimer le contrat ${CONTRACT_TYPE_LABELS[c.type]} ${periodText(c)} ? Il disparaît de la fiche et ne compte plus dans les contrôles des autres contrats (durée totale des CDDI, renouvellements).`
    + (renewals > 0 ? ' Le contrat qui le renouvelle reste enregistré.' : '');
}

function initialDraft(file: SalarieFile, editing: Editing): ContractDraft {
  if (editing.mode === 'edit') return draftOf(editing.contract);
  if (editing.mode === 'renew') return renewalDraft(editing.contract);
  return emptyContract(defaultContractType(file.structure?.type), file.contracts.length === 0 ? file.salarie.entryDate ?? '' : '');
}

function ContractEditor({ file, editing, onDone }: { file: SalarieFile; editing: Editing; onDone: (text: string | null) => void }) {
  const { write } = useServices();
  const [draft, setDraft] = useState(() => initialDraft(file, editing));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const id = editing.mode === 'edit' ? editing.contract.id : undefined;
  const problems = contractProblems(draft, contractContextOf(file), id);
  const blocked = blockingOf(problems).length > 0;
  const title = editing.mode === 'edit' ? 'Modifier le contrat' : editing.mode === 'renew' ? 'Renouveler le contrat' : 'Nouveau contrat';

  async function save(ev: Event) {
    ev.preventDefault();
    const c = contractOf(draft, id);
    if (c === null || blocked) return;
    setSaving(true);
    try {
      await write('contract', id ?? uuidv7(), {
        ...(editing.mode === 'edit' ? {} : { structureId: file.salarie.structureId, salarieId: file.salarie.id }),
        ...(editing.mode === 'renew' ? { renewalOf: editing.contract.id } : {}),
        type: c.type, start: c.start, end: c.end ?? null, weeklyHours: c.weeklyHours, lowHoursReason: c.lowHoursReason ?? null,
      });
      onDone(editing.mode === 'renew' ? 'Renouvellement enregistré sur la tablette.' : 'Contrat enregistré sur la tablette.');
    } catch (e) {
      setError(writeErrorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form aria-label={title} onSubmit={(e) => void save(e)}>
      <h4>{title}</h4>
      <ContractFields idPrefix="contract" draft={draft} onChange={setDraft} problems={problems} />
      <div class="actions">
        <button type="submit" disabled={blocked || saving}>Enregistrer le contrat</button>
        <button type="button" class="secondary" onClick={() => onDone(null)}>Annuler</button>
      </div>
      {error !== null && <p class="banner error" role="alert">{error}</p>}
    </form>
  );
}
