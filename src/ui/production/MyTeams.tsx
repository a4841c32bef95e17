// The ETI's home: their teams and the salariés in them, one tap from each livret.
import { useServices } from '../shell/services';
import { useLiveQuery } from '../shell/hooks/useLiveQuery';
import { fullName } from '../../domain/people';
import { isoDay } from '../shell/format';

export function MyTeams() {
  const { queries, now } = useServices();
  const today = isoDay(now());
  const teams = useLiveQuery(() => queries.teams.withMembers(today), [today], []);
  return (
    <section aria-labelledby="teams-title">
      <h2 id="teams-title">Mes équipes</h2>
      {teams.length === 0 && <p>Aucune équipe sur cette tablette pour l’instant. Synchronisez quand le réseau est là.</p>}
      {teams.map(({ team, members }) => (
        <div key={team.id} class="field">
          <h3>{team.name} <span class="meta">({members.length} salariés)</span></h3>
          <ul class="cards list">
            {members.map((s) => (
              <li key={s.id} class="card"><a class="stretch" href={`#/salarie/${s.id}`}>{fullName(s)}</a></li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
