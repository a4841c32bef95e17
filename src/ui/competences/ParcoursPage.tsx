// The parcours prévisionnel de formation of one salarié: their objectives (target level by a
// date) with where they stand, late ones first, a form to add one, and the open badges of the
// competences they have acquired, exportable as Open Badges 2.0 files.
import { LevelBall } from '../icons/LevelBall';
import { useMemo, useState } from 'preact/hooks';
import { COMPETENCE_LEVELS, LEVEL_INFO, matrixKey, toLevel } from '../../domain/rules/matrix';
import { objectiveState, OBJECTIVE_STATE_LABELS, sortForParcours } from '../../domain/competences/objectives';
import { selfGap, selfGapText } from '../../domain/competences/selfAssessment';
import { uuidv7 } from '../../domain/ids';
import { useServices } from '../shell/services';
import { useLiveQuery } from '../shell/hooks/useLiveQuery';
import { isoDay, shortDate } from '../shell/format';
import { writeErrorMessage } from '../shell/writeError';
import { fullName } from '../../domain/people';
import type { CompetenceRow } from '../../client/queries/competences';
import type { SessionUser } from '../../sync/protocol';
import { Icon } from '../icons/Icon';
import { OBJECTIVE_STATE_ICONS } from '../icons/marks';
import { Pictogram } from '../icons/Pictogram';
import { LevelMark } from './LevelMark';
import { BadgeList } from './BadgeList';

export function ParcoursPage({ salarieId, user }: { salarieId: string; user: SessionUser }) {
  const { queries, write, now } = useServices();
  const today = isoDay(now());
  const salarie = useLiveQuery(() => queries.competences.salarie(salarieId), [salarieId]);
  const competences = useLiveQuery<CompetenceRow[]>(() => queries.competences.allCompetences(), [], []);
  const progress = useLiveQuery(() => queries.competences.progressOf(salarieId), [salarieId]);
  const byId = useMemo(() => new Map(competences.map((c) => [c.id, c])), [competences]);
  const [competenceId, setCompetenceId] = useState('');
  const [target, setTarget] = useState(3);
  const [dueDate, setDueDate] = useState('');
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<{ competence?: string; dueDate?: string; save?: string }>({});
  const [saved, setSaved] = useState(false);

  const items = sortForParcours((progress?.objectives ?? []).map((objective) => ({
    objective, state: objectiveState(objective, progress?.cells.get(matrixKey(salarieId, objective.competenceId))?.level ?? 0, today),
  })));
  const gaps = competences.flatMap((c) => {
    const gap = selfGap(progress?.cells.get(matrixKey(salarieId, c.id)));
    return gap === null ? [] : [{ c, gap }];
  });

  async function add(ev: Event) {
    ev.preventDefault();
    const next: typeof errors = {};
    if (competenceId === '') next.competence = 'Choisissez une compétence.';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(dueDate)) next.dueDate = 'Indiquez une échéance.';
    else if (dueDate < today) next.dueDate = 'L’échéance est déjà passée.';
    setErrors(next);
    setSaved(false);
    if (Object.keys(next).length > 0) return;
    try {
      const c = comment.trim();
      await write('objective', uuidv7(), { structureId: user.structureId, salarieId, competenceId, targetLevel: target, dueDate, ...(c === '' ? {} : { comment: c }) });
      setCompetenceId(''); setDueDate(''); setComment(''); setSaved(true);
    } catch (e) {
      setErrors({ save: writeErrorMessage(e) });
    }
  }

  return (
    <section aria-labelledby="parcours-title">
      <h2 id="parcours-title">Parcours prévisionnel de formation — {fullName(salarie)}</h2>
      <h3>Objectifs ({items.length})</h3>
      {items.length === 0 ? <p>Aucun objectif pour l’instant.</p> : (
        <table class="plain">
          <thead><tr><th scope="col">Compétence</th><th scope="col">Niveau actuel</th><th scope="col">Niveau visé</th><th scope="col">Échéance</th><th scope="col">État</th></tr></thead>
          <tbody>
            {items.map(({ objective, state }) => {
              const c = byId.get(objective.competenceId);
              return (
                <tr key={objective.id} data-testid="objective" data-state={state}>
                  <td><Pictogram name={c?.pictogram} size={20} /> {c?.label ?? 'Compétence inconnue'}{objective.comment != null && objective.comment !== '' && <div class="meta">{objective.comment}</div>}</td>
                  <td><LevelMark level={progress?.cells.get(matrixKey(salarieId, objective.competenceId))?.level ?? 0} /></td>
                  <td><LevelMark level={toLevel(objective.targetLevel)} /></td>
                  <td>{shortDate(objective.dueDate)}</td>
                  <td><span class={`tag obj ${state}`}><Icon icon={OBJECTIVE_STATE_ICONS[state]} size={16} /> {OBJECTIVE_STATE_LABELS[state]}</span></td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {gaps.length > 0 && (
        <>
          <h3>Auto-évaluations différentes</h3>
          <ul class="list">
            {gaps.map(({ c, gap }) => (
              <li key={c.id} class="card" data-testid="self-gap"><Pictogram name={c.pictogram} size={20} /> {c.label} : encadrant <LevelMark level={gap.official} />, salarié <LevelMark level={gap.self} />. {selfGapText(gap)}</li>
            ))}
          </ul>
        </>
      )}
      {user.role !== 'salarie' && (
        <form class="card" onSubmit={add} noValidate aria-labelledby="new-objective-title">
          <h3 id="new-objective-title">Nouvel objectif</h3>
          <div class="row">
            <div class="field">
              <label for="objective-competence">Compétence</label>
              <select id="objective-competence" value={competenceId} onChange={(e) => setCompetenceId(e.currentTarget.value)} aria-invalid={errors.competence !== undefined}>
                <option value="">— choisir —</option>
                {competences.map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
              </select>
              {errors.competence !== undefined && <p class="error-text" role="alert">{errors.competence}</p>}
            </div>
            <div class="field">
              <label for="objective-due">Échéance</label>
              <input id="objective-due" type="date" value={dueDate} min={today} onInput={(e) => setDueDate(e.currentTarget.value)} aria-invalid={errors.dueDate !== undefined} />
              {errors.dueDate !== undefined && <p class="error-text" role="alert">{errors.dueDate}</p>}
            </div>
          </div>
          <fieldset>
            <legend>Niveau visé</legend>
            <div class="choices">
              {COMPETENCE_LEVELS.filter((l) => l > 0).map((l) => (
                <label key={l}><input type="radio" name="objective-level" checked={target === l} onChange={() => setTarget(l)} /><LevelBall level={l} /> {l} {LEVEL_INFO[l].label}</label>
              ))}
            </div>
          </fieldset>
          <div class="field">
            <label for="objective-comment">Pourquoi, comment (facultatif)</label>
            <input id="objective-comment" type="text" value={comment} maxLength={2000} onInput={(e) => setComment(e.currentTarget.value)} />
          </div>
          {errors.save !== undefined && <p class="error-text" role="alert">{errors.save}</p>}
          {saved && <p class="hint" role="status">Objectif enregistré sur la tablette.</p>}
          <button type="submit">Ajouter l’objectif</button>
        </form>
      )}
      <BadgeList salarieId={salarieId} user={user} cells={progress?.cells} competences={competences} />
    </section>
  );
}
