// For a salarié, « Modifications refusées » and « Cette tablette » are not tabs: words that mean
// nothing to them. When a change of theirs (a self-assessment) was refused, this banner says so
// in their words and still leads to the list, for the encadrant to look at with them.
import { TriangleAlert } from 'lucide';
import { Icon } from '../icons/Icon';
import { useExternal } from '../shell/hooks/useExternal';
import { useServices } from '../shell/services';

export function RefusedBanner() {
  const { sync } = useServices();
  const { rejectedCount } = useExternal(sync);
  if (rejectedCount === 0) return null;
  return (
    <p class="banner warn falc-refused" role="alert">
      <Icon icon={TriangleAlert} size={32} /> Un changement n’a pas été enregistré. Demande à ton encadrant.{' '}
      <a href="#/refus">Voir le changement</a>
    </p>
  );
}
