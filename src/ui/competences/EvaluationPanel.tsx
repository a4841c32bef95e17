// The panel a matrix cell opens: the context and an optional comment are preset (production,
// no comment), so choosing the level IS the save — two taps from the grid. The history of the
// cell (who, when, which level, which context) is one tap further, in the same panel.
// The panel does not write: it hands the evaluation to the matrix, which shows it and closes the
// panel at once, then writes (optimistic display; on a failed write the matrix reverts the cell
// and reopens this panel with the same context and comment, so nothing typed is lost).
import { LevelBall } from '../icons/LevelBall';
import { useEffect, useRef, useState } from 'preact/hooks';
import { COMPETENCE_LEVELS, LEVEL_INFO, evaluationHistory, toLevel, type CompetenceLevel, type MatrixCell } from '../../domain/rules/matrix';
import { EVALUATION_CONTEXT_LABELS } from '../../domain/rules/labels';
import { selfGap, selfGapText } from '../../domain/competences/selfAssessment';
import { uuidv7 } from '../../domain/ids';
import { useServices } from '../shell/services';
import { isoDay, shortDate } from '../shell/format';
import { EVALUATOR_CONTEXTS, type EvaluatorContext } from '../../domain/competences/evaluationContexts';
import type { Competence, Evaluation } from '../../client/queries/competences';
import { TriangleAlert } from 'lucide';
import { Icon } from '../icons/Icon';
import { Pictogram } from '../icons/Pictogram';
import { LevelMark } from './LevelMark';

/** A level chosen in the panel: an evaluator's context, and the comment as typed ('' for none). */
export interface ChosenLevel extends Evaluation { context: EvaluatorContext; comment: string }

export interface CellTarget {
  salarieId: string; salarieName: string; competence: Competence;
  /** What the user had chosen when a save failed, to offer it again. */
  retry?: { context: EvaluatorContext; comment: string };
}

export function EvaluationPanel({ target, cell, evaluations, names, evaluatorId, onClose, onChoose }: {
  target: CellTarget;
  cell: MatrixCell | undefined;
  /** The salarié's evaluations (at least those of this competence), for the history. */
  evaluations: readonly Evaluation[];
  names: ReadonlyMap<string, string>;
  evaluatorId: string;
  onClose(): void;
  /** The level chosen: the matrix shows it, closes the panel and writes it. */
  onChoose(evaluation: ChosenLevel): void;
}) {
  const { now } = useServices();
  const [context, setContext] = useState<EvaluatorContext>(target.retry?.context ?? 'production');
  const [comment, setComment] = useState(target.retry?.comment ?? '');
  const [showHistory, setShowHistory] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [target.salarieId, target.competence.id]);

  const level: CompetenceLevel = cell?.level ?? 0;
  const gap = selfGap(cell);
  const history = evaluationHistory(evaluations, target.salarieId, target.competence.id).reverse();

  function choose(l: CompetenceLevel) {
    onChoose({
      id: uuidv7(), salarieId: target.salarieId, competenceId: target.competence.id, level: l, context, date: isoDay(now()), evaluatorId, comment: comment.trim(),
    });
  }

  return (
    <div class="cell-panel card" role="dialog" aria-modal="false" aria-labelledby="cell-panel-title" onKeyDown={(e) => { if (e.key === 'Escape') onClose(); }}>
      <header class="row-between">
        <h3 id="cell-panel-title" tabIndex={-1} ref={heading}>{target.salarieName} — <Pictogram name={target.competence.pictogram} size={24} /> {target.competence.label}</h3>
        <button type="button" class="secondary" onClick={onClose}>Fermer</button>
      </header>
      {target.competence.safetyCritical === true && <p class="tag alert"><Icon icon={TriangleAlert} size={18} /> Critique pour la sécurité</p>}
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
            <button key={l} type="button" class={`level-choice lvl-${l}`} aria-pressed={cell?.official !== null && cell?.official !== undefined && level === l} onClick={() => choose(l)}>
              <LevelBall level={l} size={36} />
              <span>{l} · {LEVEL_INFO[l].label}</span>
              <span class="hint">{LEVEL_INFO[l].description}</span>
            </button>
          ))}
        </div>
      </fieldset>
      <button type="button" class="secondary" aria-expanded={showHistory} onClick={() => setShowHistory(!showHistory)}>
        Historique ({history.length})
      </button>
      {showHistory && (
        history.length === 0 ? <p>Aucune évaluation pour l’instant.</p> : (
          <ol class="history" aria-label="Historique des évaluations">
            {history.map((e) => (
              <li key={e.id} data-testid="history-item">
                <strong>{shortDate(e.date)}</strong> · <LevelMark level={toLevel(e.level)} /> · {EVALUATION_CONTEXT_LABELS[e.context] ?? e.context}
                {' · '}{e.context === 'self' ? 'le salarié' : (names.get(e.evaluatorId) ?? 'encadrant')}
                {e.comment != null && e.comment !== '' && <span class="meta"> — « {e.comment} »</span>}
              </li>
            ))}
          </ol>
        )
      )}
    </div>
  );
}
