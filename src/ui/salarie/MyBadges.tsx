// « Mes badges »: each badge says what I know how to do, with the day I got it, and the buttons
// to download it (BadgeDownload, which talks to the server: a badge is signed there).
import { Award, CalendarDays } from 'lucide';
import type { MyBadge, SalarieViewer } from '../../client/queries/salarie';
import { BadgeDownload } from '../badges/BadgeDownload';
import { Icon } from '../icons/Icon';
import { Pictogram } from '../icons/Pictogram';
import { useServices } from '../shell/services';
import { useLiveQuery } from '../shell/hooks/useLiveQuery';
import { FalcBlock } from './FalcBlock';
import { dayWords } from './falcWords';

const words = (b: MyBadge) => `${b.label}. Reçu le ${dayWords(b.issuedOn)}.`;
const INTRO = 'Un badge montre à un employeur ce que je sais faire.';

export function MyBadges({ viewer }: { viewer: SalarieViewer }) {
  const { queries } = useServices();
  const badges = useLiveQuery(() => queries.salarie.badges(viewer), [viewer.structureId, viewer.salarieId], []);
  return (
    <FalcBlock id="badges" icon={Award} title="Mes badges" speech={`${INTRO} ${badges.length === 0 ? 'Je n’ai pas encore de badge.' : badges.map(words).join(' ')}`}>
      <p><Icon icon={Award} size={32} /> {INTRO}</p>
      {badges.length === 0 ? <p><Icon icon={Award} size={32} /> Je n’ai pas encore de badge.</p> : (
        <ul class="falc-items">
          {badges.map((b) => (
            <li key={b.id} class="falc-card" data-testid="my-badge">
              <h3>{b.pictogram === undefined ? <Icon icon={Award} size={40} /> : <Pictogram name={b.pictogram} size={40} />} {b.label}</h3>
              <p><Icon icon={CalendarDays} size={32} /> Reçu le {dayWords(b.issuedOn)}.</p>
              <BadgeDownload badgeId={b.id} label={b.label} simple />
            </li>
          ))}
        </ul>
      )}
    </FalcBlock>
  );
}
