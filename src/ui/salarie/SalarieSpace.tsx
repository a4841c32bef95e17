// The salarié's space, one screen per tab: « Ma semaine » (week and hours), « Mes progrès »
// (competences with the self-assessment, progress, objectives, what the encadrant shared) and
// « Mes papiers » (PASS IAE, badges, the attestation de compétences), and under it the printable
// attestation (MyAttestation), which skips the greeting: it is a page to print. The same
// screens serve the salarié's own login and the ETI's tablet lent in consultation mode: the
// viewer says whose space it is, the queries keep to what that salarié may read.
// Everything is scoped under `.falc` (salarie.css).
import { Smile } from 'lucide';
import type { SalarieViewer } from '../../client/queries/salarie';
import { Icon } from '../icons/Icon';
import { isoDay } from '../shell/format';
import { useServices } from '../shell/services';
import { useLiveQuery } from '../shell/hooks/useLiveQuery';
import { MyAttestation } from './MyAttestation';
import { MyAttestationBlock } from './MyAttestationBlock';
import { MyBadges } from './MyBadges';
import { MyCompetences } from './MyCompetences';
import { MyHours } from './MyHours';
import { MyObjectives } from './MyObjectives';
import { MyPass } from './MyPass';
import { MyProgress } from './MyProgress';
import { MyWeek } from './MyWeek';
import type { SalariePage } from './pages';
import { SharedWithMe } from './SharedWithMe';
import './salarie.css';

export interface SalarieSpaceProps {
  viewer: SalarieViewer;
  page: SalariePage;
  /** Who signs a self-assessment: the signed-in user of the device. */
  writerId: string;
}

export function SalarieSpace({ viewer, page, writerId }: SalarieSpaceProps) {
  const { queries, now } = useServices();
  const today = isoDay(now());
  const home = useLiveQuery(() => queries.salarie.home(viewer), [viewer.structureId, viewer.salarieId]);
  const firstName = home?.me?.firstName ?? '';
  return (
    <div class="falc falc-space" data-testid={`salarie-page-${page}`}>
      {page !== 'attestation' && <p class="falc-hello"><Icon icon={Smile} size={40} /> Bonjour{firstName === '' ? '' : ` ${firstName}`} !</p>}
      {page === 'semaine' && <><MyWeek viewer={viewer} today={today} /><MyHours viewer={viewer} today={today} /></>}
      {page === 'progres' && <>
        <MyCompetences viewer={viewer} writerId={writerId} />
        <MyObjectives viewer={viewer} today={today} />
        <MyProgress viewer={viewer} />
        <SharedWithMe viewer={viewer} />
      </>}
      {page === 'papiers' && <><MyPass viewer={viewer} today={today} /><MyBadges viewer={viewer} /><MyAttestationBlock viewer={viewer} today={today} /></>}
      {page === 'attestation' && <MyAttestation viewer={viewer} today={today} />}
    </div>
  );
}
