// Salariés and their PASS IAE from Les emplois de l'inclusion (domain/imports/lesEmplois.ts):
// the file saved from its API of fiches salarié, a preview per person (created or completed,
// PASS created or completed, and where the PASS end date the service sent differs from the one
// computed here), then ONE batch for the fiches kept. A fiche already up to date, or with a
// blocking problem, is unticked and cannot be ticked.
import { useMemo, useState } from 'preact/hooks';
import { uuidv7 } from '../../../domain/ids';
import { ficheImportable, parseEmployeeRecords, planLesEmploisImport, type ExistingRecords, type FicheLine } from '../../../domain/imports/lesEmplois';
import { frDate } from '../../../domain/rules/problem';
import { useServices } from '../../shell/services';
import { useLiveQuery } from '../../shell/hooks/useLiveQuery';
import { batchErrorMessage, LineTick, ProblemList, readChosenFile, toggled } from './ImportParts';

const ACTION_LABELS = { create: 'à créer', update: 'à compléter', unchanged: 'inchangé' } as const;

function EndDates({ l }: { l: FicheLine }) {
  if (l.computedEnd === null) return <>—</>;
  if (l.nationalEnd === null || l.nationalEnd === l.computedEnd) return <>{frDate(l.computedEnd)}</>;
  return <span class="import-differs">Les emplois : {frDate(l.nationalEnd)}<br />Tremplin : {frDate(l.computedEnd)} <strong>(différent)</strong></span>;
}

export function LesEmploisImport({ structureId }: { structureId: string }) {
  const { queries, writeMany } = useServices();
  const known = useLiveQuery<ExistingRecords | undefined>(async () => {
    const { list, get } = queries.records;
    const [salaries, passes, suspensions, prolongations, structure] = await Promise.all([
      list('salarie'), list('passIae'), list('suspension'), list('prolongation'), get('structure', structureId),
    ]);
    return { salaries, passes, suspensions, prolongations, structureSiret: structure?.siret ?? null };
  }, [structureId]);
  const [text, setText] = useState('');
  const [left, setLeft] = useState<Set<number>>(new Set());
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const preview = useMemo(() => (known === undefined || text.trim() === '' ? null : parseEmployeeRecords(text, known)), [text, known]);
  const kept = preview === null ? [] : preview.lines.filter((l) => ficheImportable(l) && !left.has(l.index));
  const differs = preview === null ? 0 : preview.lines.filter((l) => l.problems.some((p) => p.code === 'pass_end_differs')).length;

  function load(t: string) { setText(t); setLeft(new Set()); setMsg(null); }

  async function confirm() {
    if (kept.length === 0) return;
    setBusy(true);
    try {
      await writeMany(planLesEmploisImport(kept, structureId, uuidv7));
      setMsg({ ok: true, text: `${kept.length} fiche(s) salarié importée(s) sur la tablette.` });
      setText(''); setLeft(new Set());
    } catch (e) {
      setMsg({ ok: false, text: batchErrorMessage(e) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card" aria-labelledby="imp-le-title">
      <h3 id="imp-le-title">Depuis Les emplois de l’inclusion</h3>
      <p class="hint">Enregistrez la réponse de l’API des fiches salarié (<code>/api/v1/employee-records/</code>) dans un fichier, page par page. Une personne déjà présente (mêmes nom, prénom et date de naissance) est complétée, jamais écrasée ; son PASS IAE est ajouté ou complété.</p>
      <div class="field"><label for="imp-le-file">Fichier des fiches salarié (JSON)</label><input id="imp-le-file" type="file" accept=".json,application/json" onChange={(e) => void readChosenFile(e.currentTarget).then((t) => { if (t !== null) load(t); })} /></div>
      <div class="field"><label for="imp-le-text">Ou collez le contenu</label><textarea id="imp-le-text" value={text} onInput={(e) => load(e.currentTarget.value)} /></div>
      {msg !== null && <p class={msg.ok ? 'banner info' : 'banner error'} role={msg.ok ? 'status' : 'alert'}>{msg.text}</p>}
      {preview !== null && (
        <div class="import-preview">
          <h4>Aperçu : rien n’est enregistré avant votre confirmation</h4>
          <ProblemList problems={preview.fileProblems} />
          {differs > 0 && <p class="banner warn">{differs} PASS IAE ont une date de fin différente de celle calculée par Tremplin : vérifiez leurs suspensions et prolongations.</p>}
          {preview.lines.length > 0 && (
            <div class="table-wrap">
              <table class="sheet">
                <thead><tr><th>Importer</th><th>Fiche</th><th>Salarié</th><th>PASS IAE</th><th>Fin du PASS</th><th>Ce qui change</th><th>Problèmes</th></tr></thead>
                <tbody>
                  {preview.lines.map((l) => {
                    const ok = ficheImportable(l);
                    const name = `${l.firstName} ${l.lastName}`.trim() || '(sans nom)';
                    return (
                      <tr key={l.index} data-testid="import-fiche">
                        <td><LineTick label={`Importer la fiche ${l.index} (${name})`} importable={ok} checked={!left.has(l.index)} onToggle={() => setLeft(toggled(left, l.index))} /></td>
                        <td>{l.index}</td>
                        <td>{name}{l.birthDate !== null ? ` · né(e) le ${frDate(l.birthDate)}` : ''}<br /><span class="hint">{ACTION_LABELS[l.salarie.action]}</span></td>
                        <td>{l.passNumber ?? '—'}{l.passStart !== null ? ` · depuis le ${frDate(l.passStart)}` : ''}<br /><span class="hint">{ACTION_LABELS[l.pass.action]}</span></td>
                        <td><EndDates l={l} /></td>
                        <td>{l.changes.join(' ; ') || '—'}</td>
                        <td>{l.problems.length === 0 ? 'Aucun' : <ProblemList problems={l.problems} />}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          <div class="actions">
            <button type="button" disabled={busy || kept.length === 0} onClick={() => void confirm()}>Importer {kept.length} fiche(s)</button>
            <button type="button" class="secondary" onClick={() => load('')}>Annuler</button>
          </div>
        </div>
      )}
    </section>
  );
}
