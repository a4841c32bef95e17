// The whole app while the ETI's tablet is lent to one salarié: a plain header with « Rendre la
// tablette », the salarié's three tabs, and their space read as that salarié would read it on
// their own login (the queries apply the salarié's access rules to this device's data). No
// other tab, no sign-out, no link to the ETI's screens: any other address shows the week.
import { Tablet } from 'lucide';
import type { Lending } from '../../../client/consultation';
import type { SessionUser } from '../../../sync/protocol';
import { Icon } from '../../icons/Icon';
import { SalarieSpace } from '../SalarieSpace';
import { SalarieTabs } from '../SalarieTabs';
import { salariePageOf } from '../pages';
import { GiveBack } from './GiveBack';

export function ConsultationShell({ lending, user, route }: { lending: Lending; user: SessionUser; route: string }) {
  return (
    <div class="falc falc-app consultation" data-testid="consultation">
      <header class="app-header">
        <h1>Tremplin</h1>
        <span class="who"><Icon icon={Tablet} size={28} /> L’espace de {lending.firstName}</span>
        <GiveBack />
      </header>
      <SalarieTabs route={route} />
      <main>
        <SalarieSpace viewer={{ structureId: user.structureId, salarieId: lending.salarieId }} page={salariePageOf(route)} writerId={user.id} />
      </main>
    </div>
  );
}
