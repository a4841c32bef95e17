// One row of the parcours board. A class with shouldComponentUpdate, not a function: a new sort,
// a filter or the next chunk of rows re-renders the table, and a row whose answer and day did not
// change is then skipped whole instead of re-diffing its 13 cells (no preact/compat `memo`: see
// docs/PERFORMANCE.md, issue 5, for what its global hook cost).
import { Component } from 'preact';
import type { BoardRow } from '../../../client/queries/parcours';
import { COLUMNS } from './boardColumns';

interface Props { row: BoardRow; today: string }

export class BoardRowView extends Component<Props> {
  override shouldComponentUpdate(next: Props): boolean {
    return next.row !== this.props.row || next.today !== this.props.today;
  }

  override render({ row, today }: Props) {
    return (
      <tr class={row.alerts.length > 0 ? 'has-alert' : undefined}>
        {COLUMNS.map((c) => (c.id === 'name'
          ? <th key={c.id} scope="row">{c.cell(row, today)}</th>
          : <td key={c.id}>{c.cell(row, today)}</td>))}
      </tr>
    );
  }
}
