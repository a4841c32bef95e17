// One salarié's file for the team, by tab: the route `#/salarie/<id>/<tab>` lands here.
import type { SessionUser } from '../../sync/protocol';
import { Livret } from './LivretTimeline';
import { ParcoursPage } from '../competences/ParcoursPage';
import { DiagnosticPage } from './DiagnosticPage';
import { AccueilPage } from './AccueilPage';
import { PmsmpPage } from './PmsmpPage';
import { SalarieNav, isSalarieTab } from './SalarieNav';
import { LendTablet } from '../salarie/consultation/LendTablet';

export function SalarieDossier({ salarieId, tab, user }: { salarieId: string; tab: string; user: SessionUser }) {
  const current = isSalarieTab(tab) ? tab : '';
  return (
    <>
      <SalarieNav salarieId={salarieId} current={current} />
      <LendTablet salarieId={salarieId} />
      {current === '' && <Livret salarieId={salarieId} user={user} />}
      {current === 'parcours' && <ParcoursPage salarieId={salarieId} user={user} />}
      {current === 'diagnostic' && <DiagnosticPage salarieId={salarieId} user={user} />}
      {current === 'accueil' && <AccueilPage salarieId={salarieId} user={user} />}
      {current === 'pmsmp' && <PmsmpPage salarieId={salarieId} user={user} />}
    </>
  );
}
