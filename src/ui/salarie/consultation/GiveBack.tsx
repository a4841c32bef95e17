// « Rendre la tablette »: asks the ETI's PIN. A wrong PIN says so in French; after five wrong
// ones the store makes everyone wait (consultation.ts), and says how long.
import { useState } from 'preact/hooks';
import { KeyRound, LockOpen, X } from 'lucide';
import { consultationStore } from '../../../client/consultation';
import { Icon } from '../../icons/Icon';

export function GiveBack() {
  const [open, setOpen] = useState(false);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function check(e: Event) {
    e.preventDefault();
    setBusy(true);
    const r = await consultationStore().giveBack(pin);
    setBusy(false);
    setPin('');
    if (!r.ok) setError(r.message);
    else location.hash = '#/';
  }

  if (!open) {
    return <button type="button" class="secondary give-back" onClick={() => setOpen(true)}><Icon icon={LockOpen} size={28} /> Rendre la tablette</button>;
  }
  return (
    <form class="give-back-form" onSubmit={(e) => void check(e)} aria-label="Rendre la tablette">
      <label>Code de l’encadrant
        <input type="password" inputMode="numeric" autoComplete="off" maxLength={6} value={pin} onInput={(e) => setPin(e.currentTarget.value)} required />
      </label>
      {error !== null && <p class="error-text" role="alert">{error}</p>}
      <div class="falc-actions">
        <button type="submit" disabled={busy}><Icon icon={KeyRound} size={28} /> Valider le code</button>
        <button type="button" class="secondary" onClick={() => { setOpen(false); setError(null); setPin(''); }}><Icon icon={X} size={28} /> Annuler</button>
      </div>
    </form>
  );
}
