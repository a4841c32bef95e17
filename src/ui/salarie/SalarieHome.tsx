// The salarié's own login: their space for the signed-in user (the session gives the structure,
// the salarié and who signs a self-assessment), and, below their week, the way to get their
// planning on their own phone (#/agenda). The lent tablet uses SalarieSpace directly: an agenda
// address belongs to a login, not to a tablet lent for ten minutes.
import { Smartphone } from 'lucide';
import { Icon } from '../icons/Icon';
import { useServices } from '../shell/services';
import { useExternal } from '../shell/hooks/useExternal';
import { SalarieSpace } from './SalarieSpace';
import type { SalariePage } from './pages';

export function SalarieHome({ salarieId, page = 'semaine' }: { salarieId: string; page?: SalariePage }) {
  const services = useServices();
  const user = useExternal(services.session);
  if (user === undefined) return null;
  return (
    <>
      <SalarieSpace viewer={{ structureId: user.structureId, salarieId }} page={page} writerId={user.id} />
      {page === 'semaine' && (
        <p class="falc falc-more">
          <a class="button secondary big" href="#/agenda"><Icon icon={Smartphone} size={32} /> Mon planning sur mon téléphone</a>
        </p>
      )}
    </>
  );
}
