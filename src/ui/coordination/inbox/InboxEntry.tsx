// One entry of the inbox: the livret card (with a colleague's follow-up when the alert was
// handled), its salarié's name opening their livret in one tap, « Répondre dans le livret »
// (the livret's form is where an answer or a CIP note is written), and « Marquer comme lu » while
// it is unread for this reviewer. An alert still à traiter also carries its follow-up form.
import type { ComponentChildren } from 'preact';
import type { LogEntryRow, ReviewRow } from '../../../client/queries/livret';
import { LOG_CATEGORY_LABELS } from '../../../domain/rules/labels';
import { LogEntryCard } from '../../livret/LogEntryCard';

/** The salarié's livret (the first tab of their file). */
export const livretHref = (salarieId: string) => `#/salarie/${salarieId}`;

export function InboxEntry({ entry, salarie, author, review, reviewer, unread, onMarkRead, children }: {
  entry: LogEntryRow;
  salarie: string;
  author: string | undefined;
  /** The review the card shows (a handling first). */
  review: ReviewRow | undefined;
  reviewer: string | undefined;
  unread: boolean;
  onMarkRead: (entry: LogEntryRow) => void;
  children?: ComponentChildren;
}) {
  const what = `${LOG_CATEGORY_LABELS[entry.category] ?? ''}, ${salarie}`;
  return (
    <LogEntryCard entry={entry} author={author} review={review} reviewer={reviewer}>
      <p class="meta">Salarié : <a href={livretHref(entry.salarieId)}>{salarie}<span class="sr-only"> (ouvrir son livret)</span></a></p>
      {children}
      <div class="actions">
        <a class="button secondary" href={livretHref(entry.salarieId)}>Répondre dans le livret<span class="sr-only"> : {salarie}</span></a>
        {unread && <button type="button" class="secondary" onClick={() => onMarkRead(entry)}>Marquer comme lu<span class="sr-only"> : {what}</span></button>}
      </div>
    </LogEntryCard>
  );
}
