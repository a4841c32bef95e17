// The référentiel activités-compétences for the coordination: activities and their competences
// (label, description, nature, ROME code, pictogram, safety-critical), edited in place, with CSV
// import (from the structure's existing grid) and export. Nothing is ever deleted by an import.
// The pictogram is chosen in a grid of SVG icons (stored by name), never typed.
import { useState } from 'preact/hooks';
import { COMPETENCE_KINDS } from '../../domain/entities';
import { COMPETENCE_KIND_LABELS } from '../../domain/rules/labels';
import { parseReferentielCsv, planImport, serializeReferentielCsv, type CompetenceKind, type CsvProblem } from '../../domain/competences/referentielCsv';
import { uuidv7 } from '../../domain/ids';
import { useServices } from '../shell/services';
import { useLiveQuery } from '../shell/hooks/useLiveQuery';
import { writeErrorMessage } from '../shell/writeError';
import type { ActivityRow, Competence, CompetenceRow } from '../../client/queries/competences';
import type { SessionUser } from '../../sync/protocol';
import { TriangleAlert } from 'lucide';
import { isPictogramName, type PictogramName } from '../../domain/competences/pictogramNames';
import { Icon } from '../icons/Icon';
import { Pictogram } from '../icons/Pictogram';
import { PictogramPicker } from '../icons/PictogramPicker';

/** The form's fields as typed ('' for an empty field); `id` null for a new competence. */
type Draft = { id: string | null; activityId: string; label: string; description: string; kind: CompetenceKind | ''; romeCode: string; pictogram: PictogramName | null; safetyCritical: boolean };

function draftOf(c: Competence): Draft {
  return {
    id: c.id, activityId: c.activityId, label: c.label, description: c.description ?? '', kind: c.kind ?? '',
    romeCode: c.romeCode ?? '', pictogram: isPictogramName(c.pictogram) ? c.pictogram : null, safetyCritical: c.safetyCritical === true,
  };
}

function CompetenceForm({ draft, user, onDone }: { draft: Draft; user: SessionUser; onDone(msg?: string): void }) {
  const { write } = useServices();
  const [d, setD] = useState(draft);
  const [error, setError] = useState<string | null>(null);
  async function save(ev: Event) {
    ev.preventDefault();
    if (d.label.trim() === '') return setError('Le libellé est obligatoire.');
    const rome = d.romeCode.trim().toUpperCase();
    if (rome !== '' && !/^[A-N]\d{4}$/.test(rome)) return setError('Code ROME : une lettre et 4 chiffres (ex. A1203).');
    try {
      await write('competence', d.id ?? uuidv7(), {
        ...(d.id === null ? { structureId: user.structureId } : {}),
        activityId: d.activityId, label: d.label.trim(), description: d.description.trim() === '' ? null : d.description.trim(),
        kind: d.kind === '' ? null : d.kind, romeCode: rome === '' ? null : rome, pictogram: d.pictogram, safetyCritical: d.safetyCritical,
      });
      onDone('Compétence enregistrée.');
    } catch (e) {
      setError(writeErrorMessage(e));
    }
  }
  return (
    <form class="card" onSubmit={save} noValidate aria-labelledby="comp-form-title">
      <h4 id="comp-form-title">{d.id === null ? 'Nouvelle compétence' : 'Modifier la compétence'}</h4>
      <div class="field"><label for="comp-label">Libellé</label><input id="comp-label" value={d.label} maxLength={200} onInput={(e) => setD({ ...d, label: e.currentTarget.value })} /></div>
      <div class="field"><label for="comp-desc">Description</label><textarea id="comp-desc" value={d.description} onInput={(e) => setD({ ...d, description: e.currentTarget.value })} /></div>
      <div class="row">
        <div class="field"><label for="comp-kind">Nature</label>
          <select id="comp-kind" value={d.kind} onChange={(e) => { const v = e.currentTarget.value; setD({ ...d, kind: COMPETENCE_KINDS.find((k) => k === v) ?? '' }); }}>
            <option value="">—</option>
            {COMPETENCE_KINDS.map((k) => <option key={k} value={k}>{COMPETENCE_KIND_LABELS[k]}</option>)}
          </select>
        </div>
        <div class="field"><label for="comp-rome">Code ROME</label><input id="comp-rome" value={d.romeCode} maxLength={5} onInput={(e) => setD({ ...d, romeCode: e.currentTarget.value })} /></div>
      </div>
      <PictogramPicker value={d.pictogram} onChange={(pictogram) => setD({ ...d, pictogram })} />
      <label class="check"><input type="checkbox" checked={d.safetyCritical} onChange={(e) => setD({ ...d, safetyCritical: e.currentTarget.checked })} /> Critique pour la sécurité (jamais confiée sans la maîtriser)</label>
      {error !== null && <p class="error-text" role="alert">{error}</p>}
      <div class="actions"><button type="submit">Enregistrer</button><button type="button" class="secondary" onClick={() => onDone()}>Annuler</button></div>
    </form>
  );
}

function download(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url; a.download = filename;
  document.body.append(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ReferentielEditor({ user }: { user: SessionUser }) {
  const { queries, write } = useServices();
  const acts = useLiveQuery<ActivityRow[]>(() => queries.competences.activities(), [], []);
  const comps = useLiveQuery<CompetenceRow[]>(() => queries.competences.allCompetences(), [], []);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [newActivity, setNewActivity] = useState('');
  const [csv, setCsv] = useState('');
  const [problems, setProblems] = useState<CsvProblem[]>([]);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const canEdit = user.role === 'coordinator';

  async function addActivity(ev: Event) {
    ev.preventDefault();
    if (newActivity.trim() === '') return setError('Nom de l’activité requis.');
    try { await write('activity', uuidv7(), { structureId: user.structureId, name: newActivity.trim() }); setNewActivity(''); setError(null); } catch (e) { setError(writeErrorMessage(e)); }
  }

  async function importCsv() {
    const { rows, problems: found } = parseReferentielCsv(csv);
    setProblems(found);
    if (rows.length === 0) return setStatus(found.length > 0 ? 'Rien n’a été importé.' : 'Le fichier est vide.');
    const writes = planImport({ activities: acts, competences: comps }, rows, uuidv7);
    const known = new Set([...acts.map((a) => a.id), ...comps.map((c) => c.id)]);
    try {
      for (const w of writes) await write(w.entity, w.id, { ...(known.has(w.id) ? {} : { structureId: user.structureId }), ...w.set });
      setStatus(`${rows.length} compétence(s) importée(s)${found.length > 0 ? `, ${found.length} ligne(s) ignorée(s)` : ''}.`);
      setCsv('');
    } catch (e) {
      setError(writeErrorMessage(e));
    }
  }

  async function readFile(file: File | undefined) {
    if (file !== undefined) setCsv(await file.text());
  }

  return (
    <section aria-labelledby="ref-title">
      <h2 id="ref-title">Référentiel activités-compétences</h2>
      {!canEdit && <p class="banner info">Consultation seule : la coordination modifie le référentiel.</p>}
      {status !== null && <p class="banner info" role="status">{status}</p>}
      {error !== null && <p class="error-text" role="alert">{error}</p>}
      <div class="actions no-print">
        <button type="button" class="secondary" onClick={() => download('referentiel-competences.csv', serializeReferentielCsv(acts, comps))}>Exporter en CSV</button>
      </div>
      {acts.map((a) => (
        <div key={a.id} class="card">
          <h3>{a.name} {a.romeCodes != null && a.romeCodes.length > 0 && <span class="meta">(ROME {a.romeCodes.join(', ')})</span>}</h3>
          <ul class="list">
            {comps.filter((c) => c.activityId === a.id).map((c) => (
              <li key={c.id} class="row-between" data-testid="ref-competence">
                <span><Pictogram name={c.pictogram} size={24} /> <strong>{c.label}</strong>
                  {/* A kind this version does not know shows as stored. */}
                  {c.kind != null && <span class="meta"> · {COMPETENCE_KIND_LABELS[c.kind] ?? c.kind}</span>}
                  {c.romeCode != null && c.romeCode !== '' && <span class="meta"> · {c.romeCode}</span>}
                  {c.safetyCritical === true && <span class="tag alert"> <Icon icon={TriangleAlert} size={16} /> Sécurité</span>}
                </span>
                {canEdit && <button type="button" class="secondary" onClick={() => setDraft(draftOf(c))}>Modifier<span class="sr-only"> {c.label}</span></button>}
              </li>
            ))}
          </ul>
          {canEdit && <button type="button" class="secondary" onClick={() => setDraft({ id: null, activityId: a.id, label: '', description: '', kind: 'technique', romeCode: '', pictogram: null, safetyCritical: false })}>Ajouter une compétence<span class="sr-only"> à {a.name}</span></button>}
          {draft !== null && draft.activityId === a.id && <CompetenceForm draft={draft} user={user} onDone={(m) => { setDraft(null); if (m !== undefined) setStatus(m); }} />}
        </div>
      ))}
      {canEdit && (
        <>
          <form class="card" onSubmit={addActivity} noValidate>
            <div class="field"><label for="new-activity">Nouvelle activité</label><input id="new-activity" value={newActivity} maxLength={200} onInput={(e) => setNewActivity(e.currentTarget.value)} /></div>
            <button type="submit">Ajouter l’activité</button>
          </form>
          <div class="card">
            <h3>Importer un référentiel (CSV)</h3>
            <p class="hint">Une ligne par compétence, colonnes séparées par « ; » : activite ; codes_rome_activite ; competence ; description ; nature ; code_rome ; pictogramme (un nom de la grille des pictogrammes, ex. « casque ») ; critique_securite. Les compétences déjà présentes (même activité, même libellé) sont mises à jour ; rien n’est supprimé.</p>
            <div class="field"><label for="csv-file">Fichier CSV</label><input id="csv-file" type="file" accept=".csv,text/csv" onChange={(e) => void readFile(e.currentTarget.files?.[0])} /></div>
            <div class="field"><label for="csv-text">Ou collez le contenu</label><textarea id="csv-text" value={csv} onInput={(e) => setCsv(e.currentTarget.value)} /></div>
            {problems.length > 0 && (
              <ul class="error-text" role="alert">{problems.map((p) => <li key={p.line}>Ligne {p.line} : {p.message}</li>)}</ul>
            )}
            <button type="button" onClick={() => void importCsv()} disabled={csv.trim() === ''}>Importer</button>
          </div>
        </>
      )}
    </section>
  );
}
