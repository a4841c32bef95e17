// The team's chantiers with their progress against the quote (hours from the relevé d'heures,
// shared out by the day's assignments) and the overrun forecast at the current pace.
import { useMemo } from 'preact/hooks';
import { chantierProgress, spentByChantier } from '../../domain/production/progress';
import { fromCenti } from '../../domain/production/hours';
import { frDate } from '../../domain/rules/problem';
import { useServices } from '../shell/services';
import { useLiveQuery } from '../shell/hooks/useLiveQuery';
import { str, type Rec } from '../shell/legacyQueries';
import { isoDay } from '../shell/format';
import { CheckList } from './CheckList';
import { fmtHours, loadProduction, timeFacts, type ProductionData } from './data';

export function progressOf(data: ProductionData, spent: Map<string, number>, c: Rec) {
  return chantierProgress({ quotedHours: typeof c['quotedHours'] === 'number' ? c['quotedHours'] : null, start: str(c, 'start') || null, end: str(c, 'end') || null }, spent.get(c.id) ?? 0, data.today);
}

export function useSpent(data: ProductionData | undefined): Map<string, number> {
  return useMemo(() => (data ? spentByChantier(
    data.slots.map((s) => ({ id: s.id, date: str(s, 'date'), chantierId: str(s, 'chantierId') || null })),
    data.assignments.map((a) => ({ salarieId: str(a, 'salarieId'), slotId: str(a, 'slotId'), hours: typeof a['hours'] === 'number' ? a['hours'] : null })),
    data.entries.map(timeFacts),
  ) : new Map<string, number>()), [data]);
}

export function Chantiers() {
  const { db, now } = useServices();
  const today = isoDay(now());
  const data = useLiveQuery(() => loadProduction(db, today), [today]);
  const spent = useSpent(data);
  if (data === undefined) return <p>Chargement…</p>;
  return (
    <section aria-labelledby="chantiers-title">
      <h2 id="chantiers-title">Chantiers</h2>
      <p class="actions"><a class="button" href="#/chantier/nouveau">Nouveau chantier</a></p>
      {data.teams.map(({ team }) => (
        <div key={team.id}>
          <h3>{str(team, 'name')}</h3>
          <ul class="cards">
            {data.chantiers.filter((c) => str(c, 'teamId') === team.id).sort((a, b) => str(a, 'name').localeCompare(str(b, 'name'), 'fr')).map((c) => {
              const p = progressOf(data, spent, c);
              const pct = p.ratio === null ? null : Math.round(p.ratio * 100);
              return (
                <li key={c.id} class="card">
                  <a class="stretch" href={`#/chantier/${c.id}`}>{str(c, 'name')}</a>
                  <p class="meta">{str(c, 'client')}{str(c, 'end') !== '' ? ` · jusqu’au ${frDate(str(c, 'end'))}` : ''}</p>
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
