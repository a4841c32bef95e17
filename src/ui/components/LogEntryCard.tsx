// One entry of the livret de suivi. Its visibility is always shown, in words, so the author and
// the reader know who else can read it; an alert says whether the coordination has read it.
import { LOG_CATEGORY_LABELS, VISIBILITY_LABELS } from '../../domain/rules/labels';
import type { LogCategory, Visibility } from '../../domain/entities';
import { longDate, shortDate } from '../format';
import { str, type Rec } from '../queries';

export function LogEntryCard({ entry, author, review, children }: { entry: Rec; author?: string | undefined; review?: Rec | undefined; children?: preact.ComponentChildren }) {
  const visibility = str(entry, 'visibility') as Visibility;
  const category = str(entry, 'category') as LogCategory;
  const alert = entry['alert'] === true;
  return (
    <li class={`entry${alert ? ' alert' : ''}`} data-testid="log-entry" data-visibility={visibility}>
      <header>
        <strong>{LOG_CATEGORY_LABELS[category] ?? category}</strong>
        <span class={`tag ${visibility}`}>{VISIBILITY_LABELS[visibility] ?? visibility}</span>
        {alert && <span class="tag alert">Alerte</span>}
        <span class="meta">{longDate(str(entry, 'date'))}{author !== undefined && author !== '' ? ` · ${author}` : ''}</span>
      </header>
      <p>{str(entry, 'text')}</p>
      {alert && (
        <p class="meta" data-testid="review-state">
          {review !== undefined ? `Lue par la coordination le ${shortDate(str(review, 'at').slice(0, 10))}` : 'Pas encore lue par la coordination'}
        </p>
      )}
      {children}
    </li>
  );
}
