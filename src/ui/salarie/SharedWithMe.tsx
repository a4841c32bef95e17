// « Ce que mon encadrant a partagé avec moi »: the livret entries whose visibility is salarié,
// newest first, each with a pictogram for its kind and « Écouter ». The queries filter with the
// salarié's access rules, so a private or team entry never shows here, even on a lent tablet.
import { ClipboardList, Compass, Handshake, MessageCircle, Smile, Star, TriangleAlert, Wrench, type IconNode } from 'lucide';
import type { LogCategory } from '../../domain/entities';
import type { SalarieHomeData, SalarieViewer } from '../../client/queries/salarie';
import { Icon } from '../icons/Icon';
import { useServices } from '../shell/services';
import { useLiveQuery } from '../shell/hooks/useLiveQuery';
import { FalcBlock } from './FalcBlock';
import { ListenButton } from './ListenButton';
import { dayWords } from './falcWords';

const KIND: Readonly<Record<LogCategory, { icon: IconNode; words: string }>> = {
  integration: { icon: Handshake, words: 'Mon arrivée' },
  comportement: { icon: Smile, words: 'Au travail' },
  technique: { icon: Wrench, words: 'Mes progrès' },
  atouts: { icon: Star, words: 'Mes points forts' },
  freins: { icon: Compass, words: 'Mes difficultés' },
  entretien: { icon: MessageCircle, words: 'Rendez-vous' },
  bilan: { icon: ClipboardList, words: 'Bilan' },
  alerte: { icon: TriangleAlert, words: 'Important' },
};

const NOTHING: SalarieHomeData = { me: undefined, entries: [] };

export function SharedWithMe({ viewer }: { viewer: SalarieViewer }) {
  const { queries } = useServices();
  const { entries } = useLiveQuery(() => queries.salarie.home(viewer), [viewer.structureId, viewer.salarieId], NOTHING);
  const spoken = entries.length === 0 ? 'Pas de message pour l’instant.' : entries.map((e) => `${(KIND[e.category] ?? KIND.bilan).words}. Le ${dayWords(e.date)}. ${e.text}`).join(' ');
  return (
    <FalcBlock id="shared" icon={MessageCircle} title="Mon livret : ce que mon encadrant a partagé avec moi" speech={spoken}>
      {entries.length === 0 ? <p><Icon icon={MessageCircle} size={32} /> Pas de message pour l’instant.</p> : (
        <ul class="falc-items">
          {entries.map((e) => {
            const k = KIND[e.category] ?? KIND.bilan;
            return (
              <li key={e.id} class="falc-card" data-testid="log-entry">
                <h3><Icon icon={k.icon} size={40} /> {k.words}</h3>
                <p><span class="falc-date">Le {dayWords(e.date)}.</span></p>
                <p class="falc-text">{e.text}</p>
                <ListenButton id={`entry-${e.id}`} text={`${k.words}. ${e.text}`} what={`${k.words}, le ${dayWords(e.date)}`} />
              </li>
            );
          })}
        </ul>
      )}
    </FalcBlock>
  );
}
