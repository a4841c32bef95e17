// Salariés from the structure's spreadsheet (domain/imports/salariesCsv.ts): choose or paste the
// file, read the preview (one line per person, every problem named), untick whom to leave out,
// then confirm: the kept lines are written in ONE batch, all or nothing. A line with a blocking
// problem is unticked and cannot be ticked: fix the file and load it again.
import { useMemo } from 'preact/hooks';
import { uuidv7 } from '../../../domain/ids';
import { isImportable, parseSalariesCsv, planSalariesImport } from '../../../domain/imports/salariesCsv';
import { frDate } from '../../../domain/rules/problem';
import type { EntityRow } from '../../../client/queries';
import { useServices } from '../../shell/services';
import { useLiveQuery } from '../../shell/hooks/useLiveQuery';
import { isoDay } from '../../shell/format';
import { ImportFrame, useImportFlow } from './ImportFrame';
import { LineTick, ProblemList } from './ImportParts';

interface Known { salaries: EntityRow<'salarie'>[]; teams: EntityRow<'team'>[] }

export function SalariesCsvImport({ structureId }: { structureId: string }) {
  const services = useServices();
  const { queries, writeMany } = services;
  const today = isoDay(services.now());
  const known = useLiveQuery<Known | undefined>(async () => {
    const [salaries, teams] = await Promise.all([queries.records.list('salarie'), queries.records.list('team')]);
    return { salaries, teams };
  }, []);
  const flow = useImportFlow();
  const preview = useMemo(() => (known === undefined || flow.text.trim() === '' ? null : parseSalariesCsv(flow.text, known, today)), [flow.text, known, today]);
  const kept = preview === null ? [] : preview.lines.filter((l) => isImportable(l) && !flow.left.has(l.line));
  const blocked = preview === null ? 0 : preview.lines.filter((l) => !isImportable(l)).length;

  return (
    <ImportFrame idPrefix="imp-csv" title="Depuis un tableur (CSV)" fileLabel="Fichier CSV" accept=".csv,text/csv" flow={flow}
      intro="Enregistrez votre tableau au format « CSV (séparateur : point-virgule) ». Première ligne : Nom ; Prénom ; Date de naissance ; Téléphone ; Prescripteur ; Date d’entrée ; RQTH (oui/non) ; Équipe. Dates en JJ/MM/AAAA ; l’équipe doit déjà exister. Une personne déjà présente (mêmes nom, prénom et date de naissance) n’est pas importée une seconde fois."
      fileProblems={preview?.fileProblems ?? null}
      headers={['Importer', 'Ligne', 'Nom', 'Naissance', 'Entrée', 'Équipe', 'Problèmes']}
      rows={(preview?.lines ?? []).map((l) => {
        const ok = isImportable(l);
        const name = `${l.firstName} ${l.lastName}`.trim() || '(sans nom)';
        return (
          <tr key={l.line} class={ok ? '' : 'import-blocked'} data-testid="import-line">
            <td><LineTick label={`Importer la ligne ${l.line} (${name})`} importable={ok} checked={!flow.left.has(l.line)} onToggle={() => flow.toggle(l.line)} /></td>
            <td>{l.line}</td>
            <td>{name}{l.rqth === true ? ' · RQTH' : ''}</td>
            <td>{l.birthDate !== null ? frDate(l.birthDate) : '—'}</td>
            <td>{l.entryDate !== null ? frDate(l.entryDate) : '—'}</td>
            <td>{l.teamName ?? '—'}</td>
            <td>{l.problems.length === 0 ? 'Aucun' : <ProblemList problems={l.problems} />}</td>
          </tr>
        );
      })}
      after={blocked > 0 && <p class="hint">{blocked} ligne(s) bloquée(s) ne seront pas importées : corrigez le fichier puis chargez-le à nouveau.</p>}
      confirmLabel={`Importer ${kept.length} salarié(s)`} kept={kept.length}
      onConfirm={() => void flow.confirm(kept.length, () => writeMany(planSalariesImport(kept, structureId, today, uuidv7)), `${kept.length} salarié(s) importé(s) sur la tablette.`)} />
  );
}
