// The panel a matrix cell opens: the context and an optional comment are preset (production,
// no comment), so choosing the level IS the save — two taps from the grid. The history of the
// cell (who, when, which level, which context) is one tap further, in the same panel.
import { useEffect, useRef, useState } from 'preact/hooks';
import { COMPETENCE_LEVELS, LEVEL_INFO, evaluationHistory, toLevel, type CompetenceLevel, type MatrixCell } from '../../domain/rules/matrix';
import { EVALUATION_CONTEXT_LABELS } from '../../domain/rules/labels';
import { selfGap, selfGapText } from '../../domain/competences/selfAssessment';
import { uuidv7 } from '../../domain/ids';
import { useServices } from '../services';
import { isoDay, shortDate } from '../format';
import { writeErrorMessage } from '../components/writeError';
import { LevelMark } from './LevelMark';
import type { Competence, Evaluation } from './data';

export const EVALUATOR_CONTEXTS = ['production', 'afest', 'pmsmp'] as const;
export type EvaluatorContext = (typeof EVALUATOR_CONTEXTS)[number];

export interface CellTarget { salarieId: string; salarieName: string; competence: Competence }

export function CellPanel({ target, cell, evaluations, names, evaluatorId, structureId, onClose, onSaved }: {
  target: CellTarget;
  cell: MatrixCell | undefined;
  evaluations: readonly Evaluation[];
  names: ReadonlyMap<string, string>;
  evaluatorId: string;
  structureId: string;
  onClose(): void;
  /** Called once the local write resolved, with the evaluation written (for an immediate display). */
  onSaved(message: string, evaluation: Evaluation): void;
}) {
  const { write, now } = useServices();
  const [context, setContext] = useState<EvaluatorContext>('production');
  const [comment, setComment] = useState('');
  const [showHistory, setShowHistory] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [target.salarieId, target.competence.id]);

  const level: CompetenceLevel = cell?.level ?? 0;
  const gap = selfGap(cell);
  const history = evaluationHistory(evaluations, target.salarieId, target.competence.id).reverse();

  async function choose(l: CompetenceLevel) {
    if (saving) return;
    setSaving(true);
    setError(null);
    try {
      const c = comment.trim();
      const evaluation: Evaluation = {
        id: uuidv7(), salarieId: target.salarieId, competenceId: target.competence.id, level: l, context, date: isoDay(now()), evaluatorId, comment: c,
      };
      await write('evaluation', evaluation.id, {
        structureId, salarieId: evaluation.salarieId, competenceId: evaluation.competenceId, level: l, context,
        date: evaluation.date, evaluatorId, ...(c === '' ? {} : { comment: c }),
      });
      onSaved(`Enregistré : ${target.salarieName} — ${target.competence.label} : ${LEVEL_INFO[l].label}.`, evaluation);
    } catch (e) {
      setError(writeErrorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <div class="cell-panel card" role="dialog" aria-modal="false" aria-labelledby="cell-panel-title" onKeyDown={(e) => { if (e.key === 'Escape') onClose(); }}>
      <header class="row-between">
        <h3 id="cell-panel-title" tabIndex={-1} ref={heading}>{target.salarieName} — {target.competence.pictogram} {target.competence.label}</h3>
        <button type="button" class="secondary" onClick={onClose}>Fermer</button>
      </header>
      {target.competence.safetyCritical && <p class="tag alert">⚠ Critique pour la sécurité</p>}
      <p>Niveau actuel : <LevelMark level={level} />{cell?.official ? <span class="meta"> (le {shortDate(cell.official.date)})</span> : <span class="meta"> (jamais évalué)</span>}</p>
      {gap !== null && (
        <p class="self-gap" data-testid="self-gap">Auto-évaluation du salarié : <LevelMark level={gap.self} /> — {selfGapText(gap)}</p>
      )}
      <fieldset>
        <legend>Contexte</legend>
        <div class="choices">
          {EVALUATOR_CONTEXTS.map((c) => (
            <label key={c}><input type="radio" name="eval-context" value={c} checked={context === c} onChange={() => setContext(c)} />{EVALUATION_CONTEXT_LABELS[c]}</label>
          ))}
        </div>
      </fieldset>
      <div class="field">
        <label for="eval-comment">Commentaire (facultatif)</label>
        <input id="eval-comment" type="text" value={comment} maxLength={2000} onInput={(e) => setComment(e.currentTarget.value)} />
      </div>
      <fieldset>
        <legend>Choisir le niveau (enregistre aussitôt)</legend>
        <div class="level-choices">
          {COMPETENCE_LEVELS.map((l) => (
            <button key={l} type="button" class={`level-choice lvl-${l}`} aria-pressed={cell?.official !== null && cell?.official !== undefined && level === l} disabled={saving} onClick={() => void choose(l)}>
              <span aria-hidden="true" class="level-symbol">{LEVEL_INFO[l].symbol}</span>
              <span>{l} · {LEVEL_INFO[l].label}</span>
              <span class="hint">{LEVEL_INFO[l].description}</span>
            </button>
          ))}
        </div>
      </fieldset>
      {error !== null && <p class="error-text" role="alert">{error}</p>}
      <button type="button" class="secondary" aria-expanded={showHistory} onClick={() => setShowHistory(!showHistory)}>
        Historique ({history.length})
      </button>
      {showHistory && (
        history.length === 0 ? <p>Aucune évaluation pour l’instant.</p> : (
          <ol class="history" aria-label="Historique des évaluations">
            {history.map((e) => (
              <li key={e.id} data-testid="history-item">
                <strong>{shortDate(e.date)}</strong> · <LevelMark level={toLevel(e.level)} /> · {EVALUATION_CONTEXT_LABELS[e.context as keyof typeof EVALUATION_CONTEXT_LABELS] ?? e.context}
                {' · '}{e.context === 'self' ? 'le salarié' : (names.get(e.evaluatorId) ?? 'encadrant')}
                {e.comment !== '' && <span class="meta"> — « {e.comment} »</span>}
              </li>
            ))}
          </ol>
        )
      )}
    </div>
  );
}
