// The salarié's attestation de compétences on paper: the coordination's AttestationDocument
// (ui/coordination/documents) laid out the same way, with the same pure rule
// (domain/documents/attestation.ts) and the same print stylesheet, but fed by the salarié's own
// read (queries.salarie.attestation). It is its own component, not AttestationDocument itself,
// because that one takes the coordination's DocumentsData (the whole file, the structure record)
// and heads the sheet with « Structure (pas encore synchronisée sur cette tablette) » when the
// structure is missing — which, for a salarié who may not read the structure record, would be
// untrue forever. Here the structure's name and SIRET are lines left for the structure's stamp.
import type { MyAttestation } from '../../client/queries/salarie';
import { fullName } from '../../domain/people';
import { COMPETENCE_KIND_LABELS, EVALUATION_CONTEXT_LABELS } from '../../domain/rules/labels';
import { LEVEL_INFO } from '../../domain/rules/matrix';
import { siretText } from '../coordination/documents/DocumentHeader';
import { longDate, shortDate } from '../shell/format';

function contextText(c: MyAttestation['acquired'][number]['contexts'][number]): string {
  const where = c.pmsmp !== undefined ? `PMSMP chez ${c.pmsmp.company}` : EVALUATION_CONTEXT_LABELS[c.context];
  return `${where} (${shortDate(c.date)})`;
}

const BLANK = '……………………………………';

export function MyAttestationDocument({ data, today }: { data: MyAttestation; today: string }) {
  const person = fullName(data.person);
  const structure = data.structure?.name ?? 'La structure';
  return (
    <article class="print-doc" aria-label="Attestation de compétences à imprimer">
      <header>
        <div class="doc-head">
          <div>
            <p><strong>{data.structure?.name ?? `Structure : ${BLANK}`}</strong></p>
            <p>{data.structure === undefined ? `SIRET : ${BLANK}` : siretText(data.structure.siret)}</p>
          </div>
          <p>Imprimé le {shortDate(today)}</p>
        </div>
        <h2>Attestation de compétences</h2>
        <p><strong>{person}</strong> — compétences acquises au {shortDate(today)}</p>
      </header>
      <p>
        {structure} atteste que <strong>{person}</strong>
        {data.person?.entryDate ? `, en parcours d’insertion dans la structure depuis le ${longDate(data.person.entryDate)},` : ''} a acquis
        les compétences suivantes, observées en situation de travail et évaluées par l’équipe d’encadrement.
      </p>
      {data.acquired.length === 0 ? <p>Aucune compétence n’est encore au niveau « Acquis » à cette date.</p> : (
        <table>
          <thead><tr><th scope="col">Compétence</th><th scope="col">Niveau</th><th scope="col">Acquise le</th><th scope="col">Observée en</th></tr></thead>
          <tbody>
            {data.acquired.map(({ competence: c, level, acquiredOn, contexts }) => (
              <tr key={c.id} data-testid="attested-competence">
                <th scope="row">
                  {c.label}
                  {(c.kind || c.romeCode) && <><br /><span class="meta">{[c.kind ? COMPETENCE_KIND_LABELS[c.kind] : null, c.romeCode ? `ROME ${c.romeCode}` : null].filter(Boolean).join(' · ')}</span></>}
                </th>
                <td>{LEVEL_INFO[level].label} ({LEVEL_INFO[level].description.toLowerCase()})</td>
                <td>{shortDate(acquiredOn)}</td>
                <td>{contexts.map(contextText).join(' ; ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>Fait pour servir et valoir ce que de droit, le {longDate(today)}.</p>
      <div class="doc-signatures">
        <div>Pour {data.structure?.name ?? 'la structure'} : nom, qualité, signature et cachet</div>
        <div>Le salarié</div>
      </div>
    </article>
  );
}
