// Salariés from the structure's spreadsheet (domain/imports/salariesCsv.ts): choose or paste the
// file, read the preview (one line per person, every problem named), untick whom to leave out,
// then confirm: the kept lines are written in ONE batch, all or nothing. A line with a blocking
// problem is unticked and cannot be ticked: fix the file and load it again.
import { useMemo, useState } from 'preact/hooks';
import { uuidv7 } from '../../../domain/ids';
import { isImportable, parseSalariesCsv, planSalariesImport } from '../../../domain/imports/salariesCsv';
import { frDate } from '../../../domain/rules/problem';
import type { EntityRow } from '../../../client/queries';
import { useServices } from '../../shell/services';
import { useLiveQuery } from '../../shell/hooks/useLiveQuery';
import { isoDay } from '../../shell/format';
import { batchErrorMessage, LineTick, ProblemList, readChosenFile, toggled } from './ImportParts';

interface Known { salaries: EntityRow<'salarie'>[]; teams: EntityRow<'team'>[] }

export function SalariesCsvImport({ structureId }: { structureId: string }) {
  const services = useServices();
  const { queries, writeMany } = services;
  const today = isoDay(services.now());
  const known = useLiveQuery<Known | undefined>(async () => {
    const [salaries, teams] = await Promise.all([queries.records.list('salarie'), queries.records.list('team')]);
    return { salaries, teams };
  }, []);
  const [text, setText] = useState('');
  const [left, setLeft] = useState<Set<number>>(new Set());
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const preview = useMemo(() => (known === undefined || text.trim() === '' ? null : parseSalariesCsv(text, known, today)), [text, known, today]);
  const kept = preview === null ? [] : preview.lines.filter((l) => isImportable(l) && !left.has(l.line));
  const blocked = preview === null ? 0 : preview.lines.filter((l) => !isImportable(l)).length;

  function load(t: string) { setText(t); setLeft(new Set()); setMsg(null); }

  async function confirm() {
    if (kept.length === 0) return;
    setBusy(true);
    try {
      await writeMany(planSalariesImport(kept, structureId, today, uuidv7));
      setMsg({ ok: true, text: `${kept.length} salarié(s) importé(s) sur la tablette.` });
      setText(''); setLeft(new Set());
    } catch (e) {
      setMsg({ ok: false, text: batchErrorMessage(e) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card" aria-labelledby="imp-csv-title">
      <h3 id="imp-csv-title">Depuis un tableur (CSV)</h3>
      <p class="hint">Enregistrez votre tableau au format « CSV (séparateur : point-virgule) ». Première ligne : Nom ; Prénom ; Date de naissance ; Téléphone ; Prescripteur ; Date d’entrée ; RQTH (oui/non) ; Équipe. Dates en JJ/MM/AAAA ; l’équipe doit déjà exister. Une personne déjà présente (mêmes nom, prénom et date de naissance) n’est pas importée une seconde fois.</p>
      <div class="field"><label for="imp-csv-file">Fichier CSV</label><input id="imp-csv-file" type="file" accept=".csv,text/csv" onChange={(e) => void readChosenFile(e.currentTarget).then((t) => { if (t !== null) load(t); })} /></div>
      <div class="field"><label for="imp-csv-text">Ou collez le contenu</label><textarea id="imp-csv-text" value={text} onInput={(e) => load(e.currentTarget.value)} /></div>
      {msg !== null && <p class={msg.ok ? 'banner info' : 'banner error'} role={msg.ok ? 'status' : 'alert'}>{msg.text}</p>}
      {preview !== null && (
        <div class="import-preview">
          <h4>Aperçu : rien n’est enregistré avant votre confirmation</h4>
          <ProblemList problems={preview.fileProblems} />
          {preview.lines.length > 0 && (
            <div class="table-wrap">
              <table class="sheet">
                <thead><tr><th>Importer</th><th>Ligne</th><th>Nom</th><th>Naissance</th><th>Entrée</th><th>Équipe</th><th>Problèmes</th></tr></thead>
                <tbody>
                  {preview.lines.map((l) => {
                    const ok = isImportable(l);
                    const name = `${l.firstName} ${l.lastName}`.trim() || '(sans nom)';
                    return (
                      <tr key={l.line} class={ok ? '' : 'import-blocked'} data-testid="import-line">
                        <td><LineTick label={`Importer la ligne ${l.line} (${name})`} importable={ok} checked={!left.has(l.line)} onToggle={() => setLeft(toggled(left, l.line))} /></td>
                        <td>{l.line}</td>
                        <td>{name}{l.rqth === true ? ' · RQTH' : ''}</td>
                        <td>{l.birthDate !== null ? frDate(l.birthDate) : '—'}</td>
                        <td>{l.entryDate !== null ? frDate(l.entryDate) : '—'}</td>
                        <td>{l.teamName ?? '—'}</td>
                        <td>{l.problems.length === 0 ? 'Aucun' : <ProblemList problems={l.problems} />}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          {blocked > 0 && <p class="hint">{blocked} ligne(s) bloquée(s) ne seront pas importées : corrigez le fichier puis chargez-le à nouveau.</p>}
          <div class="actions">
            <button type="button" disabled={busy || kept.length === 0} onClick={() => void confirm()}>Importer {kept.length} salarié(s)</button>
            <button type="button" class="secondary" onClick={() => load('')}>Annuler</button>
          </div>
        </div>
      )}
    </section>
  );
}
