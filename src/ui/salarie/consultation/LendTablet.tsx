// « Prêter la tablette à <prénom> », on a salarié's file on the ETI's tablet: the ETI types a PIN
// twice, and the tablet switches to that salarié's space only (consultation mode) until the PIN
// is typed again. The PIN never leaves the device; only its salted hash is kept.
import { useState } from 'preact/hooks';
import { KeyRound, TabletSmartphone, X } from 'lucide';
import { consultationStore } from '../../../client/consultation';
import { Icon } from '../../icons/Icon';
import { useServices } from '../../shell/services';
import { useExternal } from '../../shell/hooks/useExternal';
import { useLiveQuery } from '../../shell/hooks/useLiveQuery';

export function LendTablet({ salarieId }: { salarieId: string }) {
  const { session, queries } = useServices();
  const user = useExternal(session);
  const salarie = useLiveQuery(() => queries.records.get('salarie', salarieId), [salarieId]);
  const firstName = salarie?.firstName ?? '';
  const [open, setOpen] = useState(false);
  const [pin, setPin] = useState('');
  const [pinAgain, setPinAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (user === undefined || user.role === 'salarie' || salarie === undefined) return null;

  async function lend(e: Event) {
    e.preventDefault();
    if (user === undefined) return;
    setBusy(true);
    const r = await consultationStore().lend({ userId: user.id, salarieId, firstName, pin, pinAgain });
    setBusy(false);
    if (!r.ok) { setError(r.message); return; }
    location.hash = '#/';
  }

  if (!open) {
    return (
      <button type="button" class="secondary lend-tablet" onClick={() => setOpen(true)}>
        <Icon icon={TabletSmartphone} /> Prêter la tablette à {firstName}
      </button>
    );
  }
  return (
    <form class="card lend-form" onSubmit={(e) => void lend(e)} aria-labelledby="lend-title">
      <h3 id="lend-title"><Icon icon={TabletSmartphone} /> Prêter la tablette à {firstName}</h3>
      <p class="hint">La tablette montrera seulement l’espace de {firstName}. Pour la reprendre, il faudra ce code (4 à 6 chiffres).</p>
      <label>Code pour reprendre la tablette
        <input type="password" inputMode="numeric" autoComplete="off" pattern="[0-9]{4,6}" maxLength={6} value={pin} onInput={(e) => setPin(e.currentTarget.value)} required />
      </label>
      <label>Le même code, une deuxième fois
        <input type="password" inputMode="numeric" autoComplete="off" pattern="[0-9]{4,6}" maxLength={6} value={pinAgain} onInput={(e) => setPinAgain(e.currentTarget.value)} required />
      </label>
      {error !== null && <p class="error-text" role="alert">{error}</p>}
      <div class="actions">
        <button type="submit" disabled={busy}><Icon icon={KeyRound} /> Prêter la tablette</button>
        <button type="button" class="secondary" onClick={() => { setOpen(false); setError(null); setPin(''); setPinAgain(''); }}><Icon icon={X} /> Annuler</button>
      </div>
    </form>
  );
}
