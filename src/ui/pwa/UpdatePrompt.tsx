// « Nouvelle version disponible »: the new version is switched on only when the user accepts,
// after the waiting changes are sent — or, if they cannot be sent now, after the user confirms
// that they will leave after the update (they stay in IndexedDB, nothing is lost).
import { useState } from 'preact/hooks';
import { useServices } from '../shell/services';
import { useExternal } from '../shell/hooks/useExternal';
import { swUpdates, type UpdateStore } from './updateStore';

type Phase = 'idle' | 'sending' | 'confirm' | 'applying';

export function unsentMessage(n: number): string {
  const s = n > 1 ? 's' : '';
  return `${n} modification${s} pas encore envoyée${s}. ${n > 1 ? 'Elles restent enregistrées' : 'Elle reste enregistrée'} sur la tablette et partir${n > 1 ? 'ont' : 'a'} après la mise à jour.`;
}

export function UpdatePrompt({ updates = swUpdates }: { updates?: UpdateStore }) {
  const { queries, sync, syncNow } = useServices();
  const u = useExternal(updates);
  const [phase, setPhase] = useState<Phase>('idle');
  const [unsent, setUnsent] = useState(0);
  if (!u.waiting && !u.activatedElsewhere) return null;

  const apply = () => {
    setPhase('applying');
    updates.apply();
  };

  async function start() {
    setPhase('sending');
    try {
      let pending = await queries.device.outboxCount();
      if (pending > 0 && sync.get().online) {
        await syncNow();
        pending = await queries.device.outboxCount();
      }
      if (pending === 0) return apply();
      setUnsent(pending);
      setPhase('confirm');
    } catch {
      setPhase('idle'); // the local database did not answer: let the user try again
    }
  }

  const busy = phase === 'sending' || phase === 'applying' || u.applying;
  return (
    <div class="banner info update-prompt" role="region" aria-label="Mise à jour de l’application" data-testid="update-prompt">
      <p>
        <strong>Nouvelle version disponible.</strong>{' '}
        {u.activatedElsewhere ? 'Elle est déjà active dans un autre onglet : rechargez pour l’utiliser.' : 'Enregistrez d’abord la saisie en cours : la page va se recharger.'}
      </p>
      {phase === 'confirm' ? (
        <>
          <p role="alert">{unsentMessage(unsent)}</p>
          <div class="actions">
            <button type="button" onClick={apply}>Mettre à jour quand même</button>
            <button type="button" class="secondary" onClick={() => setPhase('idle')}>Plus tard</button>
          </div>
        </>
      ) : (
        <div class="actions">
          <button type="button" onClick={() => void start()} disabled={busy}>
            {phase === 'sending' ? 'Envoi des modifications…' : busy ? 'Mise à jour…' : 'Mettre à jour'}
          </button>
        </div>
      )}
    </div>
  );
}
