// The parcours at a glance: entry, PASS start and end (the domain's dates), exit, the status
// of the person today, and the teams they were in (memberships, latest first). Read only: each
// date is edited in its own section; each membership has its field history (who moved the person
// between teams, and when).
import type { SalarieFile } from '../../../client/queries/structure';
import { SALARIE_STATUS_LABELS, salarieStatus } from '../../../client/queries/structure';
import { frDate } from '../../../domain/rules/problem';
import { passEndDate } from '../../../domain/rules/pass';
import { HistoryButton } from '../history/HistoryButton';

export function ParcoursSection({ file, today }: { file: SalarieFile; today: string }) {
  const { salarie, pass } = file;
  const passEnd = pass ? passEndDate(pass.pass, pass.suspensions, pass.prolongations) : null;
  return (
    <section aria-labelledby="sal-parcours-title" class="card salaries-section">
      <h3 id="sal-parcours-title">Parcours</h3>
      <dl class="salaries-facts">
        <div><dt>Situation</dt><dd>{SALARIE_STATUS_LABELS[salarieStatus(salarie, today)]}</dd></div>
        <div><dt>Entrée</dt><dd>{salarie.entryDate ? frDate(salarie.entryDate) : 'non renseignée'}</dd></div>
        <div><dt>Début du PASS IAE</dt><dd>{pass ? frDate(pass.pass.start) : 'pas de PASS'}</dd></div>
        <div><dt>Fin du PASS IAE</dt><dd>{passEnd ? frDate(passEnd) : '—'}</dd></div>
        <div><dt>Sortie</dt><dd>{salarie.exitDate ? frDate(salarie.exitDate) : '—'}</dd></div>
      </dl>
      <h4>Équipes</h4>
      {file.memberships.length === 0 ? <p>Dans aucune équipe. Les équipes se gèrent dans « Structure », page « Équipes ».</p> : (
        <ul class="list">
          {file.memberships.map(({ membership: m, team }) => {
            const name = team?.name ?? 'Équipe absente de cette tablette';
            return (
              <li key={m.id} class="entry">
                {name} — depuis le {frDate(m.from)}{m.to ? `, jusqu’au ${frDate(m.to)}` : ''}
                <HistoryButton entity="membership" id={m.id} what={`équipe ${name} depuis le ${frDate(m.from)}`} />
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
