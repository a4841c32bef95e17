// What every report on « Rapports » shares: a section with its title and key figure, the chart
// beside the table of its figures (side by side on a landscape tablet, stacked when narrow and
// in print), the lists behind the figures as disclosures, and « Exporter (CSV) ».
import type { ComponentChildren, VNode } from 'preact';
import { format, parseISO } from 'date-fns';
import { fr } from 'date-fns/locale';
import { Chart, type ChartProps } from './Chart';

/** 'févr.' for a chart's axis. */
export const shortMonth = (month: string): string => format(parseISO(`${month}-01`), 'MMM', { locale: fr });
/** 'février 2026' for a table and a list. */
export const longMonth = (month: string): string => format(parseISO(`${month}-01`), 'MMMM yyyy', { locale: fr });
/** '27 févr. 2026'. */
export const day = (iso: string): string => format(parseISO(iso), 'd MMM yyyy', { locale: fr });
/** 0.75 → '75 %'; null → '—'. */
export const pct = (rate: number | null): string => (rate === null ? '—' : `${Math.round(rate * 1000) / 10} %`.replace('.', ','));
/** 6.5 → '6,5 h'. */
export const hoursText = (centi: number): string => `${String(Math.round(centi) / 100).replace('.', ',')} h`;
export const daysText = (n: number | null): string => (n === null ? '—' : `${String(Math.round(n * 10) / 10).replace('.', ',')} j`);

interface ReportSectionProps {
  id: string;
  title: string;
  /** The report's key figure, in a sentence. */
  lead: ComponentChildren;
  chart: ChartProps;
  /** The table of the chart's figures. */
  table: ComponentChildren;
  /** The lists behind the figures (disclosures) and any other table. */
  children?: ComponentChildren;
  csv: () => string;
  fileName: string;
}

export function ReportSection({ id, title, lead, chart, table, children, csv, fileName }: ReportSectionProps) {
  return (
    <section class="report" aria-labelledby={`${id}-title`} data-testid={`report-${id}`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <p class="report-lead">{lead}</p>
      <div class="report-body">
        <Chart {...chart} />
        <div class="table-wrap" tabIndex={0} role="region" aria-label={`Chiffres : ${title}`}>{table}</div>
      </div>
      {children}
      <div class="actions report-actions">
        <CsvExport csv={csv} fileName={fileName} title={title} />
      </div>
    </section>
  );
}

/**
 * « Exporter (CSV) »: the file is made when tapped (a Blob link set on the click, so a change of
 * year or team never builds files nobody downloads), and the link revoked a minute later.
 */
export function CsvExport({ csv, fileName, title }: { csv: () => string; fileName: string; title: string }) {
  function onClick(e: MouseEvent) {
    const a = e.currentTarget as HTMLAnchorElement;
    if (typeof URL.createObjectURL !== 'function') { e.preventDefault(); return; }
    const url = URL.createObjectURL(new Blob([csv()], { type: 'text/csv;charset=utf-8' }));
    a.href = url;
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
  return <a class="button secondary" href="#" download={fileName} onClick={onClick} aria-label={`Exporter (CSV) : ${title}`}>Exporter (CSV)</a>;
}

/** A figure's list, folded: « Emploi durable : 2 » opens on who is behind it. */
export function Behind({ summary, count, children }: { summary: string; count: number; children: ComponentChildren }) {
  if (count === 0) return null;
  return (
    <details class="report-behind">
      <summary>{summary} : {count}</summary>
      <ul>{children}</ul>
    </details>
  );
}

/** The table beside a chart: a row per month (its name as the row header), a column per figure. */
export function MonthTable<M extends { month: string }>({ caption, headers, months, cells }: {
  caption: string;
  headers: readonly string[];
  months: readonly M[];
  cells: (m: M) => readonly ComponentChildren[];
}) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead><tr><th scope="col">Mois</th>{headers.map((h, i) => <th key={i} scope="col">{h}</th>)}</tr></thead>
      <tbody>
        {months.map((m) => (
          <tr key={m.month}><th scope="row">{longMonth(m.month)}</th>{cells(m).map((c, i) => <td key={i}>{c}</td>)}</tr>
        ))}
      </tbody>
    </table>
  );
}

/** The dated items behind a monthly figure, one folded list per month. */
export function BehindByMonth<T extends { date: string }>({ months, items, summary, item }: {
  months: readonly { month: string }[];
  items: readonly T[];
  summary: (monthName: string) => string;
  item: (t: T) => VNode;
}) {
  return (
    <>
      {months.map((m) => {
        const list = items.filter((t) => t.date.startsWith(m.month));
        return <Behind key={m.month} summary={summary(longMonth(m.month))} count={list.length}>{list.map(item)}</Behind>;
      })}
    </>
  );
}
