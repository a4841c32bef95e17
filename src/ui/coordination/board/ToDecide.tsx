// « À décider », for the coordinator's home: each deadline that has come up (PASS end, contract
// end, prolongation window closing; domain/parcours/deadlines.ts) with who, what, when and the
// days left. « Traité » asks for the decision in a few words and writes a `decision` record with
// the deadline's key; the item then leaves the list on every coordinator's device.
// The soonest deadlines come first, a page at a time (« Afficher les … suivantes »): a home
// painting 180 cards above the inbox was slow to open and buried the inbox. A reopened home
// paints from the last list read (same user, same day) while the live read confirms it.
import { useState } from 'preact/hooks';
import { boardKey, type ToDecideItem } from '../../../client/queries/parcours';
import { DEADLINE_LABELS } from '../../../domain/parcours/deadlines';
import { diffDays } from '../../../domain/rules/dates';
import { uuidv7 } from '../../../domain/ids';
import { isoDay, shortDate } from '../../shell/format';
import { useExternal } from '../../shell/hooks/useExternal';
import { useRememberedQuery } from '../../shell/hooks/useRememberedQuery';
import { useServices } from '../../shell/services';
import { writeErrorMessage } from '../../shell/writeError';
import './board.css';

const NOTE_MAX = 2000;
/** Cards shown first (the soonest deadlines, above the inbox)… */
export const TO_DECIDE_PAGE = 5;
/** …and added by each « Afficher les … échéances suivantes ». */
const MORE = 20;

const none: ToDecideItem[] = [];

function daysLeftText(target: string, today: string): string {
  const n = diffDays(target, today);
  if (n === 0) return 'aujourd’hui';
  if (n > 0) return `dans ${n} jour${n > 1 ? 's' : ''}`;
  return `dépassée de ${-n} jour${n < -1 ? 's' : ''}`;
}

export function ToDecide() {
  const services = useServices();
  const user = useExternal(services.session);
  const today = isoDay(services.now());
  const { parcours } = services.queries;
  const items = useRememberedQuery(parcours.toDecideMemory, boardKey(user?.id ?? '', today), () => parcours.toDecide(today)) ?? none;
  const [open, setOpen] = useState<string | null>(null);
  const [limit, setLimit] = useState(TO_DECIDE_PAGE);
  if (user === undefined) return null;
  const page = items.slice(0, limit);
  const rest = items.length - page.length;

  return (
    <section class="to-decide" aria-labelledby="to-decide-title">
      <h2 id="to-decide-title">À décider ({items.length})</h2>
      {items.length === 0 ? <p>Aucune échéance à décider.</p> : (
        <ul class="list">
          {page.map((item) => {
            const { deadline } = item;
            const label = DEADLINE_LABELS[deadline.kind];
            const who = `${item.firstName} ${item.lastName}`;
            return (
              <li key={deadline.key} class="card">
                <p><a href={`#/salaries/${item.salarieId}`}><strong>{who}</strong></a> · {label.what} le {shortDate(deadline.target)} ({daysLeftText(deadline.target, today)})</p>
                <p class="hint">{label.action} · échéance à {deadline.leadMonths} mois</p>
                {open === deadline.key
                  ? <DecisionForm item={item} onDone={() => setOpen(null)} who={who} />
                  : <div class="actions"><button type="button" class="secondary" onClick={() => setOpen(deadline.key)}>Traité<span class="sr-only"> : {label.what}, {who}</span></button></div>}
              </li>
            );
          })}
        </ul>
      )}
      {items.length > TO_DECIDE_PAGE && <p class="hint" aria-live="polite" data-testid="to-decide-count">{page.length} sur {items.length} affichées</p>}
      {rest > 0 && (
        <div class="actions">
          <button type="button" class="secondary" onClick={() => setLimit(limit + MORE)}>
            Afficher les {Math.min(rest, MORE)} échéances suivantes
          </button>
        </div>
      )}
    </section>
  );
}

function DecisionForm({ item, who, onDone }: { item: ToDecideItem; who: string; onDone: () => void }) {
  const services = useServices();
  const user = useExternal(services.session);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const fieldId = `decision-${item.deadline.key}`;

  async function save(e: Event) {
    e.preventDefault();
    const text = note.trim();
    if (text === '') { setError('Indiquez en quelques mots la décision prise.'); return; }
    if (text.length > NOTE_MAX) { setError(`La décision tient en ${NOTE_MAX} caractères au plus.`); return; }
    if (user === undefined) return;
    setSaving(true);
    try {
      await services.write('decision', uuidv7(), {
        structureId: user.structureId,
        salarieId: item.salarieId,
        deadlineKey: item.deadline.key,
        decidedOn: isoDay(services.now()),
        decidedBy: user.id,
        note: text,
      });
      onDone();
    } catch (err) {
      setError(writeErrorMessage(err));
      setSaving(false);
    }
  }

  return (
    <form onSubmit={(e) => void save(e)} noValidate>
      <div class="field">
        <label for={fieldId}>Décision prise pour {who}</label>
        <textarea id={fieldId} value={note} maxLength={NOTE_MAX} aria-invalid={error !== null} aria-describedby={error !== null ? `${fieldId}-error` : undefined}
          onInput={(e) => { setNote(e.currentTarget.value); setError(null); }} />
        {error !== null && <p id={`${fieldId}-error`} class="error-text" role="alert">{error}</p>}
      </div>
      <div class="actions">
        <button type="submit" disabled={saving}>Enregistrer</button>
        <button type="button" class="secondary" onClick={onDone}>Annuler</button>
      </div>
    </form>
  );
}
