// The coordination's month: hours per salarié (worked and each absence type) against the
// contract, « Valider le mois » (after which the server refuses the ETIs' changes to it) and
// the CSV for payroll, downloaded from a Blob link — all on the device, offline included.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ABSENCE_TYPES } from '../../domain/entities';
import { ABSENCE_TYPE_LABELS } from '../../domain/rules/labels';
import { uuidv7 } from '../../domain/ids';
import { contractOn } from '../../domain/production/planning';
import { daysOfMonth, monthOf, previousMonth } from '../../domain/production/calendar';
import { emptyTotals, expectedMonthCenti, fromCenti, monthTotals, totalsChecks } from '../../domain/production/hours';
import { buildMonthCsv, exportFileName, type ExportRow } from '../../domain/production/exportCsv';
import { useServices } from '../shell/services';
import { useExternal } from '../shell/hooks/useExternal';
import { useLiveQuery } from '../shell/hooks/useLiveQuery';
import { byFrench } from '../../domain/people';
import type { ProductionData } from '../../client/queries/production';
import { isoDay } from '../shell/format';
import { writeErrorMessage } from '../shell/writeError';
import { Download, Lock } from 'lucide';
import { Icon } from '../icons/Icon';
import { CheckList } from './CheckList';
import { fmtHours } from './lookups';

const MONTH_FMT = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });
export const monthLabel = (m: string): string => MONTH_FMT.format(new Date(`${m}-01T00:00:00Z`));

/** One row per salarié with hours or a contract in the month. */
export function exportRows(data: ProductionData, month: string): ExportRow[] {
  const totals = monthTotals(data.entries, month);
  const days = daysOfMonth(month);
  const rows: ExportRow[] = [];
  for (const s of data.salaries.values()) {
    const facts = data.facts.get(s.id);
    const contract = facts ? days.map((d) => contractOn(facts, d)).find((c) => c !== undefined) : undefined;
    const t = totals.get(s.id);
    if (t === undefined && contract === undefined) continue;
    rows.push({ salarieId: s.id, lastName: s.lastName, firstName: s.firstName, weeklyHours: contract?.weeklyHours ?? null, totals: t ?? emptyTotals() });
  }
  return rows;
}

export function MonthHours() {
  const services = useServices();
  const user = useExternal(services.session);
  const today = isoDay(services.now());
  const [month, setMonth] = useState(previousMonth(monthOf(today)));
  const data = useLiveQuery(() => services.queries.production.loadProduction(today), [today]);
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const rows = useMemo(() => (data ? exportRows(data, month).sort((a, b) => byFrench(a.lastName, b.lastName)) : []), [data, month]);
  const csv = useMemo(() => buildMonthCsv(month, rows), [month, rows]);
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (typeof URL.createObjectURL !== 'function') return undefined;
    const u = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [csv]);
  if (data === undefined || user === undefined) return <p>Chargement…</p>;
  // Closed (monthClose.ts's closedMonths), with who validated it and when.
  const close = data.closedMonths.has(month) ? data.monthCloses.get(month) : undefined;
  const months = [monthOf(today), previousMonth(monthOf(today)), previousMonth(previousMonth(monthOf(today)))];

  async function validate() {
    try {
      await services.write('monthClose', uuidv7(), { structureId: user!.structureId, month, closedBy: user!.id, closedAt: new Date().toISOString() });
      setMsg({ ok: true, text: `Mois de ${monthLabel(month)} validé : les encadrants ne peuvent plus modifier ses heures.` });
    } catch (e) {
      setMsg({ ok: false, text: writeErrorMessage(e) });
    }
  }

  return (
    <section aria-labelledby="month-title">
      <h2 id="month-title">Heures du mois</h2>
      <div class="field">
        <span class="label" id="month-choice">Mois</span>
        <div class="choices" role="radiogroup" aria-labelledby="month-choice">
          {months.map((m) => (
            <label key={m}><input type="radio" name="month" checked={m === month} onChange={() => { setMonth(m); setMsg(null); }} />{monthLabel(m)}</label>
          ))}
        </div>
      </div>
      {close ? <p class="banner info" role="status"><Icon icon={Lock} size={20} class="lead" />Mois validé{close.closedAt ? ` le ${new Date(close.closedAt).toLocaleDateString('fr-FR')}` : ''} : les heures ne se modifient plus.</p> : (
        <div class="actions"><button type="button" onClick={() => void validate()}>Valider le mois de {monthLabel(month)}</button></div>
      )}
      {msg !== null && <p class={msg.ok ? 'banner info' : 'banner error'} role={msg.ok ? 'status' : 'alert'}>{msg.text}</p>}
      <div class="actions">
        {url !== null && <a class="button secondary" href={url} download={exportFileName(data.structureName, month)}>
          <Icon icon={Download} size={20} class="lead" />Télécharger le CSV ({rows.length} salariés)</a>}
      </div>
      <p class="hint">Fichier pour tableur (séparateur « ; », décimales « , ») : une ligne par salarié, heures travaillées et heures de chaque type d’absence.</p>
      <div class="table-wrap" tabIndex={0} role="region" aria-label="Heures du mois par salarié">
        <table class="totals">
          <thead>
            <tr><th scope="col">Salarié</th><th scope="col">Contrat / sem.</th><th scope="col">Travaillées</th>
              {ABSENCE_TYPES.map((t) => <th key={t} scope="col">{ABSENCE_TYPE_LABELS[t]}</th>)}<th scope="col">Remarques</th></tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const facts = data.facts.get(r.salarieId);
              const checks = facts ? totalsChecks(r.totals, expectedMonthCenti(facts.contracts, month)) : [];
              return (
                <tr key={r.salarieId}>
                  <th scope="row">{r.lastName} {r.firstName}</th>
                  <td>{r.weeklyHours === null ? '—' : fmtHours(r.weeklyHours)}</td>
                  <td data-testid={`worked-${r.salarieId}`}>{fmtHours(fromCenti(r.totals.worked))}</td>
                  {ABSENCE_TYPES.map((t) => <td key={t}>{fmtHours(fromCenti(r.totals.absence[t]))}</td>)}
                  <td><CheckList checks={checks} /></td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
