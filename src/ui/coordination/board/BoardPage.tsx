// « Suivi des parcours », route `#/parcours`: every salarié en parcours in one table the
// coordination can sort by any column (PASS end first), filter (team, alerts only) and print.
// The rows are computed by domain/parcours from one read (queries.parcours.board); sorting and
// filtering are pure functions of that read, so a tap re-reads nothing. A reopen paints from the
// last read remembered for this user and day, then the live read refreshes it.
// Sorting and filtering cover every row; the first frame renders only the first rows (about two
// screens), the rest follow in chunks when the tablet is idle (useGrowingCount), and printing
// renders them all. Painting 200 rows of 13 cells was most of the time to open (issue 11).
import { useMemo, useState } from 'preact/hooks';
import { boardKey, type Board } from '../../../client/queries/parcours';
import { isoDay, longDate } from '../../shell/format';
import { useExternal } from '../../shell/hooks/useExternal';
import { useRememberedQuery } from '../../shell/hooks/useRememberedQuery';
import { useServices } from '../../shell/services';
import { BOARD_WIDTH_REM, COLUMNS, sortRows, type ColumnId } from './boardColumns';
import { BoardRowView } from './BoardRowView';
import { useGrowingCount } from './useGrowingCount';
import { ArrowDown, ArrowUp } from 'lucide';
import { Icon } from '../../icons/Icon';
import './board.css';

type Direction = 'ascending' | 'descending';

/** Rows in the first frame (a 1280 × 800 screen shows about ten: twice that), then per idle moment. */
export const BOARD_FIRST_ROWS = 20;
export const BOARD_ROWS_STEP = 40;

export function BoardPage() {
  const services = useServices();
  const today = isoDay(services.now());
  const user = useExternal(services.session);
  const { parcours } = services.queries;
  // A reopened board paints from its last read (same user, same day) while the live read confirms it.
  const board = useRememberedQuery<Board>(parcours.boardMemory, boardKey(user?.id ?? '', today), () => parcours.board(today));
  const [sort, setSort] = useState<{ column: ColumnId; direction: Direction }>({ column: 'passEnd', direction: 'ascending' });
  const [teamId, setTeamId] = useState('');
  const [alertsOnly, setAlertsOnly] = useState(false);
  const column = COLUMNS.find((c) => c.id === sort.column) ?? COLUMNS[0]!;
  // Not re-sorted when the next chunk of rows renders.
  const shown = useMemo(() => (board === undefined ? [] : sortRows(
    board.rows.filter((r) => (teamId === '' || (teamId === '-' ? r.teams.length === 0 : r.teams.some((t) => t.id === teamId))) && (!alertsOnly || r.alerts.length > 0)),
    column, sort.direction,
  )), [board, column, sort.direction, teamId, alertsOnly]);
  const { count, requestPrint } = useGrowingCount(shown.length, BOARD_FIRST_ROWS, BOARD_ROWS_STEP, `${sort.column}|${sort.direction}|${teamId}|${alertsOnly}`);
  if (board === undefined) return <p>Chargement…</p>;

  const sortBy = (id: ColumnId) => setSort((s) => ({ column: id, direction: s.column === id && s.direction === 'ascending' ? 'descending' : 'ascending' }));
  const filling = count < shown.length;

  return (
    <section class="board" aria-labelledby="board-title">
      <div class="row-between">
        <h2 id="board-title">Suivi des parcours</h2>
        <button type="button" class="secondary no-print" onClick={requestPrint}>Imprimer</button>
      </div>
      <p class="hint">Au {longDate(today)}.</p>
      <div class="row board-filters no-print" role="search">
        <div class="field">
          <label for="board-team">Équipe</label>
          <select id="board-team" value={teamId} onChange={(e) => setTeamId(e.currentTarget.value)}>
            <option value="">Toutes les équipes</option>
            {board.teams.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
            <option value="-">Sans équipe</option>
          </select>
        </div>
        <div class="field check-field">
          <input id="board-alerts" type="checkbox" checked={alertsOnly} onChange={(e) => setAlertsOnly(e.currentTarget.checked)} />
          <label for="board-alerts">Seulement les alertes</label>
        </div>
      </div>
      <p role="status">{shown.length === 0 ? 'Aucun salarié ne correspond.' : `${shown.length} salarié${shown.length > 1 ? 's' : ''} en parcours`}</p>
      {shown.length > 0 && (
        <div class="table-wrap">
          <table class="board" aria-busy={filling} style={{ minWidth: `${BOARD_WIDTH_REM}rem` }}>
            <caption class="sr-only">Salariés en parcours, triés par {column.label.toLowerCase()} ({sort.direction === 'ascending' ? 'croissant' : 'décroissant'})</caption>
            <colgroup>{COLUMNS.map((c) => <col key={c.id} style={{ width: `${c.width}rem` }} />)}</colgroup>
            <thead>
              <tr>
                {COLUMNS.map((c) => (
                  <th key={c.id} scope="col" aria-sort={c.id === sort.column ? sort.direction : undefined}>
                    <button type="button" class="sort" onClick={() => sortBy(c.id)}>
                      {c.label}
                      {c.id === sort.column && <Icon icon={sort.direction === 'ascending' ? ArrowUp : ArrowDown} size={16} class="trail" />}
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.slice(0, count).map((r) => <BoardRowView key={r.salarieId} row={r} today={today} />)}
            </tbody>
          </table>
          {filling && <p class="hint no-print" data-testid="board-filling">{count} sur {shown.length} affichés, la suite arrive.</p>}
        </div>
      )}
    </section>
  );
}
