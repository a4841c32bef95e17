// « Données personnelles (RGPD) » on a salarié's file: the export of everything the structure
// holds about the person (a JSON file, right of access) and, once they have left, the erasure.
// Both are online calls (client/admin.ts), never queued: an erasure must happen now or not at
// all, so offline the section says a connection is needed. Erasing is irreversible, so it asks
// for the last name typed in full, says what will happen, and then syncs at once so this
// tablet drops the person too.
import { useState } from 'preact/hooks';
import { adminErrorMessage } from '../../../client/admin';
import type { SalarieRow } from '../../../client/queries';
import { fullName } from '../../../domain/people';
import { hasExited } from '../../../domain/rgpd/retention';
import type { EraseResult } from '../../../sync/rgpd';
import { isoDay, shortDate } from '../../shell/format';
import { useLiveQuery } from '../../shell/hooks/useLiveQuery';
import { useServices } from '../../shell/services';
import { useAdminConnection } from '../logins/adminConnection';
import { downloadJson, exportFileName, sameName } from './download';

export const OFFLINE_RGPD = 'Connexion nécessaire pour exporter ou effacer les données : elles sont sur le serveur.';

type Notice = { ok: boolean; text: string } | null;

export function RgpdSection({ salarieId }: { salarieId: string }) {
  const services = useServices();
  const conn = useAdminConnection();
  const salarie = useLiveQuery(() => services.queries.records.get('salarie', salarieId), [salarieId]);
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [erased, setErased] = useState<EraseResult | null>(null);
  const today = isoDay(services.now());

  if (erased !== null) {
    return (
      <section aria-labelledby="rgpd-title" class="card salaries-section">
        <h3 id="rgpd-title">Données personnelles (RGPD)</h3>
        <p class="banner info" role="status">
          Données effacées sur le serveur ({erased.records} enregistrement{erased.records > 1 ? 's' : ''}
          {erased.deactivatedLogins > 0 ? ', compte du salarié désactivé' : ''}). Chaque tablette les supprimera à sa prochaine synchronisation.
        </p>
      </section>
    );
  }
  if (salarie === undefined) return null;

  async function exportData(person: SalarieRow) {
    setNotice(null);
    setBusy(true);
    const ok = await conn.run(async () => {
      const data = await services.admin.exportSalarie(salarieId);
      downloadJson(exportFileName(person, today), data);
    }, (e) => setNotice({ ok: false, text: adminErrorMessage(e) }));
    setBusy(false);
    if (ok) setNotice({ ok: true, text: 'Export téléchargé. Remettez-le à la personne par un moyen sûr.' });
  }

  const exited = hasExited(salarie.exitDate, today);
  return (
    <section aria-labelledby="rgpd-title" class="card salaries-section">
      <h3 id="rgpd-title">Données personnelles (RGPD)</h3>
      {!conn.online && <p class="banner warn" role="status">{OFFLINE_RGPD}</p>}
      {notice !== null && <p class={notice.ok ? 'banner info' : 'banner error'} role={notice.ok ? 'status' : 'alert'}>{notice.text}</p>}
      <p class="hint">L’export contient tout ce que la structure détient sur cette personne (dossier, livret, heures, évaluations, historique). Les notes privées des encadrants n’y sont que comptées.</p>
      <div class="actions">
        <button type="button" class="secondary" disabled={!conn.online || busy} onClick={() => void exportData(salarie)}>Exporter ses données (RGPD)</button>
        {exited && !confirming && (
          <button type="button" class="danger" disabled={!conn.online || busy} onClick={() => { setNotice(null); setConfirming(true); }}>Effacer ses données</button>
        )}
      </div>
      {!exited && (
        <p class="hint">
          {salarie.exitDate
            ? `L’effacement sera possible à partir de la date de sortie (${shortDate(salarie.exitDate)}).`
            : 'L’effacement n’est possible qu’après la sortie : renseignez d’abord la date de sortie.'}
        </p>
      )}
      {exited && confirming && (
        <ConfirmErase salarie={salarie} online={conn.online}
          onCancel={() => setConfirming(false)}
          onErase={async () => {
            let result: EraseResult | null = null;
            const ok = await conn.run(async () => { result = await services.admin.eraseSalarie(salarieId); }, (e) => setNotice({ ok: false, text: adminErrorMessage(e) }));
            if (!ok || result === null) return;
            setErased(result);
            // This tablet drops the person now rather than at the next timed sync.
            void services.syncNow().catch(() => undefined);
          }} />
      )}
    </section>
  );
}

function ConfirmErase({ salarie, online, onErase, onCancel }: {
  salarie: SalarieRow; online: boolean; onErase(): Promise<void>; onCancel(): void;
}) {
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const matches = sameName(typed, salarie.lastName);
  const inputId = `rgpd-erase-${salarie.id}`;

  async function erase(ev: Event) {
    ev.preventDefault();
    if (!matches || busy) return;
    setBusy(true);
    try {
      await onErase();
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card salaries-confirm" aria-label="Confirmer l’effacement" onSubmit={(e) => void erase(e)}>
      <p><strong>Effacement définitif des données de {fullName(salarie)}.</strong></p>
      <ul>
        <li>Son dossier, ses contrats, son PASS IAE, son livret, ses heures, ses évaluations et leur historique sont effacés du serveur, puis de chaque tablette à sa prochaine synchronisation.</li>
        <li>Son compte de connexion est désactivé et ses appareils déconnectés.</li>
        <li>Rien ne pourra être récupéré. Exportez d’abord ses données si elles doivent être remises ou archivées.</li>
      </ul>
      <div class="field">
        <label for={inputId}>Pour confirmer, tapez son nom de famille : {salarie.lastName}</label>
        <input id={inputId} value={typed} autocomplete="off" aria-describedby={`${inputId}-hint`} onInput={(e) => setTyped(e.currentTarget.value)} />
        <p class="hint" id={`${inputId}-hint`}>
          {typed.trim() !== '' && !matches ? 'Le nom tapé ne correspond pas.' : 'Majuscules et accents sans importance.'}
        </p>
      </div>
      <div class="actions">
        <button type="submit" class="danger" disabled={!matches || busy || !online}>Effacer définitivement</button>
        <button type="button" class="secondary" onClick={onCancel}>Annuler</button>
      </div>
    </form>
  );
}
