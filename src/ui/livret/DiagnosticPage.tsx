// The diagnostic socio-professionnel of one salarié (8 dimensions × 4 levels, seed 004): every
// dated diagnostic side by side, the move between the first and the latest, and a form to record
// a new one (prefilled with the latest levels, so a revisit only touches what changed).
// Team only: the server never sends a diagnostic to a salarié's device.
import { useState } from 'preact/hooks';
import {
  DIAGNOSTIC_DIMENSIONS, DIAGNOSTIC_DIMENSION_LABELS, DIAGNOSTIC_LEVELS, DIAGNOSTIC_SCALE_LABELS, diagnosticEvolution, diagnosticLevelLabel,
  type DiagnosticDimension, type DiagnosticLevel,
} from '../../domain/rules/diagnostic';
import { uuidv7 } from '../../domain/ids';
import { useServices } from '../shell/services';
import { useLiveQuery } from '../shell/hooks/useLiveQuery';
import { isoDay, shortDate } from '../shell/format';
import { writeErrorMessage } from '../shell/writeError';
import { fullName } from '../../domain/people';
import { ArrowDown, ArrowUp, Lock } from 'lucide';
import { Icon } from '../icons/Icon';
import type { SessionUser } from '../../sync/protocol';

const SYMBOL: Readonly<Record<DiagnosticLevel, string>> = { 1: '▁', 2: '▃', 3: '▅', 4: '▇' };

function Level({ dimension, level }: { dimension: DiagnosticDimension; level: number | undefined }) {
  if (level !== 1 && level !== 2 && level !== 3 && level !== 4) return <span class="meta">—</span>;
  return <span class={`diag diag-${level}`} title={diagnosticLevelLabel(dimension, level)}><span aria-hidden="true">{SYMBOL[level]} </span>{level}<span class="sr-only"> : {diagnosticLevelLabel(dimension, level)}</span></span>;
}

export function DiagnosticPage({ salarieId, user }: { salarieId: string; user: SessionUser }) {
  const { queries, write, now } = useServices();
  const salarie = useLiveQuery(() => queries.livret.salarie(salarieId), [salarieId]);
  const diagnostics = useLiveQuery(() => queries.livret.diagnosticsOf(salarieId), [salarieId], []);
  const [editing, setEditing] = useState<Partial<Record<DiagnosticDimension, DiagnosticLevel>> | null>(null);
  const [date, setDate] = useState(isoDay(now()));
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const evolution = diagnosticEvolution(diagnostics);
  const latest = diagnostics[diagnostics.length - 1];

  function start() {
    const levels: Partial<Record<DiagnosticDimension, DiagnosticLevel>> = {};
    for (const d of DIAGNOSTIC_DIMENSIONS) {
      const l = latest?.levels[d];
      if (l === 1 || l === 2 || l === 3 || l === 4) levels[d] = l;
    }
    setEditing(levels); setSaved(false); setError(null); setDate(isoDay(now())); setComment('');
  }

  async function save(ev: Event) {
    ev.preventDefault();
    if (editing === null) return;
    if (Object.keys(editing).length === 0) return setError('Choisissez au moins un niveau.');
    if (date > isoDay(now())) return setError('La date ne peut pas être dans le futur.');
    try {
      const c = comment.trim();
      await write('diagnostic', uuidv7(), { structureId: user.structureId, salarieId, date, levels: editing, ...(c === '' ? {} : { comment: c }) });
      setEditing(null); setSaved(true);
    } catch (e) {
      setError(writeErrorMessage(e));
    }
  }

  return (
    <section aria-labelledby="diag-title">
      <h2 id="diag-title">Diagnostic socio-professionnel — {fullName(salarie)}</h2>
      <p class="banner info"><Icon icon={Lock} size={20} class="lead" />Confidentiel : visible par l’équipe d’accompagnement seulement, jamais par le salarié ni ses collègues.</p>
      <p class="hint">Niveaux de 1 ({DIAGNOSTIC_SCALE_LABELS.low.toLowerCase()}) à 4 ({DIAGNOSTIC_SCALE_LABELS.high.toLowerCase()}).</p>
      {diagnostics.length === 0 ? <p>Aucun diagnostic enregistré.</p> : (
        <div class="matrix-scroll" tabIndex={0} aria-label="Évolution du diagnostic">
          <table class="plain diag-table">
            <caption class="sr-only">Évolution du diagnostic par dimension</caption>
            <thead>
              <tr>
                <th scope="col">Dimension</th>
                {diagnostics.map((d) => <th key={d.id} scope="col">{shortDate(d.date)}</th>)}
                <th scope="col">Évolution</th>
              </tr>
            </thead>
            <tbody>
              {evolution.map((ev) => (
                <tr key={ev.dimension} data-testid="diag-row">
                  <th scope="row">{DIAGNOSTIC_DIMENSION_LABELS[ev.dimension]}</th>
                  {diagnostics.map((d) => <td key={d.id}><Level dimension={ev.dimension} level={d.levels[ev.dimension]} /></td>)}
                  <td data-testid="diag-delta">{ev.delta === null || ev.delta === 0 ? '=' : ev.delta > 0 ? <span class="up"><Icon icon={ArrowUp} size={18} class="lead" />+{ev.delta}</span> : <span class="down"><Icon icon={ArrowDown} size={18} class="lead" />{ev.delta}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {diagnostics.filter((d) => (d.comment ?? '') !== '').map((d) => <p key={d.id} class="meta"><strong>{shortDate(d.date)} :</strong> {d.comment}</p>)}
      {saved && <p class="hint" role="status">Diagnostic enregistré sur la tablette.</p>}
      {editing === null ? (
        <button type="button" onClick={start}>{diagnostics.length === 0 ? 'Faire le diagnostic d’entrée' : 'Revoir le diagnostic'}</button>
      ) : (
        <form class="card" onSubmit={save} noValidate aria-labelledby="diag-form-title">
          <h3 id="diag-form-title">Nouveau diagnostic</h3>
          <div class="field">
            <label for="diag-date">Date</label>
            <input id="diag-date" type="date" value={date} max={isoDay(now())} onInput={(e) => setDate(e.currentTarget.value)} />
          </div>
          {DIAGNOSTIC_DIMENSIONS.map((d) => (
            <fieldset key={d}>
              <legend>{DIAGNOSTIC_DIMENSION_LABELS[d]}</legend>
              <div class="choices">
                {DIAGNOSTIC_LEVELS.map((l) => (
                  <label key={l}>
                    <input type="radio" name={`diag-${d}`} checked={editing[d] === l} onChange={() => setEditing({ ...editing, [d]: l })} />
                    {l} · {diagnosticLevelLabel(d, l)}
                  </label>
                ))}
              </div>
            </fieldset>
          ))}
          <div class="field">
            <label for="diag-comment">Commentaire (facultatif)</label>
            <textarea id="diag-comment" value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
          </div>
          {error !== null && <p class="error-text" role="alert">{error}</p>}
          <div class="actions">
            <button type="submit">Enregistrer le diagnostic</button>
            <button type="button" class="secondary" onClick={() => setEditing(null)}>Annuler</button>
          </div>
        </form>
      )}
    </section>
  );
}
