// What was done about an alert, in a few words: required, kept short so it reads at a glance on
// the ETI's tablet (« Traitée par … : … »). Saving writes a review carrying the follow-up; the
// alert then leaves « À traiter » on every coordinator's inbox.
import { useState } from 'preact/hooks';
import { writeErrorMessage } from '../../shell/writeError';

export const FOLLOW_UP_MAX = 500;

/** The French message for a follow-up that cannot be saved, or null. */
export function followUpError(text: string): string | null {
  const t = text.trim();
  if (t === '') return 'Indiquez la suite donnée à cette alerte.';
  if (t.length > FOLLOW_UP_MAX) return `Suite donnée trop longue : ${FOLLOW_UP_MAX} caractères au plus (${t.length} ici).`;
  return null;
}

export function FollowUpForm({ entryId, label, onSave }: { entryId: string; label: string; onSave: (text: string) => Promise<void> }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const fieldId = `follow-up-${entryId}`;
  async function submit(e: Event) {
    e.preventDefault();
    const problem = followUpError(text);
    setError(problem);
    if (problem !== null) return;
    setSaving(true);
    try {
      await onSave(text.trim());
      setText('');
    } catch (err) {
      setError(writeErrorMessage(err));
    } finally {
      setSaving(false);
    }
  }
  return (
    <form class="follow-up-form" noValidate onSubmit={(e) => void submit(e)} aria-label={`Suite donnée : ${label}`}>
      <div class="field">
        <label for={fieldId}>Suite donnée (qui a été prévenu, ce qui a été fait)</label>
        <textarea id={fieldId} rows={2} value={text} onInput={(e) => setText(e.currentTarget.value)} aria-invalid={error !== null} aria-describedby={error !== null ? `${fieldId}-error` : undefined} />
        {error !== null && <p id={`${fieldId}-error`} class="error-text" role="alert">{error}</p>}
      </div>
      <button type="submit" disabled={saving}>Enregistrer la suite donnée</button>
    </form>
  );
}
