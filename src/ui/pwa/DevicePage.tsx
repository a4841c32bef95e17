// « Cette tablette »: what a coordinator needs to judge a device — is its storage protected
// from eviction, how much space is used, which device it is, which version runs, and where its
// data stands (waiting, refused, last sync). Loaded on demand (lazy route chunk).
import { useEffect, useState } from 'preact/hooks';
import { format } from 'date-fns';
import { fr } from 'date-fns/locale';
import { useServices } from '../shell/services';
import { useExternal } from '../shell/hooks/useExternal';
import { useLiveQuery } from '../shell/hooks/useLiveQuery';
import { APP_VERSION } from './version';
import { guessDeviceName } from './deviceName';
import { frenchBytes, requestPersistentStorage, storageReport, type StorageReport } from './storage';

function plural(n: number, word: string): string {
  return `${n} ${word}${n > 1 ? 's' : ''}`;
}

export function DevicePage() {
  const { queries, sync } = useServices();
  const s = useExternal(sync);
  const deviceId = useLiveQuery(() => queries.device.deviceId(), []);
  const [report, setReport] = useState<StorageReport | undefined>(undefined);
  const [asking, setAsking] = useState(false);
  const offlineReady = typeof navigator !== 'undefined' && navigator.serviceWorker?.controller != null;

  useEffect(() => {
    let alive = true;
    void storageReport().then((r) => alive && setReport(r));
    return () => { alive = false; };
  }, [s.pending, s.lastSyncAt]);

  async function askPersistence() {
    setAsking(true);
    await requestPersistentStorage();
    setReport(await storageReport());
    setAsking(false);
  }

  const usage = report?.usage !== undefined && report.quota !== undefined && report.quota > 0
    ? `${frenchBytes(report.usage)} sur ${frenchBytes(report.quota)} disponibles (${(100 * report.usage / report.quota).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} %)`
    : 'Inconnu (le navigateur ne le dit pas)';

  return (
    <section aria-labelledby="device-title" class="device-page">
      <h2 id="device-title">Cette tablette</h2>
      <dl class="facts">
        <dt>Stockage protégé</dt>
        <dd data-testid="storage-persisted" data-persisted={report?.persisted === undefined ? 'unknown' : String(report.persisted)}>
          {report === undefined ? 'Vérification…' : report.persisted === true
            ? 'Oui : le navigateur n’effacera pas les données de Tremplin pour faire de la place.'
            : report.persisted === false
              ? 'Non : si la tablette manque de place, le navigateur pourrait effacer les données non envoyées. Synchronisez souvent.'
              : 'Inconnu : ce navigateur ne permet pas de le savoir.'}
          {report?.persisted === false && (
            <div class="actions">
              <button type="button" class="secondary" onClick={() => void askPersistence()} disabled={asking}>Demander la protection du stockage</button>
            </div>
          )}
        </dd>
        <dt>Espace utilisé</dt>
        <dd data-testid="storage-usage">{report === undefined ? 'Vérification…' : usage}</dd>
        <dt>Appareil</dt>
        <dd>{guessDeviceName()} <span class="meta">· identifiant <code>{deviceId ?? 'pas encore attribué'}</code></span></dd>
        <dt>Démarrage sans réseau</dt>
        <dd>{offlineReady ? 'Prêt : l’application démarre même sans réseau.' : 'Pas encore prêt : rouvrez l’application une fois avec du réseau.'}</dd>
        <dt>Modifications en attente</dt>
        <dd data-testid="device-pending">{s.pending === 0 ? 'Aucune : tout est envoyé.' : `${plural(s.pending, 'modification')} à envoyer`}</dd>
        <dt>Modifications refusées</dt>
        <dd>{s.rejectedCount === 0 ? 'Aucune' : <a href="#/refus">{plural(s.rejectedCount, 'modification')} refusée{s.rejectedCount > 1 ? 's' : ''} : voir le détail</a>}</dd>
        <dt>Dernière synchronisation</dt>
        <dd>{s.lastSyncAt === undefined ? 'Jamais' : format(s.lastSyncAt, "EEEE d MMMM yyyy 'à' HH:mm", { locale: fr })}</dd>
      </dl>
      <p class="hint app-version" data-testid="app-version">Version {APP_VERSION}</p>
    </section>
  );
}
