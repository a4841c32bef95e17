// One entry of the livret de suivi. Its visibility is always shown, in words, so the author and
// the reader know who else can read it; an alert says whether the coordination has read it and,
// once handled, who did what and when (« Traitée par … »): the ETI who wrote it sees the answer.
import { LOG_CATEGORY_LABELS, VISIBILITY_LABELS } from '../../domain/rules/labels';
import { hasFollowUp } from '../../domain/review/alerts';
import type { LogEntryRow, ReviewRow } from '../../client/queries/livret';
import { longDate, shortDate } from '../shell/format';
import { Check } from 'lucide';
import { Icon } from '../icons/Icon';

export function LogEntryCard({ entry, author, review, reviewer, children }: { entry: LogEntryRow; author?: string | undefined; review?: ReviewRow | undefined; reviewer?: string | undefined; children?: preact.ComponentChildren }) {
  const { visibility, category, alert } = entry;
  return (
    <li class={`entry${alert ? ' alert' : ''}`} data-testid="log-entry" data-visibility={visibility}>
      <header>
        {alert && <span class="tag alert"><span aria-hidden="true">! </span>Alerte</span>}
        {!(alert && category === 'alerte') && <strong>{LOG_CATEGORY_LABELS[category] ?? category}</strong>}
        <span class={`tag ${visibility}`}><span class="sr-only">Visibilité : </span>{VISIBILITY_LABELS[visibility] ?? visibility}</span>
        <span class="meta">{longDate(entry.date)}{author !== undefined && author !== '' ? ` · ${author}` : ''}</span>
      </header>
      <p>{entry.text}</p>
      {review !== undefined && hasFollowUp(review) ? (
        <p class="meta review-state read" data-testid="review-state" data-read="true" data-handled="true">
          <Icon icon={Check} size={18} class="lead" />{`Traitée par ${reviewer !== undefined && reviewer !== '' ? reviewer : 'la coordination'} le ${shortDate(review.at.slice(0, 10))} : `}
          <span class="follow-up">{review.followUp}</span>
        </p>
      ) : (alert || review !== undefined) && (
        <p class={`meta review-state${review !== undefined ? ' read' : ''}`} data-testid="review-state" data-read={review !== undefined ? 'true' : 'false'}>
          {review !== undefined
            ? <><Icon icon={Check} size={18} class="lead" />{`Lue par la coordination${reviewer !== undefined && reviewer !== '' ? ` (${reviewer})` : ''} le ${shortDate(review.at.slice(0, 10))}`}</>
            : <>Pas encore lue par la coordination</>}
        </p>
      )}
      {children}
    </li>
  );
}
