// The exit (sortie): last day, kind (the state's list, rules/exits.ts, grouped by category) and
// a short precision. Says whether the exit counts in the dynamic exit rate (3 months of presence,
// not neutralised), as the domain decides, so the coordinator sees it before the report does.
import { useState } from 'preact/hooks';
import type { SalarieRow } from '../../../client/queries/structure';
import { validateSet } from '../../../domain/entities';
import { isIsoDate } from '../../../domain/rules/dates';
import { EXIT_CATEGORIES, EXIT_CATEGORY_LABELS, EXIT_KIND_NAMES, EXIT_KINDS, isCounted, isExitKind, type ExitKind } from '../../../domain/rules/exits';
import { problem, type Problem } from '../../../domain/rules/problem';
import { useServices } from '../../shell/services';
import { writeErrorMessage } from '../../shell/writeError';
import { HistoryButton } from '../history/HistoryButton';
import { blockingOf, ProblemList, SaveMessage } from './ProblemList';

/** The salarié's fields this section edits: its history shows only these. */
const EXIT_FIELDS = ['exitDate', 'exitKind', 'exitDetail'] as const;

export function ExitSection({ salarie }: { salarie: SalarieRow }) {
  const { write } = useServices();
  const [f, setF] = useState<{ exitDate: string; exitKind: ExitKind | ''; exitDetail: string }>({
    exitDate: salarie.exitDate ?? '', exitKind: salarie.exitKind ?? '', exitDetail: salarie.exitDetail ?? '',
  });
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);

  const problems: Problem[] = [];
  if (f.exitDate !== '' && !isIsoDate(f.exitDate)) problems.push(problem('exit_date_invalid', 'La date de sortie est incomplète.'));
  if (isIsoDate(f.exitDate) && salarie.entryDate && f.exitDate < salarie.entryDate) problems.push(problem('exit_before_entry', 'La sortie doit être le jour de l’entrée ou après.'));
  if (f.exitKind !== '' && f.exitDate === '') problems.push(problem('exit_date_missing', 'Indiquez la date de sortie.'));
  const detail = validateSet('salarie', { exitDetail: f.exitDetail });
  if (!detail.ok) problems.push(problem('exit_detail', detail.message));
  const blocked = blockingOf(problems).length > 0;
  const counted = isIsoDate(f.exitDate) && salarie.entryDate && f.exitKind !== ''
    ? isCounted({ entryDate: salarie.entryDate, exitDate: f.exitDate, kind: f.exitKind })
    : null;

  async function save(ev: Event) {
    ev.preventDefault();
    if (blocked) return;
    try {
      await write('salarie', salarie.id, {
        exitDate: f.exitDate === '' ? null : f.exitDate,
        exitKind: f.exitKind === '' ? null : f.exitKind,
        exitDetail: f.exitDetail.trim() === '' ? null : f.exitDetail.trim(),
      });
      setMsg({ ok: true, text: 'Sortie enregistrée sur la tablette.' });
    } catch (e) {
      setMsg({ ok: false, text: writeErrorMessage(e) });
    }
  }
  const edit = (next: typeof f) => { setMsg(null); setF(next); };

  return (
    <section aria-labelledby="sal-exit-title" class="card salaries-section">
      <h3 id="sal-exit-title">Sortie</h3>
      <form aria-label="Sortie" onSubmit={(e) => void save(e)}>
        <div class="row">
          <div class="field"><label for="sal-exit-date">Date de sortie (dernier jour)</label><input id="sal-exit-date" type="date" value={f.exitDate} onInput={(e) => edit({ ...f, exitDate: e.currentTarget.value })} /></div>
          <div class="field">
            <label for="sal-exit-kind">Type de sortie</label>
            <select id="sal-exit-kind" value={f.exitKind} onChange={(e) => { const v = e.currentTarget.value; edit({ ...f, exitKind: isExitKind(v) ? v : '' }); }}>
              <option value="">— Pas encore connu —</option>
              {EXIT_CATEGORIES.map((cat) => (
                <optgroup key={cat} label={EXIT_CATEGORY_LABELS[cat]}>
                  {EXIT_KIND_NAMES.filter((k) => EXIT_KINDS[k].category === cat).map((k) => <option key={k} value={k}>{EXIT_KINDS[k].label}</option>)}
                </optgroup>
              ))}
            </select>
          </div>
        </div>
        <div class="field">
          <label for="sal-exit-detail">Précisions sur la sortie</label>
          <textarea id="sal-exit-detail" value={f.exitDetail} onInput={(e) => edit({ ...f, exitDetail: e.currentTarget.value })} aria-describedby="sal-exit-detail-hint" />
          <p class="hint" id="sal-exit-detail-hint">Employeur, formation, poste : pas de détail de santé ni de justice.</p>
        </div>
        {counted !== null && <p class="hint">{counted ? 'Cette sortie compte dans le taux de sorties dynamiques.' : 'Cette sortie ne compte pas dans le taux (moins de 3 mois de présence ou sortie neutralisée).'}</p>}
        <ProblemList problems={problems} label="Sortie" />
        <div class="actions"><button type="submit" disabled={blocked}>Enregistrer la sortie</button></div>
        <SaveMessage msg={msg} />
      </form>
      <HistoryButton entity="salarie" id={salarie.id} what="sortie" fields={EXIT_FIELDS} />
    </section>
  );
}
