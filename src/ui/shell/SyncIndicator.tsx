// Always visible: where the data stands. Online or not, how many changes wait on this tablet,
// when the last sync succeeded, the error in French if any, and a button to sync now; during a
// first sync, a progress bar (FirstSyncProgress).
import { useServices } from './services';
import { useExternal } from './hooks/useExternal';
import { timeOf } from './format';
import { FirstSyncProgress } from './FirstSyncProgress';

export function SyncIndicator() {
  const { sync, syncNow } = useServices();
  const s = useExternal(sync);
  const state = s.error !== undefined && s.online ? 'error' : s.online ? 'ok' : 'offline';
  const label = !s.online ? 'Hors connexion' : s.syncing ? 'Synchronisation…' : s.error !== undefined ? 'Erreur de synchronisation' : 'En ligne';
  const waiting = s.pending === 0 ? 'Tout est envoyé' : s.pending === 1 ? '1 modification en attente' : `${s.pending} modifications en attente`;
  return (
    <div class="sync" role="status" aria-live="polite" data-testid="sync-indicator" data-pending={s.pending}>
      <span class={`state ${state}`}>{label}</span>
      <span>{waiting}</span>
      {s.lastSyncAt !== undefined && <span>Dernière synchro : {timeOf(s.lastSyncAt)}</span>}
      {s.error !== undefined && s.online && <span class="error-text">{s.error.message}</span>}
      {s.rejectedCount > 0 && <a href="#/refus">{s.rejectedCount} refusée{s.rejectedCount > 1 ? 's' : ''}</a>}
      {s.firstSync !== undefined && <FirstSyncProgress received={s.firstSync.received} pages={s.firstSync.pages} />}
      <button type="button" onClick={() => void syncNow()} disabled={s.syncing}>Synchroniser</button>
    </div>
  );
}
