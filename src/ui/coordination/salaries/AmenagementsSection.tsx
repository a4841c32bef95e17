// RQTH and aménagements de poste: what the assignment checks read (production/amenagements.ts)
// to warn an ETI before giving a task. The text says what the person must avoid at work, not
// why: the constraints the checks recognise are listed, and a hint keeps health details out.
import { useState } from 'preact/hooks';
import type { SalarieRow } from '../../../client/queries/structure';
import { CONSTRAINTS } from '../../../domain/production/amenagements';
import { validateSet } from '../../../domain/entities';
import { useServices } from '../../shell/services';
import { writeErrorMessage } from '../../shell/writeError';
import { HistoryButton } from '../history/HistoryButton';
import { SaveMessage } from './ProblemList';

/** The salarié's fields this section edits: its history shows only these. */
const AMENAGEMENT_FIELDS = ['rqth', 'amenagements'] as const;

export function AmenagementsSection({ salarie }: { salarie: SalarieRow }) {
  const { write } = useServices();
  const [rqth, setRqth] = useState(salarie.rqth === true);
  const [text, setText] = useState(salarie.amenagements ?? '');
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const recognised = CONSTRAINTS.filter((c) => c.inAmenagement.test(text));
  const check = validateSet('salarie', { amenagements: text });

  async function save(ev: Event) {
    ev.preventDefault();
    if (!check.ok) return;
    try {
      await write('salarie', salarie.id, { rqth, amenagements: text.trim() === '' ? null : text.trim() });
      setMsg({ ok: true, text: 'RQTH et aménagements enregistrés sur la tablette.' });
    } catch (e) {
      setMsg({ ok: false, text: writeErrorMessage(e) });
    }
  }

  return (
    <section aria-labelledby="sal-amenagements-title" class="card salaries-section">
      <h3 id="sal-amenagements-title">RQTH et aménagements de poste</h3>
      <form aria-label="RQTH et aménagements de poste" onSubmit={(e) => void save(e)}>
        <label class="check"><input type="checkbox" checked={rqth} onChange={(e) => { setMsg(null); setRqth(e.currentTarget.checked); }} />Reconnaissance de la qualité de travailleur handicapé (RQTH)</label>
        <div class="field">
          <label for="sal-amenagements">Aménagements de poste</label>
          <textarea id="sal-amenagements" value={text} onInput={(e) => { setMsg(null); setText(e.currentTarget.value); }} aria-describedby="sal-amenagements-hint" />
          <p class="hint" id="sal-amenagements-hint">
            Ce qu’il faut éviter au travail (par exemple : pas de port de charges de plus de 10 kg), jamais le diagnostic ni un détail de santé.
            Le planning vérifie : {CONSTRAINTS.map((c) => c.label).join(', ')}.
          </p>
          {recognised.length > 0 && <p class="hint">Repéré par les vérifications : {recognised.map((c) => c.label).join(', ')}.</p>}
          {!check.ok && <p class="error-text" role="alert">{check.message}</p>}
        </div>
        <div class="actions"><button type="submit" disabled={!check.ok}>Enregistrer RQTH et aménagements</button></div>
        <SaveMessage msg={msg} />
      </form>
      <HistoryButton entity="salarie" id={salarie.id} what="RQTH et aménagements" fields={AMENAGEMENT_FIELDS} />
    </section>
  );
}
