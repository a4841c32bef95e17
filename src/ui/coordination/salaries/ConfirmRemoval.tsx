// The confirmation before a record of the file is deleted (a suspension, a prolongation, a
// contract entered by mistake): one French sentence saying what the deletion changes, then
// « Oui, supprimer » or « Annuler ». Nothing is removed before the second tap; a write that fails
// keeps the confirmation open with the reason, so the person can try again or cancel.
import { useState } from 'preact/hooks';
import { writeErrorMessage } from '../../shell/writeError';

export function ConfirmRemoval({ label, sentence, onConfirm, onCancel }: {
  /** The group's accessible name: what is about to be deleted. */
  label: string;
  sentence: string;
  onConfirm(): Promise<void>;
  onCancel(): void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function confirm() {
    setBusy(true);
    try {
      await onConfirm();
    } catch (e) {
      setError(writeErrorMessage(e));
      setBusy(false);
    }
  }

  return (
    <div class="card salaries-confirm" role="group" aria-label={label}>
      <p>{sentence}</p>
      {error !== null && <p class="error-text" role="alert">{error}</p>}
      <div class="actions">
        <button type="button" class="danger" disabled={busy} onClick={() => void confirm()}>Oui, supprimer</button>
        <button type="button" class="secondary" onClick={onCancel}>Annuler</button>
      </div>
    </div>
  );
}
