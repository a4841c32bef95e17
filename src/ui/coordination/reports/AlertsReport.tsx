// « Délai de lecture des alertes »: per month, how long the coordination took to first read
// an alert written on a worksite (domain/reports/alerts.ts), the ones still unread, and each
// alert behind the figures.
import { useMemo } from 'preact/hooks';
import { fullName } from '../../../domain/people';
import { alertReport } from '../../../domain/reports/alerts';
import { alertsCsv, reportFileName } from '../../../domain/reports/csv';
import type { ReportInputs } from './inputs';
import { BehindByMonth, MonthTable, ReportSection, day, daysText, shortMonth } from './parts';
import { CHART_COLORS } from './Chart';

export function AlertsReport({ inputs }: { inputs: ReportInputs }) {
  const { data, year, team, today, teamOf, names } = inputs;
  const r = useMemo(() => alertReport(data.alerts, data.readings, teamOf, year, team, today), [data, year, team, today, teamOf]);
  const unread = r.items.filter((a) => a.delayDays === null).length;
  return (
    <ReportSection
      id="alertes"
      title="Délai de lecture des alertes"
      lead={<>{r.items.length} alerte{r.items.length > 1 ? 's' : ''} en {year}, délai médian avant la première lecture : <strong>{daysText(r.medianDays)}</strong>{unread > 0 ? `, ${unread} encore non lue${unread > 1 ? 's' : ''}` : ''}.</>}
      chart={{
        title: 'Délai de lecture des alertes par mois',
        labels: r.months.map((m) => shortMonth(m.month)),
        unit: ' j',
        yMin: 2,
        series: [
          { label: 'Délai médian', values: r.months.map((m) => m.medianDays), color: CHART_COLORS[0], bars: true },
          { label: 'Délai le plus long', values: r.months.map((m) => m.maxDays), color: CHART_COLORS[4], dash: [8, 6] },
        ],
      }}
      table={<MonthTable caption={`Alertes et délai de lecture par mois, ${year}`} headers={['Alertes', 'Lues', 'Non lues', 'Délai médian', 'Délai le plus long']} months={r.months} cells={(m) => [m.alerts, m.read, m.unread, daysText(m.medianDays), daysText(m.maxDays)]} />}
      csv={() => alertsCsv(r, names)}
      fileName={reportFileName('alertes', year, team === null ? null : names.team(team))}
    >
      <BehindByMonth months={r.months} items={r.items} summary={(month) => `Alertes de ${month}`} item={(a) => (
        <li key={a.logEntryId}>
          {day(a.date)} — {fullName(names.salarie(a.salarieId))} ({names.team(a.teamId)}) — {a.firstReadOn === null
            ? <strong>non lue depuis {daysText(a.waitingDays)}</strong>
            : <>lue le {day(a.firstReadOn)} par {names.user(a.firstReaderId ?? '')}, après {daysText(a.delayDays)}</>}
        </li>
      )} />
    </ReportSection>
  );
}
