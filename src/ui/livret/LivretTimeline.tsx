// A salarié's livret de suivi as the ETI or the coordination sees it: the form on top (write
// first, on the worksite), the timeline below, newest first, alerts marked and, for their
// author, whether the coordination has read them. Filter by category to find a thread again.
// Everything is read in one live query, so a long livret renders once, not once per table.
import { useState } from 'preact/hooks';
import type { LivretData } from '../../client/queries/livret';
import { fullName } from '../../domain/people';
import { useServices } from '../shell/services';
import { useLiveQuery } from '../shell/hooks/useLiveQuery';
import { LogEntryCard } from './LogEntryCard';
import { LogEntryForm } from './LogEntryForm';
import { LOG_CATEGORIES, type LogCategory } from '../../domain/entities';
import { LOG_CATEGORY_LABELS } from '../../domain/rules/labels';
import type { SessionUser } from '../../sync/protocol';

const PAGE = 50;

const NOTHING: LivretData = { salarie: undefined, entries: [], reviews: new Map(), names: new Map() };

export function Livret({ salarieId, user }: { salarieId: string; user: SessionUser }) {
  const { queries } = useServices();
  const { salarie, entries, reviews, names } = useLiveQuery(() => queries.livret.livret(salarieId), [salarieId], NOTHING);
  const [filter, setFilter] = useState<LogCategory | ''>('');
  // A long livret opens on its latest entries; older ones are one tap away.
  const [limit, setLimit] = useState(PAGE);
  const matching = filter === '' ? entries : entries.filter((e) => e.category === filter);
  const shown = matching.slice(0, limit);
  return (
    <section aria-labelledby="livret-title">
      <h2 id="livret-title">Livret de suivi — {fullName(salarie)}</h2>
      <LogEntryForm salarieId={salarieId} authorId={user.id} structureId={user.structureId} />
      <div class="row-between">
        <h3>Historique ({entries.length})</h3>
        <div class="field inline">
          <label for="livret-filter">Catégorie</label>
          <select id="livret-filter" value={filter} onChange={(e) => setFilter(e.currentTarget.value as LogCategory | '')}>
            <option value="">Toutes</option>
            {LOG_CATEGORIES.map((c) => <option key={c} value={c}>{LOG_CATEGORY_LABELS[c]}</option>)}
          </select>
        </div>
      </div>
      {shown.length === 0 ? <p>Aucune observation pour l’instant.</p> : (
        <ul class="list">
          {shown.map((e) => {
            const review = reviews.get(e.id);
            return <LogEntryCard key={e.id} entry={e} author={names.get(e.authorId)} review={review} reviewer={review === undefined ? undefined : names.get(review.reviewerId)} />;
          })}
        </ul>
      )}
      {matching.length > shown.length && (
        <button type="button" class="secondary" onClick={() => setLimit(limit + PAGE)}>Afficher les plus anciennes ({matching.length - shown.length})</button>
      )}
    </section>
  );
}
