// A salarié's livret de suivi as the ETI or the coordination sees it: the form on top (write
// first, on the worksite), the timeline below, newest first, alerts marked and, for their
// author, whether the coordination has read them. Filter by category to find a thread again.
import { useState } from 'preact/hooks';
import { useServices } from '../services';
import { useLiveQuery } from '../hooks/useLiveQuery';
import { LogEntryCard } from '../components/LogEntryCard';
import { LogEntryForm } from '../components/LogEntryForm';
import { fullName, getLive, logOf, reviewsByEntry, str, userNames } from '../queries';
import { LOG_CATEGORIES, type LogCategory } from '../../domain/entities';
import { LOG_CATEGORY_LABELS } from '../../domain/rules/labels';
import type { SessionUser } from '../../sync/protocol';

const PAGE = 50;

export function Livret({ salarieId, user }: { salarieId: string; user: SessionUser }) {
  const { db } = useServices();
  const salarie = useLiveQuery(() => getLive(db, 'salarie', salarieId), [salarieId]);
  const entries = useLiveQuery(() => logOf(db, salarieId), [salarieId], []);
  const reviews = useLiveQuery(() => reviewsByEntry(db), [], new Map());
  const names = useLiveQuery(() => userNames(db), [], new Map<string, string>());
  const [filter, setFilter] = useState<LogCategory | ''>('');
  // A long livret opens on its latest entries; older ones are one tap away.
  const [limit, setLimit] = useState(PAGE);
  const matching = filter === '' ? entries : entries.filter((e) => e['category'] === filter);
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
            return <LogEntryCard key={e.id} entry={e} author={names.get(String(e['authorId']))} review={review} reviewer={review === undefined ? undefined : names.get(str(review, 'reviewerId'))} />;
          })}
        </ul>
      )}
      {matching.length > shown.length && (
        <button type="button" class="secondary" onClick={() => setLimit(limit + PAGE)}>Afficher les plus anciennes ({matching.length - shown.length})</button>
      )}
    </section>
  );
}
