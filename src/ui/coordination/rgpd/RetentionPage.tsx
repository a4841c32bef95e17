// « Conservation des dossiers » (#/conservation, coordination): how long an exited salarié's file
// is kept (structure.retentionMonths, written through the repository like any setting, so it
// works offline and syncs), and the files whose time is over, each linking to the file where
// « Effacer ses données » is. The rule of what is overdue is domain/rgpd/retention.ts.
import { useEffect, useState } from 'preact/hooks';
import type { SalarieListRow } from '../../../client/queries/structure';
import { fullName } from '../../../domain/people';
import { pastRetention, RETENTION_MAX_MONTHS, RETENTION_MIN_MONTHS, retentionProblem } from '../../../domain/rgpd/retention';
import { isoDay, shortDate } from '../../shell/format';
import { useLiveQuery } from '../../shell/hooks/useLiveQuery';
import { useServices } from '../../shell/services';
import { writeErrorMessage } from '../../shell/writeError';

export function RetentionPage() {
  const services = useServices();
  const today = isoDay(services.now());
  const structure = useLiveQuery(() => services.queries.structure.structure(), []);
  const rows = useLiveQuery(async () => (await services.queries.structure.salariesList(today)).rows, [today], [] as SalarieListRow[]);
  const saved = structure?.retentionMonths ?? null;
  const [text, setText] = useState('');
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);

  // Show the stored setting once read (and when another device changes it), unless being typed.
  useEffect(() => { setText(saved === null ? '' : String(saved)); }, [saved]);

  const problem = retentionProblem(text);
  const due = saved === null ? [] : pastRetention(rows.map((r) => r.salarie), saved, today);

  async function save(ev: Event) {
    ev.preventDefault();
    if (!structure || problem !== null) return;
    try {
      await services.write('structure', structure.id, { retentionMonths: text.trim() === '' ? null : Number(text.trim()) });
      setMsg({ ok: true, text: 'Durée de conservation enregistrée sur la tablette.' });
    } catch (e) {
      setMsg({ ok: false, text: writeErrorMessage(e) });
    }
  }

  return (
    <section aria-labelledby="retention-title" class="retention">
      <h2 id="retention-title">Conservation des dossiers</h2>
      <form class="card" aria-label="Durée de conservation" onSubmit={(e) => void save(e)}>
        <div class="field">
          <label for="retention-months">Durée de conservation après la sortie (mois)</label>
          <input id="retention-months" type="number" inputMode="numeric" min={RETENTION_MIN_MONTHS} max={RETENTION_MAX_MONTHS} step={1}
            value={text} aria-invalid={problem !== null} aria-describedby="retention-hint"
            onInput={(e) => { setMsg(null); setText(e.currentTarget.value); }} />
          <p class="hint" id="retention-hint">
            {problem ?? 'Au-delà, le dossier d’un salarié sorti apparaît ci-dessous pour être effacé. Laissez vide pour ne fixer aucune durée.'}
          </p>
        </div>
        <div class="actions"><button type="submit" disabled={!structure || problem !== null}>Enregistrer la durée</button></div>
        {msg !== null && <p class={msg.ok ? 'banner info' : 'banner error'} role={msg.ok ? 'status' : 'alert'}>{msg.text}</p>}
      </form>

      <h3>Dossiers à effacer</h3>
      {saved === null
        ? <p>Aucune durée de conservation n’est fixée : aucun dossier n’est signalé.</p>
        : due.length === 0
          ? <p>Aucun dossier de salarié sorti n’a dépassé {saved} mois de conservation.</p>
          : (
            <ul class="list" aria-label="Dossiers dont la durée de conservation est dépassée">
              {due.map((d) => (
                <li key={d.salarie.id}>
                  <a href={`#/salaries/${d.salarie.id}`}>{fullName(d.salarie)}</a>
                  <span class="hint"> — sorti le {shortDate(d.exitDate)}, à conserver jusqu’au {shortDate(d.keptUntil)}</span>
                </li>
              ))}
            </ul>
          )}
    </section>
  );
}
