// The parcours board's columns: for each, its header, how it sorts (a key, empty values last
// whatever the direction) and what its cell shows. One table of columns so sorting, the header
// buttons and the cells cannot drift apart; every state is said in words, never by colour alone.
// Each column has its width (the table has a fixed layout): the browser then sizes the table
// from the header alone instead of measuring every cell of every row. The widths are those the
// browser chose by itself for the 200-salarié bench (auto layout), so the rows look the same.
import type { ComponentChild } from 'preact';
import type { BoardRow } from '../../../client/queries/parcours';
import { BOARD_ALERT_LABELS } from '../../../domain/parcours/board';
import { CONTRACT_TYPE_LABELS } from '../../../domain/rules/labels';
import { byFrench } from '../../../domain/people';
import { shortDate } from '../../shell/format';

export type ColumnId = 'name' | 'team' | 'passEnd' | 'daysLeft' | 'window' | 'contract' | 'rules' | 'openings' | 'accueil' | 'diagnostic' | 'objectives' | 'lastEntry' | 'alerts';

type SortKey = string | number | null;

export interface Column {
  id: ColumnId;
  label: string;
  /** Width of the cell's content in rem, padding (1 rem) apart; at least: a wider screen shares the rest. */
  width: number;
  key: (r: BoardRow) => SortKey;
  cell: (r: BoardRow, today: string) => ComponentChild;
}

const dateOr = (iso: string | null | undefined, none = '—'): string => (iso ? shortDate(iso) : none);
const days = (n: number): string => `${n} jour${Math.abs(n) > 1 ? 's' : ''}`;

export const COLUMNS: readonly Column[] = [
  {
    id: 'name', label: 'Salarié', width: 6.5, key: (r) => `${r.lastName} ${r.firstName}`,
    cell: (r) => <a href={`#/salaries/${r.salarieId}`}>{r.lastName} {r.firstName}</a>,
  },
  { id: 'team', label: 'Équipe', width: 4, key: (r) => r.teams[0]?.name ?? null, cell: (r) => (r.teams.length > 0 ? r.teams.map((t) => t.name).join(', ') : 'Sans équipe') },
  {
    id: 'passEnd', label: 'Fin du PASS IAE', width: 6.5, key: (r) => r.pass?.end ?? null,
    cell: (r) => (r.pass === null ? 'Non renseigné' : (
      <>
        {shortDate(r.pass.end)}
        {r.pass.suspendedToday && <span class="tag suspended">Suspendu{r.pass.suspendedUntil ? ` jusqu’au ${shortDate(r.pass.suspendedUntil)}` : ''}</span>}
        {r.pass.status === 'expire' && <span class="tag alert">Expiré</span>}
      </>
    )),
  },
  { id: 'daysLeft', label: 'Jours restants', width: 4.75, key: (r) => r.pass?.daysLeft ?? null, cell: (r) => (r.pass === null ? '—' : days(r.pass.daysLeft)) },
  {
    id: 'window', label: 'Demande de prolongation', width: 7, key: (r) => r.pass?.window.to ?? null,
    cell: (r, today) => {
      if (r.pass === null) return '—';
      const w = r.pass.window;
      const state = r.pass.pendingProlongation ? 'Demande en attente' : today < w.from ? 'À venir' : today > w.to ? 'Fermée' : 'Ouverte';
      return <>{state}<br /><span class="hint">du {shortDate(w.from)} au {shortDate(w.to)}</span></>;
    },
  },
  {
    id: 'contract', label: 'Fin du contrat', width: 9.5, key: (r) => r.contract?.end ?? null,
    cell: (r) => (r.contract === null ? 'Aucun contrat' : (
      <>
        {CONTRACT_TYPE_LABELS[r.contract.type]} · {r.contract.end ? shortDate(r.contract.end) : 'sans fin'}
        {r.contract.renewed && <span class="tag ok">Renouvelé</span>}
        {r.contract.renewalToDecide && <span class="tag alert">Renouvellement à décider</span>}
      </>
    )),
  },
  {
    id: 'rules', label: 'Règles du contrat', width: 7.5, key: (r) => r.contract?.breaches.length ?? 0,
    cell: (r) => (r.contract === null || r.contract.breaches.length === 0 ? 'Conforme' : (
      <ul class="plain-list">{r.contract.breaches.map((p) => <li key={p.code}>{p.severity === 'blocking' ? 'Hors règle : ' : 'À vérifier : '}{p.message}</li>)}</ul>
    )),
  },
  {
    id: 'openings', label: 'CDI inclusion · passerelle', width: 5.75, key: (r) => r.cdiInclusion.opensOn ?? r.passerelle.opensOn,
    cell: (r) => (
      <>
        CDI inclusion : {r.cdiInclusion.eligible ? 'possible' : r.cdiInclusion.opensOn ? `à partir du ${shortDate(r.cdiInclusion.opensOn)}` : 'date de naissance inconnue'}
        <br />
        Passerelle : {r.passerelle.eligible ? 'possible' : r.passerelle.opensOn ? `à partir du ${shortDate(r.passerelle.opensOn)}` : 'non ouverte'}
      </>
    ),
  },
  { id: 'accueil', label: 'Accueil', width: 4.25, key: (r) => r.accueil.done, cell: (r) => `${r.accueil.done}/${r.accueil.total}${r.accueil.unfinished ? ' · à terminer' : ''}` },
  { id: 'diagnostic', label: 'Diagnostic', width: 6, key: (r) => r.diagnostic.last, cell: (r) => `${dateOr(r.diagnostic.last, 'Aucun')}${r.diagnostic.stale ? ' · à revoir' : ''}` },
  { id: 'objectives', label: 'Objectifs en retard', width: 5, key: (r) => r.objectivesLate, cell: (r) => String(r.objectivesLate) },
  { id: 'lastEntry', label: 'Dernière entrée du livret', width: 5, key: (r) => r.lastEntryDate, cell: (r) => dateOr(r.lastEntryDate, 'Aucune') },
  {
    id: 'alerts', label: 'Alertes', width: 5.75, key: (r) => r.alerts.length,
    cell: (r) => (r.alerts.length === 0 ? 'Aucune' : <ul class="plain-list">{r.alerts.map((a) => <li key={a}>{BOARD_ALERT_LABELS[a]}</li>)}</ul>),
  },
];

/** The table's least width, in rem: every column at its width, with its padding. */
export const BOARD_WIDTH_REM = COLUMNS.reduce((sum, c) => sum + c.width + 1, 0);

function compareKeys(a: SortKey, b: SortKey): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return byFrench(String(a), String(b));
}

/** Rows sorted by a column; empty values stay at the bottom in both directions; name breaks ties. */
export function sortRows(rows: readonly BoardRow[], column: Column, direction: 'ascending' | 'descending'): BoardRow[] {
  const name = COLUMNS[0]!;
  return [...rows].sort((x, y) => {
    const a = column.key(x);
    const b = column.key(y);
    if (a === null || b === null) return a === b ? compareKeys(name.key(x), name.key(y)) : a === null ? 1 : -1;
    const c = compareKeys(a, b);
    return (direction === 'ascending' ? c : -c) || compareKeys(name.key(x), name.key(y));
  });
}
