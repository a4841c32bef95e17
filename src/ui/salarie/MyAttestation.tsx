// The salarié's printable attestation de compétences (#/mon-attestation, under « Mes papiers »),
// on their own login and on the ETI's tablet lent to them: a FALC block saying what to do with
// the paper, « Imprimer » (the browser's print dialog, which also saves as PDF) and the way back,
// then the paper itself. The block is `no-print`; the printed documents' stylesheet
// (coordination/documents/documents.css) hides the app's header and tabs on paper. The
// attestation is as of today: a salarié prints it for an employer now; another date is the
// coordination's choice.
import { ArrowLeft, FileCheck, Printer, Stamp } from 'lucide';
import type { SalarieViewer } from '../../client/queries/salarie';
import '../coordination/documents/documents.css';
import { Icon } from '../icons/Icon';
import { useServices } from '../shell/services';
import { useLiveQuery } from '../shell/hooks/useLiveQuery';
import { FalcBlock } from './FalcBlock';
import { MyAttestationDocument } from './MyAttestationDocument';

const INTRO = 'Voici mon attestation de compétences. Je l’imprime.';
const SIGNED = 'Je la donne à la structure. La structure la signe et met son cachet. Ensuite, je la montre à un employeur.';

export function MyAttestation({ viewer, today }: { viewer: SalarieViewer; today: string }) {
  const { queries } = useServices();
  const data = useLiveQuery(() => queries.salarie.attestation(viewer, today), [viewer.structureId, viewer.salarieId, today]);
  const missing = data !== undefined && data.person === undefined;
  return (
    <div class="documents">
      <div class="no-print">
        <FalcBlock id="my-attestation" icon={FileCheck} title="Mon attestation de compétences" speech={missing ? 'Mon dossier n’est pas sur cette tablette.' : `${INTRO} ${SIGNED}`}>
          {missing ? <p><Icon icon={FileCheck} size={32} /> Mon dossier n’est pas sur cette tablette.</p> : <>
            <p><Icon icon={Printer} size={32} /> {INTRO}</p>
            <p><Icon icon={Stamp} size={32} /> {SIGNED}</p>
          </>}
          <p class="falc-actions">
            {data !== undefined && !missing && <button type="button" onClick={() => window.print()}><Icon icon={Printer} size={32} /> Imprimer</button>}
            <a class="button secondary" href="#/mes-papiers"><Icon icon={ArrowLeft} size={32} /> Retour à mes papiers</a>
          </p>
        </FalcBlock>
      </div>
      {data === undefined ? <p>Chargement…</p> : !missing && <MyAttestationDocument data={data} today={today} />}
    </div>
  );
}
