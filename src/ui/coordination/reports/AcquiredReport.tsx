// « Compétences acquises »: per month and per team, the competences a salarié reached « Acquis »
// for the first time (domain/reports/competences.ts), with who and which competence behind
// each month's figure.
import { useMemo } from 'preact/hooks';
import { LEVEL_INFO } from '../../../domain/rules/matrix';
import { fullName } from '../../../domain/people';
import { acquiredReport } from '../../../domain/reports/competences';
import { acquiredCsv, reportFileName } from '../../../domain/reports/csv';
import type { ReportInputs } from './inputs';
import { BehindByMonth, MonthTable, ReportSection, day, shortMonth } from './parts';
import { CHART_COLORS } from './Chart';

export function AcquiredReport({ inputs }: { inputs: ReportInputs }) {
  const { data, year, team, today, teamOf, names } = inputs;
  const r = useMemo(() => acquiredReport(data.evaluations, teamOf, year, team, today), [data, year, team, today, teamOf]);
  const teamLabel = (t: string) => names.team(t === '' ? null : t);
  const single = r.teams.length <= 1;
  return (
    <ReportSection
      id="competences"
      title="Compétences acquises"
      lead={<>{r.total} compétence{r.total > 1 ? 's' : ''} acquise{r.total > 1 ? 's' : ''} en {year} (première évaluation au niveau « Acquis » ou plus, hors auto-évaluations).</>}
      chart={{
        title: 'Compétences acquises par mois',
        labels: r.months.map((m) => shortMonth(m.month)),
        yMin: 4,
        series: single
          ? [{ label: r.teams[0] === undefined ? 'Compétences acquises' : teamLabel(r.teams[0]), values: r.months.map((m) => m.total), color: CHART_COLORS[0], bars: true }]
          : r.teams.map((t, i) => ({ label: teamLabel(t), values: r.months.map((m) => m.byTeam.get(t) ?? 0), color: CHART_COLORS[i % CHART_COLORS.length]!, ...(i % 2 === 1 ? { dash: [6, 4] } : {}) })),
      }}
      table={<MonthTable caption={`Compétences acquises par mois et par équipe, ${year}`} headers={[...r.teams.map(teamLabel), 'Total']} months={r.months} cells={(m) => [...r.teams.map((t) => m.byTeam.get(t) ?? 0), m.total]} />}
      csv={() => acquiredCsv(r, names)}
      fileName={reportFileName('competences', year, team === null ? null : names.team(team))}
    >
      <BehindByMonth months={r.months} items={r.items} summary={(month) => `Acquises en ${month}`} item={(a) => (
        <li key={a.evaluationId}>{day(a.date)} — {fullName(names.salarie(a.salarieId))} — {names.competence(a.competenceId)} ({LEVEL_INFO[a.level].label}) — {names.team(a.teamId)}</li>
      )} />
    </ReportSection>
  );
}
