// The team's chantiers with their progress against the quote (hours from the relevé d'heures,
// shared out by the day's assignments) and the overrun forecast at the current pace.
import { useMemo } from 'preact/hooks';
import { chantierProgress, spentByChantier } from '../../domain/production/progress';
import { fromCenti } from '../../domain/production/hours';
import { frDate } from '../../domain/rules/problem';
import { useServices } from '../shell/services';
import { useLiveQuery } from '../shell/hooks/useLiveQuery';
import { byFrench } from '../../domain/people';
import type { ChantierRow, ProductionData } from '../../client/queries/production';
import { isoDay } from '../shell/format';
import { CheckList } from './CheckList';
import { fmtHours } from './lookups';

export function progressOf(data: ProductionData, spent: Map<string, number>, c: ChantierRow) {
  return chantierProgress(c, spent.get(c.id) ?? 0, data.today);
}

/** Hours spent per chantier: the rows are the rule's facts as they are (nothing to map). */
export function useSpent(data: ProductionData | undefined): Map<string, number> {
  return useMemo(() => (data ? spentByChantier(data.slots, data.assignments, data.entries) : new Map<string, number>()), [data]);
}

export function Chantiers() {
  const { queries, now } = useServices();
  const today = isoDay(now());
  const data = useLiveQuery(() => queries.production.loadProduction(today), [today]);
  const spent = useSpent(data);
  if (data === undefined) return <p>Chargement…</p>;
  return (
    <section aria-labelledby="chantiers-title">
      <h2 id="chantiers-title">Chantiers</h2>
      <p class="actions"><a class="button" href="#/chantier/nouveau">Nouveau chantier</a></p>
      {data.teams.map(({ team }) => (
        <div key={team.id}>
          <h3>{team.name}</h3>
          <ul class="cards">
            {data.chantiers.filter((c) => c.teamId === team.id).sort((a, b) => byFrench(a.name, b.name)).map((c) => {
              const p = progressOf(data, spent, c);
              const pct = p.ratio === null ? null : Math.round(p.ratio * 100);
              return (
                <li key={c.id} class="card">
                  <a class="stretch" href={`#/chantier/${c.id}`}>{c.name}</a>
                  <p class="meta">{c.client ?? ''}{c.end != null ? ` · jusqu’au ${frDate(c.end)}` : ''}</p>
                  <p>{fmtHours(fromCenti(p.spent))} passées{p.quoted !== null ? ` sur ${fmtHours(fromCenti(p.quoted))} au devis (${pct} %)` : ''}</p>
                  {pct !== null && <progress max={100} value={Math.min(100, pct)} aria-label={`Avancement des heures : ${pct} %`} />}
                  <CheckList checks={p.checks} />
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </section>
  );
}
