// The coordination's inbox: what came in from the worksites and is not yet read, alerts first
// in their own highlighted block. « Marquer comme lu » writes a review, which the author's
// tablet shows at its next sync.
import { useServices } from '../shell/services';
import { useExternal } from '../shell/hooks/useExternal';
import { useLiveQuery } from '../shell/hooks/useLiveQuery';
import { LogEntryCard } from '../livret/LogEntryCard';
import type { Inbox } from '../../client/queries/coordination';
import type { LogEntryRow } from '../../client/queries/livret';
import { fullName } from '../../domain/people';
import { uuidv7 } from '../../domain/ids';
import { useEffect, useState } from 'preact/hooks';
import { onIdle } from '../shell/hooks/onIdle';
import { isoDay } from '../shell/format';
import { prepareMatrix } from '../competences/matrixAhead';
import { writeErrorMessage } from '../shell/writeError';
import { LOG_CATEGORY_LABELS } from '../../domain/rules/labels';

const EMPTY: Inbox = { entries: [], salaries: new Map() };

export function CoordinatorHome() {
  const services = useServices();
  const { queries, write } = services;
  const user = useExternal(services.session);
  const data = useLiveQuery(() => queries.coordination.inbox(), [], EMPTY);
  const names = useLiveQuery(() => queries.teams.userNames(), [], new Map<string, string>());
  const [error, setError] = useState<string | null>(null);
  // The matrix is the coordination's other daily screen: ready when the tablet is idle.
  const userId = user?.id;
  useEffect(() => {
    if (userId === undefined) return;
    let alive = true;
    const cancel = onIdle(() => void prepareMatrix(queries, userId, isoDay(services.now()), () => alive));
    return () => { alive = false; cancel(); };
  }, [queries, userId]);
  if (user === undefined) return null;

  async function markRead(entry: LogEntryRow) {
    try {
      await write('review', uuidv7(), {
        structureId: user!.structureId, logEntryId: entry.id, reviewerId: user!.id, at: services.now().toISOString(), salarieId: entry.salarieId,
      });
    } catch (e) {
      setError(writeErrorMessage(e));
    }
  }

  const alerts = data.entries.filter((e) => e.alert);
  const others = data.entries.filter((e) => !e.alert);
  const card = (e: LogEntryRow) => (
    <LogEntryCard key={e.id} entry={e} author={names.get(e.authorId)}>
      <p class="meta">Salarié : <a href={`#/salarie/${e.salarieId}`}>{fullName(data.salaries.get(e.salarieId))}</a></p>
      <div class="actions"><button type="button" class="secondary" onClick={() => void markRead(e)}>Marquer comme lu<span class="sr-only"> : {LOG_CATEGORY_LABELS[e.category] ?? ''}, {fullName(data.salaries.get(e.salarieId))}</span></button></div>
    </LogEntryCard>
  );
  return (
    <section aria-labelledby="inbox-title">
      <h2 id="inbox-title">À lire ({data.entries.length}{alerts.length > 0 ? `, dont ${alerts.length} alerte${alerts.length > 1 ? 's' : ''}` : ''})</h2>
      {error !== null && <p class="error-text" role="alert">{error}</p>}
      {data.entries.length === 0 && <p>Tout est lu.</p>}
      {alerts.length > 0 && (
        <section class="alerts-block" aria-labelledby="alerts-title">
          <h3 id="alerts-title"><span aria-hidden="true">❗ </span>Alertes à traiter ({alerts.length})</h3>
          <ul class="list">{alerts.map(card)}</ul>
        </section>
      )}
      {others.length > 0 && (
        <section aria-labelledby="others-title">
          <h3 id="others-title">Observations ({others.length})</h3>
          <ul class="list">{others.map(card)}</ul>
        </section>
      )}
    </section>
  );
}
