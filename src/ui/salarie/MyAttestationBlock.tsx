// « Mon attestation de compétences » on « Mes papiers »: what the paper is for, how many
// competences it lists today, and the way to the printable page (#/mon-attestation). The count
// comes from the same read as the paper, so the block never promises what the paper lacks.
import { FileCheck, Printer, Stamp } from 'lucide';
import type { SalarieViewer } from '../../client/queries/salarie';
import { Icon } from '../icons/Icon';
import { useServices } from '../shell/services';
import { useLiveQuery } from '../shell/hooks/useLiveQuery';
import { FalcBlock } from './FalcBlock';
import { ATTESTATION_ROUTE } from './pages';

const INTRO = 'Une attestation montre à un employeur les compétences que j’ai acquises.';
const SIGNED = 'Je l’imprime. La structure la signe.';

function countWords(n: number): string {
  if (n === 0) return 'Je n’ai pas encore de compétence acquise.';
  return n === 1 ? 'J’ai 1 compétence acquise.' : `J’ai ${n} compétences acquises.`;
}

export function MyAttestationBlock({ viewer, today }: { viewer: SalarieViewer; today: string }) {
  const { queries } = useServices();
  const attestation = useLiveQuery(() => queries.salarie.attestation(viewer, today), [viewer.structureId, viewer.salarieId, today]);
  const count = attestation === undefined ? '' : countWords(attestation.acquired.length);
  return (
    <FalcBlock id="attestation" icon={FileCheck} title="Mon attestation de compétences" speech={`${INTRO} ${count} ${SIGNED}`}>
      <p><Icon icon={FileCheck} size={32} /> {INTRO}</p>
      {count !== '' && <p data-testid="attestation-count"><Icon icon={FileCheck} size={32} /> {count}</p>}
      <p><Icon icon={Stamp} size={32} /> {SIGNED}</p>
      <p class="falc-actions">
        <a class="button secondary big" href={`#${ATTESTATION_ROUTE}`}><Icon icon={Printer} size={32} /> Imprimer mon attestation</a>
      </p>
    </FalcBlock>
  );
}
