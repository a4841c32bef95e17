// The parcours at a glance: entry, PASS start and end (the domain's dates), exit, the status
// of the person today, and the teams they were in (memberships, latest first). Read only: each
// date is edited in its own section.
import type { SalarieFile } from '../../../client/queries/structure';
import { SALARIE_STATUS_LABELS, salarieStatus } from '../../../client/queries/structure';
import { frDate } from '../../../domain/rules/problem';
import { passEndDate } from '../../../domain/rules/pass';

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
      {file.memberships.length === 0 ? <p>Dans aucune équipe. Les équipes se gèrent depuis l’onglet « Équipes ».</p> : (
        <ul class="list">
          {file.memberships.map(({ membership: m, team }) => (
            <li key={m.id} class="entry">{team?.name ?? 'Équipe absente de cette tablette'} — depuis le {frDate(m.from)}{m.to ? `, jusqu’au ${frDate(m.to)}` : ''}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
