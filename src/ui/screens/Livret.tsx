// A salarié's livret de suivi as the ETI or the coordination sees it: the form on top (write
// first, on the worksite), the timeline below, newest first.
import { useServices } from '../services';
import { useLiveQuery } from '../hooks/useLiveQuery';
import { LogEntryCard } from '../components/LogEntryCard';
import { LogEntryForm } from '../components/LogEntryForm';
import { fullName, getLive, logOf, reviewsByEntry, userNames } from '../queries';
import type { SessionUser } from '../../sync/protocol';

export function Livret({ salarieId, user }: { salarieId: string; user: SessionUser }) {
  const { db } = useServices();
  const salarie = useLiveQuery(() => getLive(db, 'salarie', salarieId), [salarieId]);
  const entries = useLiveQuery(() => logOf(db, salarieId), [salarieId], []);
  const reviews = useLiveQuery(() => reviewsByEntry(db), [], new Map());
  const names = useLiveQuery(() => userNames(db), [], new Map<string, string>());
  return (
    <section aria-labelledby="livret-title">
      <p><a href="#/">← Retour</a></p>
      <h2 id="livret-title">Livret de suivi — {fullName(salarie)}</h2>
      <LogEntryForm salarieId={salarieId} authorId={user.id} structureId={user.structureId} />
      <h3>Historique ({entries.length})</h3>
      {entries.length === 0 ? <p>Aucune observation pour l’instant.</p> : (
        <ul class="list">
          {entries.map((e) => <LogEntryCard key={e.id} entry={e} author={names.get(String(e['authorId']))} review={reviews.get(e.id)} />)}
        </ul>
      )}
    </section>
  );
}
