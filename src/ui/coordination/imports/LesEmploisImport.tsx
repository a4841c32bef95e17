// Salariés and their PASS IAE from Les emplois de l'inclusion (domain/imports/lesEmplois.ts):
// the file saved from its API of fiches salarié, a preview per person (created or completed,
// PASS created or completed, and where the PASS end date the service sent differs from the one
// computed here), then ONE batch for the fiches kept. A fiche already up to date, or with a
// blocking problem, is unticked and cannot be ticked.
import { useMemo } from 'preact/hooks';
import { uuidv7 } from '../../../domain/ids';
import { ficheImportable, parseEmployeeRecords, planLesEmploisImport, type ExistingRecords, type FicheLine } from '../../../domain/imports/lesEmplois';
import { frDate } from '../../../domain/rules/problem';
import { useServices } from '../../shell/services';
import { useLiveQuery } from '../../shell/hooks/useLiveQuery';
import { ImportFrame, useImportFlow } from './ImportFrame';
import { LineTick, ProblemList } from './ImportParts';

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
  const flow = useImportFlow();
  const preview = useMemo(() => (known === undefined || flow.text.trim() === '' ? null : parseEmployeeRecords(flow.text, known)), [flow.text, known]);
  const kept = preview === null ? [] : preview.lines.filter((l) => ficheImportable(l) && !flow.left.has(l.index));
  const differs = preview === null ? 0 : preview.lines.filter((l) => l.problems.some((p) => p.code === 'pass_end_differs')).length;

  return (
    <ImportFrame idPrefix="imp-le" title="Depuis Les emplois de l’inclusion" fileLabel="Fichier des fiches salarié (JSON)" accept=".json,application/json" flow={flow}
      intro={<>Enregistrez la réponse de l’API des fiches salarié (<code>/api/v1/employee-records/</code>) dans un fichier, page par page. Une personne déjà présente (mêmes nom, prénom et date de naissance) est complétée, jamais écrasée ; son PASS IAE est ajouté ou complété.</>}
      fileProblems={preview?.fileProblems ?? null}
      before={differs > 0 && <p class="banner warn">{differs} PASS IAE ont une date de fin différente de celle calculée par Tremplin : vérifiez leurs suspensions et prolongations.</p>}
      headers={['Importer', 'Fiche', 'Salarié', 'PASS IAE', 'Fin du PASS', 'Ce qui change', 'Problèmes']}
      rows={(preview?.lines ?? []).map((l) => {
        const ok = ficheImportable(l);
        const name = `${l.firstName} ${l.lastName}`.trim() || '(sans nom)';
        return (
          <tr key={l.index} data-testid="import-fiche">
            <td><LineTick label={`Importer la fiche ${l.index} (${name})`} importable={ok} checked={!flow.left.has(l.index)} onToggle={() => flow.toggle(l.index)} /></td>
            <td>{l.index}</td>
            <td>{name}{l.birthDate !== null ? ` · né(e) le ${frDate(l.birthDate)}` : ''}<br /><span class="hint">{ACTION_LABELS[l.salarie.action]}</span></td>
            <td>{l.passNumber ?? '—'}{l.passStart !== null ? ` · depuis le ${frDate(l.passStart)}` : ''}<br /><span class="hint">{ACTION_LABELS[l.pass.action]}</span></td>
            <td><EndDates l={l} /></td>
            <td>{l.changes.join(' ; ') || '—'}</td>
            <td>{l.problems.length === 0 ? 'Aucun' : <ProblemList problems={l.problems} />}</td>
          </tr>
        );
      })}
      confirmLabel={`Importer ${kept.length} fiche(s)`} kept={kept.length}
      onConfirm={() => void flow.confirm(kept.length, () => writeMany(planLesEmploisImport(kept, structureId, uuidv7)), `${kept.length} fiche(s) salarié importée(s) sur la tablette.`)} />
  );
}
