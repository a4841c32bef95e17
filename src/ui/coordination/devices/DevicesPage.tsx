// « Tablettes » (coordination): every device signed in to the structure, with its user, its last
// sync, whether the browser keeps its data for good, and « Révoquer » for a lost tablet, behind a
// confirmation that says its data will be erased at its next connection. Revoked devices are
// listed apart, folded. A tablet unused too long shows « Session expirée » (server
// auth/expiry.ts): its person must sign in again, nothing is erased. Online only (client/admin.ts), like « Comptes ».
import { useEffect, useState } from 'preact/hooks';
import type { AdminApi, AdminDevice } from '../../../client/admin';
import { adminErrorMessage } from '../../../client/admin';
import { useServices } from '../../shell/services';
import { shortDate } from '../../shell/format';
import { frenchSince, useAdminConnection, type AdminConnection } from '../logins/adminConnection';

export const OFFLINE_DEVICES = 'Connexion nécessaire pour gérer les tablettes.';

const STORAGE_LABELS = {
  persisted: 'Stockage persistant : le navigateur garde ses données.',
  bestEffort: 'Stockage non garanti : le navigateur peut effacer ses données s’il manque de place.',
  unknown: 'Stockage : pas encore signalé par la tablette.',
} as const;

export const SESSION_EXPIRED_HINT = 'Inutilisée trop longtemps : la personne devra se reconnecter ; ses saisies restent sur la tablette.';

function storageLabel(d: AdminDevice): string {
  return d.persisted === true ? STORAGE_LABELS.persisted : d.persisted === false ? STORAGE_LABELS.bestEffort : STORAGE_LABELS.unknown;
}

export function DevicesPage({ admin }: { admin: AdminApi }) {
  const services = useServices();
  const conn = useAdminConnection();
  const [devices, setDevices] = useState<AdminDevice[] | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!conn.online && attempt === 0) return;
    let alive = true;
    void conn.run(async () => {
      const list = await admin.listDevices();
      // Most recently seen first: the tablets in use today at the top.
      if (alive) setDevices([...list].sort((a, b) => b.lastSeenAt.localeCompare(a.lastSeenAt)));
    }, (e) => alive && setNotice({ ok: false, text: adminErrorMessage(e) }));
    return () => { alive = false; };
  }, [admin, conn.online, attempt]);

  const now = services.now();
  const active = (devices ?? []).filter((d) => !d.revoked);
  const revoked = (devices ?? []).filter((d) => d.revoked);
  return (
    <section aria-labelledby="devices-title" class="devices">
      <h2 id="devices-title">Tablettes</h2>
      {!conn.online && (
        <div class="banner warn" role="status">
          <p>{OFFLINE_DEVICES}</p>
          <button type="button" class="secondary" onClick={() => setAttempt((n) => n + 1)}>Réessayer</button>
        </div>
      )}
      {notice !== null && <p class={notice.ok ? 'banner info' : 'banner error'} role={notice.ok ? 'status' : 'alert'}>{notice.text}</p>}
      {devices === null ? conn.online && <p>Chargement des tablettes…</p> : (
        <>
          {active.length === 0 && <p>Aucune tablette connectée.</p>}
          <ul class="list" aria-label="Tablettes connectées">
            {active.map((d) => (
              <DeviceEntry key={d.id} device={d} now={now} admin={admin} conn={conn}
                onRevoked={() => { setNotice({ ok: true, text: `« ${d.name} » est révoquée : ses données seront effacées à sa prochaine connexion.` }); setAttempt((n) => n + 1); }} />
            ))}
          </ul>
          {revoked.length > 0 && (
            <details class="devices-revoked">
              <summary>Tablettes révoquées ou déconnectées ({revoked.length})</summary>
              <ul class="list">
                {revoked.map((d) => <DeviceEntry key={d.id} device={d} now={now} admin={admin} conn={conn} onRevoked={() => undefined} />)}
              </ul>
            </details>
          )}
        </>
      )}
    </section>
  );
}

function DeviceEntry({ device: d, now, admin, conn, onRevoked }: { device: AdminDevice; now: Date; admin: AdminApi; conn: AdminConnection; onRevoked: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function revoke() {
    if (!conn.online) return;
    const ok = await conn.run(() => admin.revokeDevice(d.id), (e) => setError(adminErrorMessage(e)));
    if (ok) {
      setConfirming(false);
      onRevoked();
    }
  }

  return (
    <li class={`entry devices-entry${d.revoked ? ' devices-off' : ''}`}>
      <header>
        <strong>{d.name}</strong>
        <span>{d.user.displayName !== '' ? d.user.displayName : d.user.login}</span>
        {d.current && <span class="tag">Cette tablette</span>}
        {d.revoked && <span class="tag devices-revoked-tag">Révoquée</span>}
        {!d.revoked && d.sessionExpired === true && <span class="tag">Session expirée</span>}
      </header>
      <p class="meta">Dernière synchronisation {frenchSince(d.lastSeenAt, now)} · connectée le {shortDate(d.createdAt)}</p>
      {d.revoked && d.revokedAt !== null && <p class="meta">Révoquée le {shortDate(d.revokedAt)}</p>}
      {!d.revoked && d.sessionExpired === true && <p class="meta">{SESSION_EXPIRED_HINT}</p>}
      {!d.revoked && <p class={d.persisted === false ? 'devices-storage warn' : 'devices-storage'}>{storageLabel(d)}</p>}
      {error !== null && <p class="error-text" role="alert">{error}</p>}
      {!d.revoked && !d.current && !confirming && (
        <div class="actions">
          <button type="button" class="secondary" aria-label={`Révoquer la tablette ${d.name}`} onClick={() => { setError(null); setConfirming(true); }}>Révoquer</button>
        </div>
      )}
      {!d.revoked && d.current && <p class="hint">C’est la tablette que vous utilisez : pour la libérer, déconnectez-vous.</p>}
      {confirming && (
        <div class="card devices-confirm" role="group" aria-label={`Révoquer la tablette ${d.name}`}>
          <p>Révoquer « {d.name} » ? Elle est déconnectée tout de suite et ses données seront effacées à sa prochaine connexion ; ce qu’elle n’a pas encore envoyé sera perdu. {d.user.displayName !== '' ? d.user.displayName : 'La personne'} pourra se connecter de nouveau sur une autre tablette.</p>
          {!conn.online && <p class="error-text" role="alert">{OFFLINE_DEVICES}</p>}
          <div class="actions">
            <button type="button" class="danger" disabled={!conn.online} onClick={() => void revoke()}>Oui, révoquer</button>
            <button type="button" class="secondary" onClick={() => setConfirming(false)}>Annuler</button>
          </div>
        </div>
      )}
    </li>
  );
}
