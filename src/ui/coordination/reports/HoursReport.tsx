// « Heures travaillées et heures du contrat »: per month, the relevé's hours against what the
// contracts expected (domain/reports/hours.ts), with each salarié's line behind the month.
import { useMemo } from 'preact/hooks';
import { fullName } from '../../../domain/people';
import { hoursReport } from '../../../domain/reports/hours';
import { hoursCsv, reportFileName } from '../../../domain/reports/csv';
import type { ReportInputs } from './inputs';
import { Behind, MonthTable, ReportSection, hoursText, longMonth, pct, shortMonth } from './parts';
import { CHART_COLORS } from './Chart';

export function HoursReport({ inputs }: { inputs: ReportInputs }) {
  const { data, year, team, today, teamOf, names } = inputs;
  const r = useMemo(() => hoursReport({ entries: data.entries, contracts: data.contracts, teamOf, year, team, until: today }), [data, year, team, today, teamOf]);
  const worked = r.months.reduce((s, m) => s + m.workedCenti, 0);
  const expected = r.months.reduce((s, m) => s + m.expectedCenti, 0);
  return (
    <ReportSection
      id="heures"
      title="Heures travaillées et heures du contrat"
      lead={<>{hoursText(worked)} travaillées en {year} pour {hoursText(expected)} prévues aux contrats ({pct(expected === 0 ? null : worked / expected)}).</>}
      chart={{
        title: 'Heures travaillées et heures prévues par mois',
        labels: r.months.map((m) => shortMonth(m.month)),
        unit: ' h',
        series: [
          { label: 'Heures travaillées', values: r.months.map((m) => m.workedCenti / 100), color: CHART_COLORS[0], bars: true },
          { label: 'Heures prévues au contrat', values: r.months.map((m) => m.expectedCenti / 100), color: CHART_COLORS[1], dash: [8, 6] },
        ],
      }}
      table={<MonthTable caption={`Heures par mois, ${year}`} headers={['Travaillées', 'Prévues au contrat', 'Réalisé']} months={r.months} cells={(m) => [hoursText(m.workedCenti), hoursText(m.expectedCenti), pct(m.ratio)]} />}
      csv={() => hoursCsv(r, names)}
      fileName={reportFileName('heures', year, team === null ? null : names.team(team))}
    >
      {r.months.map((m) => {
        const lines = r.lines.filter((l) => l.month === m.month).sort((a, b) => fullName(names.salarie(a.salarieId)).localeCompare(fullName(names.salarie(b.salarieId)), 'fr'));
        return (
          <Behind key={m.month} summary={`Salariés en ${longMonth(m.month)}`} count={lines.length}>
            {lines.map((l) => <li key={l.salarieId}>{fullName(names.salarie(l.salarieId))} : {hoursText(l.workedCenti)} travaillées pour {hoursText(l.expectedCenti)} prévues</li>)}
          </Behind>
        );
      })}
    </ReportSection>
  );
}
