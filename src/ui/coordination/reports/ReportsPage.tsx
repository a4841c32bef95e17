// « Rapports » (#/rapports), the coordination's figures for the dialogue de gestion and the
// team meetings: exits and sorties dynamiques, competences acquired, hours against contracts,
// alert reading times — for a year and a team, each with a chart, the table of its figures, the
// lists behind them and a CSV export. All computed on the device from one read of the rows
// (queries.reports.load), so changing the year or the team is instant and works offline.
import { useMemo, useState } from 'preact/hooks';
import { useServices } from '../../shell/services';
import { useLiveQuery } from '../../shell/hooks/useLiveQuery';
import { isoDay } from '../../shell/format';
import { dataInputs, yearsOf, type ReportInputs } from './inputs';
import { ExitsReport } from './ExitsReport';
import { AcquiredReport } from './AcquiredReport';
import { HoursReport } from './HoursReport';
import { AlertsReport } from './AlertsReport';
import './reports.css';

const ALL = '';

export function ReportsPage() {
  const services = useServices();
  const today = isoDay(services.now());
  const data = useLiveQuery(() => services.queries.reports.load(), []);
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  const [team, setTeam] = useState<string>(ALL);
  const base = useMemo(() => (data === undefined ? undefined : dataInputs(data)), [data]);
  const years = useMemo(() => (data === undefined ? [] : yearsOf(data, today)), [data, today]);
  if (data === undefined || base === undefined) return <p class="hint" role="status">Chargement…</p>;
  // A team removed since it was chosen: back to the whole structure.
  const teamFilter = team !== ALL && data.teams.some((t) => t.id === team) ? team : null;
  const inputs: ReportInputs = { data, year, team: teamFilter, today, ...base };
  return (
    <section aria-labelledby="reports-title" class="reports">
      <h2 id="reports-title">Rapports</h2>
      <div class="report-filters">
        <div class="field">
          <label class="label" for="report-year">Année</label>
          <select id="report-year" value={String(year)} onChange={(e) => { const y = Number(e.currentTarget.value); if (Number.isInteger(y) && y > 0) setYear(y); }}>
            {years.map((y) => <option key={y} value={String(y)}>{y}</option>)}
          </select>
        </div>
        <div class="field">
          <label class="label" for="report-team">Équipe</label>
          <select id="report-team" value={teamFilter ?? ALL} onChange={(e) => setTeam(e.currentTarget.value)}>
            <option value={ALL}>Toute la structure</option>
            {data.teams.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
          </select>
        </div>
      </div>
      <p class="hint">Chiffres calculés sur cette tablette à partir des données synchronisées. Chaque graphique est accompagné du tableau de ses chiffres ; ouvrez les listes pour voir qui est derrière chaque chiffre.</p>
      <ExitsReport inputs={inputs} />
      <AcquiredReport inputs={inputs} />
      <HoursReport inputs={inputs} />
      <AlertsReport inputs={inputs} />
    </section>
  );
}
