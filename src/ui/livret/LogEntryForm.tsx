// A new livret entry in three taps plus the text: category, visibility, text, save — or two with
// a quick template (it fills category, visibility and a first sentence). Saved on the tablet at
// once (with its outbox entry); the sync sends it when the network allows.
import { useState } from 'preact/hooks';
import { LOG_CATEGORIES, VISIBILITIES, type LogCategory, type Visibility } from '../../domain/entities';
import { LOG_CATEGORY_LABELS, VISIBILITY_HINTS, VISIBILITY_LABELS } from '../../domain/rules/labels';
import { uuidv7 } from '../../domain/ids';
import { useServices } from '../shell/services';
import { isoDay } from '../shell/format';
import { writeErrorMessage } from '../shell/writeError';
import { LOG_TEMPLATES, type LogTemplate } from './templates';

export function LogEntryForm({ salarieId, authorId, structureId }: { salarieId: string; authorId: string; structureId: string }) {
  const { write, now } = useServices();
  const [category, setCategory] = useState<LogCategory | ''>('');
  const [visibility, setVisibility] = useState<Visibility>('team');
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<{ category?: string; text?: string; save?: string }>({});
  const [saved, setSaved] = useState(false);

  function applyTemplate(t: LogTemplate) {
    setCategory(t.category);
    setVisibility(t.visibility);
    setText(t.text);
    setErrors({});
    setSaved(false);
    globalThis.document?.getElementById('entry-text')?.focus();
  }

  async function submit(ev: Event) {
    ev.preventDefault();
    const next: typeof errors = {};
    if (category === '') next.category = 'Choisissez une catégorie.';
    if (text.trim() === '') next.text = 'Écrivez l’observation avant d’enregistrer.';
    else if (text.length > 10_000) next.text = 'Le texte est trop long (10 000 caractères au plus).';
    setErrors(next);
    setSaved(false);
    if (next.category !== undefined || next.text !== undefined || category === '') return;
    try {
      await write('logEntry', uuidv7(), {
        structureId, salarieId, authorId, date: isoDay(now()), category, text: text.trim(), visibility, alert: category === 'alerte',
      });
      setText('');
      setCategory('');
      setSaved(true);
    } catch (e) {
      setErrors({ save: writeErrorMessage(e) });
    }
  }

  return (
    <form onSubmit={submit} noValidate class="card" aria-labelledby="new-entry-title">
      <h3 id="new-entry-title">Nouvelle observation</h3>
      <div class="templates" role="group" aria-label="Modèles rapides">
        <span class="hint">Modèles rapides :</span>
        {LOG_TEMPLATES.map((t) => (
          <button key={t.label} type="button" class={`secondary template${t.category === 'alerte' ? ' alert' : ''}`} onClick={() => applyTemplate(t)}>{t.label}</button>
        ))}
      </div>
      <fieldset>
        <legend>Catégorie</legend>
        <div class="choices">
          {LOG_CATEGORIES.map((c) => (
            <label key={c}>
              <input type="radio" name="category" value={c} checked={category === c} onChange={() => setCategory(c)} />
              {LOG_CATEGORY_LABELS[c]}
            </label>
          ))}
        </div>
        {errors.category !== undefined && <p class="error-text" role="alert">{errors.category}</p>}
      </fieldset>
      <fieldset>
        <legend>Qui peut lire ?</legend>
        <div class="choices">
          {VISIBILITIES.map((v) => (
            <label key={v}>
              <input type="radio" name="visibility" value={v} checked={visibility === v} onChange={() => setVisibility(v)} />
              {VISIBILITY_LABELS[v]}
            </label>
          ))}
        </div>
        <p class="hint">{VISIBILITY_HINTS[visibility]}</p>
      </fieldset>
      <div class="field">
        <label for="entry-text">Observation</label>
        <textarea id="entry-text" value={text} onInput={(e) => setText(e.currentTarget.value)} aria-invalid={errors.text !== undefined} aria-describedby={errors.text !== undefined ? 'entry-text-error' : undefined} />
        {errors.text !== undefined && <p id="entry-text-error" class="error-text" role="alert">{errors.text}</p>}
      </div>
      {errors.save !== undefined && <p class="error-text" role="alert">{errors.save}</p>}
      {saved && <p class="hint" role="status">Enregistré sur la tablette.</p>}
      <button type="submit">Enregistrer l’observation</button>
    </form>
  );
}
