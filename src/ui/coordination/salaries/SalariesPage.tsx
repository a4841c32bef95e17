// « Salariés » for the coordination, route `#/salaries`: everyone on the device, searched by
// name (accents and case ignored) and filtered by team and by status (en parcours, sorti, à
// venir, from the entry and exit dates against today). Filtering is a pure function of one read
// (client/queries/structure.ts), so typing re-reads nothing.
import { useState } from 'preact/hooks';
import { filterSalaries, SALARIE_STATUS_LABELS, type SalarieStatus } from '../../../client/queries/structure';
import { fullName } from '../../../domain/people';
import { isoDay } from '../../shell/format';
import { useLiveQuery } from '../../shell/hooks/useLiveQuery';
import { useServices } from '../../shell/services';
import { NEW_SALARIE } from './SalarieFilePage';
import { useStructureQueries } from './useStructureQueries';

const STATUSES = Object.keys(SALARIE_STATUS_LABELS).filter((s): s is SalarieStatus => s in SALARIE_STATUS_LABELS);

function isStatus(s: string): s is SalarieStatus {
  return (STATUSES as readonly string[]).includes(s);
}

export function SalariesPage() {
  const today = isoDay(useServices().now());
  const queries = useStructureQueries();
  const list = useLiveQuery(() => queries.salariesList(today), [today]);
  const [search, setSearch] = useState('');
  const [teamId, setTeamId] = useState('');
  const [status, setStatus] = useState<SalarieStatus | ''>('');
  if (list === undefined) return <p>Chargement…</p>;
  const rows = filterSalaries(list.rows, { search, teamId, status });
  return (
    <section aria-labelledby="salaries-title">
      <div class="row-between">
        <h2 id="salaries-title">Salariés</h2>
        {/* « Conservation des dossiers » moved to « Structure », with the other settings. */}
        <a class="button" href={`#/salaries/${NEW_SALARIE}`}>Nouveau salarié</a>
      </div>
      <div class="row" role="search">
        <div class="field"><label for="salaries-search">Rechercher un nom</label><input id="salaries-search" type="search" value={search} onInput={(e) => setSearch(e.currentTarget.value)} /></div>
        <div class="field">
          <label for="salaries-team">Équipe</label>
          <select id="salaries-team" value={teamId} onChange={(e) => setTeamId(e.currentTarget.value)}>
            <option value="">Toutes les équipes</option>
            {list.teams.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
            <option value="-">Sans équipe</option>
          </select>
        </div>
        <div class="field">
          <label for="salaries-status">Situation</label>
          <select id="salaries-status" value={status} onChange={(e) => { const v = e.currentTarget.value; setStatus(isStatus(v) ? v : ''); }}>
            <option value="">Toutes</option>
            {STATUSES.map((s) => <option key={s} value={s}>{SALARIE_STATUS_LABELS[s]}</option>)}
          </select>
        </div>
      </div>
      <p role="status">{rows.length === 0 ? 'Aucun salarié ne correspond.' : `${rows.length} salarié${rows.length > 1 ? 's' : ''}`}</p>
      <ul class="list" aria-label="Liste des salariés">
        {rows.map((r) => (
          <li key={r.salarie.id} class="card">
            <a class="stretch" href={`#/salaries/${r.salarie.id}`}>{fullName(r.salarie)}</a>
            <p class="hint">{SALARIE_STATUS_LABELS[r.status]}{r.teams.length > 0 ? ` · ${r.teams.map((t) => t.name).join(', ')}` : ' · sans équipe'}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
