// A salarié's file for the coordination, route `#/salaries/<id>` (`nouveau` for a new one):
// identity, RQTH and aménagements, parcours dates, contracts, PASS IAE, exit. Each section is
// its own component and form, so saving one never sends the fields of another (per-field merge:
// an ETI's change elsewhere is not overwritten).
import type { SalarieFile } from '../../../client/queries/structure';
import { fullName } from '../../../domain/people';
import { isoDay } from '../../shell/format';
import { useLiveQuery } from '../../shell/hooks/useLiveQuery';
import { useServices } from '../../shell/services';
import { AmenagementsSection } from './AmenagementsSection';
import { ContractsSection } from './ContractsSection';
import { ExitSection } from './ExitSection';
import { IdentitySection } from './IdentitySection';
import { NewSalarieForm } from './NewSalarieForm';
import { ParcoursSection } from './ParcoursSection';
import { PassSection } from './PassSection';
import { RgpdSection } from '../rgpd/RgpdSection';
import { useStructureQueries } from './useStructureQueries';

export const NEW_SALARIE = 'nouveau';

export function SalarieFilePage({ salarieId }: { salarieId: string }) {
  const today = isoDay(useServices().now());
  if (salarieId === NEW_SALARIE) return <NewSalarieForm today={today} />;
  return <ExistingFile salarieId={salarieId} today={today} />;
}

function ExistingFile({ salarieId, today }: { salarieId: string; today: string }) {
  const queries = useStructureQueries();
  // null: read, and the person is not on this device.
  const file = useLiveQuery<SalarieFile | null>(async () => (await queries.salarieFile(salarieId)) ?? null, [salarieId]);
  if (file === undefined) return <p>Chargement…</p>;
  if (file === null) return <p>Ce salarié n’est pas sur cette tablette. <a href="#/salaries">Retour à la liste</a></p>;
  const { salarie } = file;
  return (
    <section aria-labelledby="sal-file-title" class="salaries-file">
      <div class="row-between">
        <h2 id="sal-file-title">{fullName(salarie)}</h2>
        <a class="button secondary" href="#/salaries">Retour à la liste</a>
      </div>
      {/* Keyed by the record: another salarié's file starts from their own values. */}
      <IdentitySection key={`id-${salarie.id}`} salarie={salarie} today={today} />
      <AmenagementsSection key={`am-${salarie.id}`} salarie={salarie} />
      <ParcoursSection file={file} today={today} />
      <ContractsSection key={`ct-${salarie.id}`} file={file} />
      <PassSection key={`ps-${salarie.id}`} file={file} today={today} />
      <ExitSection key={`ex-${salarie.id}`} salarie={salarie} />
      <nav aria-label="Documents à imprimer" class="row-between">
        <a class="button secondary" href={`#/salaries/${salarie.id}/livret-imprime`}>Livret de suivi à imprimer</a>
        <a class="button secondary" href={`#/salaries/${salarie.id}/bilan`}>Bilan</a>
        <a class="button secondary" href={`#/salaries/${salarie.id}/attestation`}>Attestation de compétences</a>
      </nav>
      <RgpdSection key={`rgpd-${salarie.id}`} salarieId={salarie.id} />
    </section>
  );
}
