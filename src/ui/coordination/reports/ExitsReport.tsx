// « Sorties et sorties dynamiques »: the year's dynamic exit rate against the 60 % target
// (3-month presence rule and neutralised exits as rules/exits.ts counts them), month by month on
// the chart, by team in a table, and the people behind each figure.
import { useMemo } from 'preact/hooks';
import { EXIT_CATEGORY_LABELS } from '../../../domain/rules/exits';
import { NOT_COUNTED_LABELS, exitReport, peopleBehind, type ExitPerson } from '../../../domain/reports/exits';
import { exitsCsv, reportFileName } from '../../../domain/reports/csv';
import { NO_TEAM_LABEL } from '../../../domain/reports/teams';
import type { ReportInputs } from './inputs';
import { Behind, MonthTable, ReportSection, day, pct, shortMonth } from './parts';
import { CHART_COLORS } from './Chart';

const FIGURES = ['durable', 'transition', 'positive', 'negative'] as const;

function PersonItem({ p, teamName }: { p: ExitPerson; teamName: string }) {
  return (
    <li>
      {p.name} — sortie le {day(p.exitDate)} ({teamName}) — {p.kindLabel ?? 'type de sortie non renseigné'}
      {p.reason !== null && <> — <strong>non comptée : {NOT_COUNTED_LABELS[p.reason].toLowerCase()}</strong></>}
    </li>
  );
}

export function ExitsReport({ inputs }: { inputs: ReportInputs }) {
  const { data, year, team, today, teamOf, names } = inputs;
  const r = useMemo(() => exitReport({
    salaries: data.salaries, contractStarts: inputs.contractStarts, teamOf, year, team, until: today,
  }), [data, year, team, today, teamOf]);
  const t = r.figures.tally;
  const teamLabel = (id: string | null) => (id === null ? NO_TEAM_LABEL : names.team(id));
  const met = r.figures.rate !== null && r.figures.rate >= r.target;
  return (
    <ReportSection
      id="sorties"
      title="Sorties et sorties dynamiques"
      lead={r.figures.rate === null
        ? <>Aucune sortie comptée en {year} ({r.people.length} sortie{r.people.length > 1 ? 's' : ''} au total).</>
        : <>Taux de sorties dynamiques {year} : <strong data-testid="exit-rate">{pct(r.figures.rate)}</strong> ({t.dynamic} sur {t.counted} sorties comptées), objectif {pct(r.target)} : <span class={met ? 'target-met' : 'target-missed'}>{met ? 'atteint' : 'non atteint'}</span>. {t.notCounted} sortie{t.notCounted > 1 ? 's' : ''} non comptée{t.notCounted > 1 ? 's' : ''} (neutralisées, moins de 3 mois de présence ou type à renseigner).</>}
      chart={{
        title: 'Taux cumulé de sorties dynamiques par mois',
        labels: r.months.map((m) => shortMonth(m.month)),
        unit: ' %',
        yMin: 100,
        series: [
          { label: 'Taux cumulé de sorties dynamiques', values: r.months.map((m) => (m.cumulativeRate === null ? null : Math.round(m.cumulativeRate * 1000) / 10)), color: CHART_COLORS[0] },
          { label: `Objectif ${pct(r.target)}`, values: r.months.map(() => r.target * 100), color: CHART_COLORS[1], dash: [8, 6] },
        ],
      }}
      table={<MonthTable caption={`Sorties par mois, ${year}`} headers={['Sorties comptées', 'Dont dynamiques', 'Taux cumulé']} months={r.months} cells={(m) => [m.counted, m.dynamic, pct(m.cumulativeRate)]} />}
      csv={() => exitsCsv(r, names, team)}
      fileName={reportFileName('sorties', year, team === null ? null : names.team(team))}
    >
      <div class="table-wrap" tabIndex={0} role="region" aria-label="Sorties par équipe">
        <table>
          <caption>Sorties par équipe, {year}</caption>
          <thead>
            <tr><th scope="col">Équipe</th>{FIGURES.map((f) => <th key={f} scope="col">{EXIT_CATEGORY_LABELS[f]}</th>)}<th scope="col">Comptées</th><th scope="col">Dynamiques</th><th scope="col">Non comptées</th><th scope="col">Taux</th></tr>
          </thead>
          <tbody>
            {r.byTeam.map((b) => (
              <tr key={b.teamId ?? ''}>
                <th scope="row">{teamLabel(b.teamId)}</th>
                {FIGURES.map((f) => <td key={f}>{b.figures.tally[f]}</td>)}
                <td>{b.figures.tally.counted}</td><td>{b.figures.tally.dynamic}</td><td>{b.figures.tally.notCounted}</td><td>{pct(b.figures.rate)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{team === null ? 'Toute la structure' : `Total ${names.team(team)}`}</th>
              {FIGURES.map((f) => <td key={f}>{t[f]}</td>)}
              <td>{t.counted}</td><td>{t.dynamic}</td><td>{t.notCounted}</td><td>{pct(r.figures.rate)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <h4>Qui est derrière chaque chiffre</h4>
      {FIGURES.map((f) => {
        const list = peopleBehind(r.people, f);
        return <Behind key={f} summary={EXIT_CATEGORY_LABELS[f]} count={list.length}>{list.map((p) => <PersonItem key={p.salarieId} p={p} teamName={teamLabel(p.teamId)} />)}</Behind>;
      })}
      {(() => {
        const list = peopleBehind(r.people, 'notCounted');
        return <Behind summary="Sorties non comptées" count={list.length}>{list.map((p) => <PersonItem key={p.salarieId} p={p} teamName={teamLabel(p.teamId)} />)}</Behind>;
      })()}
    </ReportSection>
  );
}
