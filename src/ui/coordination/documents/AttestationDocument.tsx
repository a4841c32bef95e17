// The printed attestation de compétences: the competences the salarié holds at « Acquis » or
// above on the chosen date (domain/documents/attestation.ts), each with the day it was acquired
// and where it was observed, under the structure's name and SIRET, with room for signature.
import type { DocumentsData } from '../../../client/queries/dossier';
import { acquiredCompetences, type AttestedContext } from '../../../domain/documents/attestation';
import { fullName } from '../../../domain/people';
import { COMPETENCE_KIND_LABELS, EVALUATION_CONTEXT_LABELS } from '../../../domain/rules/labels';
import { LEVEL_INFO } from '../../../domain/rules/matrix';
import { longDate, shortDate } from '../../shell/format';
import { DocumentHeader } from './DocumentHeader';

type Pmsmp = DocumentsData['pmsmps'][number];

function contextText(c: AttestedContext<Pmsmp>): string {
  const where = c.pmsmp !== undefined ? `PMSMP chez ${c.pmsmp.company}` : EVALUATION_CONTEXT_LABELS[c.context];
  return `${where} (${shortDate(c.date)})`;
}

export function AttestationDocument({ data, asOf, today }: { data: DocumentsData; asOf: string; today: string }) {
  const salarie = data.salarie;
  const competences = new Map(data.competences.map((c) => [c.id, c]));
  // A competence removed from the référentiel has no name left to attest.
  const acquired = acquiredCompetences(salarie?.id ?? '', data.evaluations, data.pmsmps, asOf).filter((a) => competences.has(a.competenceId));
  const structure = data.structure?.name ?? 'La structure';
  return (
    <article class="print-doc" aria-label="Attestation de compétences à imprimer">
      <DocumentHeader structureName={data.structure?.name} siret={data.structure?.siret} title="Attestation de compétences"
        person={fullName(salarie)} covers={`compétences acquises au ${shortDate(asOf)}`} today={today} />
      <p>
        {structure} atteste que <strong>{fullName(salarie)}</strong>
        {salarie?.entryDate ? `, en parcours d’insertion dans la structure depuis le ${longDate(salarie.entryDate)},` : ''} a acquis
        les compétences suivantes, observées en situation de travail et évaluées par l’équipe d’encadrement.
      </p>
      {acquired.length === 0 ? <p>Aucune compétence n’est encore au niveau « Acquis » à cette date.</p> : (
        <table>
          <thead><tr><th scope="col">Compétence</th><th scope="col">Niveau</th><th scope="col">Acquise le</th><th scope="col">Observée en</th></tr></thead>
          <tbody>
            {acquired.map((a) => {
              const c = competences.get(a.competenceId)!;
              return (
                <tr key={a.competenceId}>
                  <th scope="row">
                    {c.label}
                    {(c.kind || c.romeCode) && <><br /><span class="meta">{[c.kind ? COMPETENCE_KIND_LABELS[c.kind] : null, c.romeCode ? `ROME ${c.romeCode}` : null].filter(Boolean).join(' · ')}</span></>}
                  </th>
                  <td>{LEVEL_INFO[a.level].label} ({LEVEL_INFO[a.level].description.toLowerCase()})</td>
                  <td>{shortDate(a.acquiredOn)}</td>
                  <td>{a.contexts.map(contextText).join(' ; ')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <p>Fait pour servir et valoir ce que de droit, le {longDate(today)}.</p>
      <div class="doc-signatures">
        <div>Pour {structure} : nom, qualité, signature et cachet</div>
        <div>Le salarié</div>
      </div>
    </article>
  );
}
