// The reminder « Aujourd'hui » shows while a newcomer's accueil checklist is incomplete: one
// line per salarié with what is left, one tap to the checklist. Renders nothing when all is done.
import { useServices } from '../shell/services';
import { useLiveQuery } from '../shell/hooks/useLiveQuery';
import { isoDay } from '../shell/format';
import type { SalarieRow } from '../../client/queries';
import { fullName } from '../../domain/people';
import { Hand } from 'lucide';
import { Icon } from '../icons/Icon';

/** `members`: the salariés the screen already read (« Aujourd'hui »), so that only the
 * checklists are read here; without it, this device's teams are read. */
export function AccueilReminder({ members }: { members?: readonly SalarieRow[] | undefined } = {}) {
  const { queries, now } = useServices();
  const today = isoDay(now());
  const pending = useLiveQuery(() => queries.livret.pendingAccueils(today, members), [today, members], []);
  if (pending.length === 0) return null;
  return (
    <aside class="banner warn" aria-labelledby="accueil-reminder-title" data-testid="accueil-reminder">
      <h3 id="accueil-reminder-title"><Icon icon={Hand} size={22} class="lead" />Accueil à terminer</h3>
      <ul>
        {pending.map((p) => (
          <li key={p.salarie.id}>
            <a href={`#/salarie/${p.salarie.id}/accueil`}>{fullName(p.salarie)}</a> : {p.done} sur {p.total} étapes faites
          </li>
        ))}
      </ul>
    </aside>
  );
}
