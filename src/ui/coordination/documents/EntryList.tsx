// The livret entries of a printed document, oldest first: date, category, author, and — on the
// team's copy — the visibility, so a reader knows which notes the salarié has also seen.
import type { LogEntryRow } from '../../../client/queries/livret';
import { LOG_CATEGORY_LABELS, VISIBILITY_LABELS } from '../../../domain/rules/labels';
import { shortDate } from '../../shell/format';

export function EntryList({ entries, names, showVisibility, empty }: {
  entries: readonly LogEntryRow[]; names: ReadonlyMap<string, string>; showVisibility: boolean; empty: string;
}) {
  if (entries.length === 0) return <p>{empty}</p>;
  return (
    <ol class="doc-entries">
      {entries.map((e) => (
        <li key={e.id}>
          <p class="meta">
            <strong>{shortDate(e.date)}</strong> · {LOG_CATEGORY_LABELS[e.category]}{e.alert ? ' (alerte)' : ''} · {names.get(e.authorId) ?? 'Auteur inconnu'}
            {showVisibility && <> · {VISIBILITY_LABELS[e.visibility]}</>}
          </p>
          <p class="doc-text">{e.text}</p>
        </li>
      ))}
    </ol>
  );
}
