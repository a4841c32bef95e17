// Give a salarié a task on a slot: task, consignes, checklist, EPI, the competences it needs and
// its hours. The verdict against the matrice shows as the ETI fills in; a refused task (safety
// competence not acquis) is not saved and says why; « en formation » is saved with its flag.
import { useMemo, useState } from 'preact/hooks';
import { uuidv7 } from '../../domain/ids';
import { checkAssignment, DECISION_LABELS, type AssignmentVerdict } from '../../domain/production/assignment';
import { useServices } from '../shell/services';
import { byFrench, fullName } from '../../domain/people';
import type { ProductionData } from '../../client/queries/production';
import { writeErrorMessage } from '../shell/writeError';
import { HardHat } from 'lucide';
import { Icon } from '../icons/Icon';
import { Pictogram } from '../icons/Pictogram';
import { CheckList } from './CheckList';
import { assignmentHours, slotHours, slotPlace, slotTime, levelFor } from './lookups';

interface Template { task: string; consignes: string; checklist: string[]; epi: string[]; competenceIds: string[] }

const lines = (s: string): string[] => s.split('\n').map((l) => l.trim()).filter((l) => l !== '');

function templatesOf(d: ProductionData, activityId: string): Template[] {
  const seen = new Map<string, Template>();
  for (const a of d.assignments) {
    const task = a.task;
    if (task === '' || seen.has(task)) continue;
    const ids = a.competenceIds ?? [];
    if (activityId !== '' && ids.some((id) => d.competences.get(id)?.activityId !== activityId)) continue;
    seen.set(task, { task, consignes: a.consignes ?? '', checklist: a.checklist ?? [], epi: a.epi ?? [], competenceIds: ids });
  }
  return [...seen.values()].sort((a, b) => byFrench(a.task, b.task));
}

export function AssignTask({ data, salarieId, slotId, activityId, structureId, onClose }: {
  data: ProductionData; salarieId: string; slotId: string; activityId: string; structureId: string; onClose: () => void;
}) {
  const { write } = useServices();
  const slot = data.slotById.get(slotId);
  const person = data.salaries.get(salarieId);
  const existing = data.assignments.find((a) => a.slotId === slotId && a.salarieId === salarieId);
  const [task, setTask] = useState(existing?.task ?? '');
  const [consignes, setConsignes] = useState(existing?.consignes ?? '');
  const [checklist, setChecklist] = useState((existing?.checklist ?? []).join('\n'));
  const [epi, setEpi] = useState((existing?.epi ?? []).join('\n'));
  const [competenceIds, setCompetenceIds] = useState<string[]>(existing?.competenceIds ?? []);
  const [hours, setHours] = useState(String(existing ? assignmentHours(data, existing) : slotHours(slot)));
  const [result, setResult] = useState<{ kind: 'refused' | 'saved' | 'error'; text: string } | null>(null);

  const templates = useMemo(() => templatesOf(data, activityId), [data, activityId]);
  const competences = useMemo(() => [...data.competences.values()]
    .filter((c) => activityId === '' || c.activityId === activityId || competenceIds.includes(c.id))
    .sort((a, b) => Number(b.safetyCritical === true) - Number(a.safetyCritical === true) || byFrench(a.label, b.label)), [data, activityId, competenceIds]);

  const verdict: AssignmentVerdict = checkAssignment({
    task, consignes, epi: lines(epi), checklist: lines(checklist),
    competences: competenceIds.map((id) => ({ id, label: data.competences.get(id)?.label || 'Compétence', safetyCritical: data.competences.get(id)?.safetyCritical === true })),
    competenceLabels: competenceIds.map((id) => data.competences.get(id)?.label ?? ''),
    levelOf: (id) => levelFor(data, salarieId, id),
    amenagements: person?.amenagements ?? '',
  });

  function useTemplate(name: string) {
    const t = templates.find((x) => x.task === name);
    if (!t) return;
    setTask(t.task); setConsignes(t.consignes); setChecklist(t.checklist.join('\n')); setEpi(t.epi.join('\n')); setCompetenceIds(t.competenceIds);
    setResult(null);
  }

  async function submit(ev: Event) {
    ev.preventDefault();
    if (task.trim() === '') { setResult({ kind: 'error', text: 'Écrivez la tâche avant d’affecter.' }); return; }
    if (verdict.decision === 'refuse') {
      setResult({ kind: 'refused', text: `Tâche refusée pour ${fullName(person)} : ${verdict.checks.filter((c) => c.severity === 'refus').map((c) => c.message).join(' ')}` });
      return;
    }
    const h = Number(hours.replace(',', '.'));
    try {
      await write('assignment', existing?.id ?? uuidv7(), {
        ...(existing ? {} : { structureId, salarieId, slotId }),
        task: task.trim(), consignes: consignes.trim() === '' ? null : consignes.trim(), checklist: lines(checklist), epi: lines(epi),
        competenceIds, hours: Number.isFinite(h) && h >= 0 && h <= 24 ? h : null, training: verdict.decision === 'en_formation',
      });
      setResult({ kind: 'saved', text: verdict.decision === 'en_formation' ? `Tâche enregistrée, en formation : restez à proximité de ${fullName(person)}.` : `Tâche enregistrée pour ${fullName(person)}.` });
    } catch (e) {
      setResult({ kind: 'error', text: writeErrorMessage(e) });
    }
  }

  const toggle = (id: string) => { setCompetenceIds((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id])); setResult(null); };

  return (
    <section class="panel" aria-labelledby="assign-title">
      <h3 id="assign-title">Tâche de {fullName(person)} — {slotPlace(data, slot)} {slotTime(slot)}</h3>
      <form onSubmit={(e) => void submit(e)}>
        {templates.length > 0 && (
          <div class="field">
            <label for="task-template">Reprendre une tâche connue</label>
            <select id="task-template" value="" onChange={(e) => useTemplate((e.target as HTMLSelectElement).value)}>
              <option value="">— Choisir —</option>
              {templates.map((t) => <option key={t.task} value={t.task}>{t.task}</option>)}
            </select>
          </div>
        )}
        <div class="field"><label for="task-name">Tâche</label><input id="task-name" value={task} maxLength={200} onInput={(e) => { setTask((e.target as HTMLInputElement).value); setResult(null); }} /></div>
        <div class="field"><label for="task-consignes">Consignes</label><textarea id="task-consignes" value={consignes} onInput={(e) => setConsignes((e.target as HTMLTextAreaElement).value)} /></div>
        <div class="row">
          <div class="field"><label for="task-checklist">Liste de contrôle (une ligne par point)</label><textarea id="task-checklist" value={checklist} onInput={(e) => setChecklist((e.target as HTMLTextAreaElement).value)} /></div>
          <div class="field"><label for="task-epi">EPI (un par ligne)</label><textarea id="task-epi" value={epi} onInput={(e) => setEpi((e.target as HTMLTextAreaElement).value)} /></div>
        </div>
        <fieldset>
          <legend>Compétences requises</legend>
          <div class="choices">
            {competences.map((c) => {
              const level = levelFor(data, salarieId, c.id);
              return (
                <label key={c.id}>
                  <input type="checkbox" checked={competenceIds.includes(c.id)} onChange={() => toggle(c.id)} />
                  <Pictogram name={c.pictogram} size={20} /> {c.label}{c.safetyCritical === true && <> <Icon icon={HardHat} size={18} class="lead" />sécurité</>} <span class="meta">(niveau {level})</span>
                </label>
              );
            })}
          </div>
        </fieldset>
        <div class="field"><label for="task-hours">Heures</label><input id="task-hours" inputMode="decimal" value={hours} onInput={(e) => setHours((e.target as HTMLInputElement).value)} /></div>
        <p class={`verdict ${verdict.decision}`} aria-live="polite"><strong>Décision : {DECISION_LABELS[verdict.decision]}</strong></p>
        <CheckList checks={verdict.checks} />
        {result !== null && <p class={result.kind === 'saved' ? 'banner info' : 'banner error'} role={result.kind === 'saved' ? 'status' : 'alert'}>{result.text}</p>}
        <div class="actions">
          <button type="submit">Affecter la tâche</button>
          <button type="button" class="secondary" onClick={onClose}>Fermer</button>
        </div>
      </form>
    </section>
  );
}
