// The identity part of a salarié's file: the few fields the job needs, editable.
import { useState } from 'preact/hooks';
import type { SalarieRow } from '../../../client/queries/structure';
import { useServices } from '../../shell/services';
import { writeErrorMessage } from '../../shell/writeError';
import { HistoryButton } from '../history/HistoryButton';
import { IDENTITY_FIELDS, identityOf, identityProblems, identitySet } from './identity';
import { IdentityFields } from './IdentityFields';
import { blockingOf, SaveMessage } from './ProblemList';

export function IdentitySection({ salarie, today }: { salarie: SalarieRow; today: string }) {
  const { write } = useServices();
  const [draft, setDraft] = useState(() => identityOf(salarie));
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const problems = identityProblems(draft, today);
  const blocked = blockingOf(problems).length > 0;

  async function save(ev: Event) {
    ev.preventDefault();
    if (blocked) return;
    try {
      await write('salarie', salarie.id, identitySet(draft));
      setMsg({ ok: true, text: 'Identité enregistrée sur la tablette.' });
    } catch (e) {
      setMsg({ ok: false, text: writeErrorMessage(e) });
    }
  }

  return (
    <section aria-labelledby="sal-identity-title" class="card salaries-section">
      <h3 id="sal-identity-title">Identité</h3>
      <form aria-label="Identité" onSubmit={(e) => void save(e)}>
        <IdentityFields idPrefix="identity" draft={draft} onChange={(d) => { setMsg(null); setDraft(d); }} problems={problems} />
        <div class="actions"><button type="submit" disabled={blocked}>Enregistrer l’identité</button></div>
        <SaveMessage msg={msg} />
      </form>
      <HistoryButton entity="salarie" id={salarie.id} what="identité" fields={IDENTITY_FIELDS} />
    </section>
  );
}
