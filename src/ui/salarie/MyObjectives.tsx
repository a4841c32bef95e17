// « Mes objectifs »: what I learn next and by when, the level to reach as a picture, and where I
// stand in plain words (never only a colour). Objectives I reached come last.
import { CalendarDays, CircleArrowRight, CircleCheck, Hourglass, Target, TriangleAlert, type IconNode } from 'lucide';
import type { ObjectiveState } from '../../domain/competences/objectives';
import type { MyObjective, SalarieViewer } from '../../client/queries/salarie';
import { Icon } from '../icons/Icon';
import { Pictogram } from '../icons/Pictogram';
import { useServices } from '../shell/services';
import { useLiveQuery } from '../shell/hooks/useLiveQuery';
import { FalcBlock } from './FalcBlock';
import { LevelBall } from '../icons/LevelBall';
import { dayWords, FALC_LEVEL_WORDS } from './falcWords';

const STATE: Readonly<Record<ObjectiveState, { icon: IconNode; words: string }>> = {
  atteint: { icon: CircleCheck, words: 'C’est réussi. Bravo !' },
  en_cours: { icon: CircleArrowRight, words: 'Je continue.' },
  a_echeance: { icon: Hourglass, words: 'La date arrive bientôt.' },
  en_retard: { icon: TriangleAlert, words: 'La date est passée. J’en parle avec mon encadrant.' },
};

const words = (o: MyObjective) => `${o.competence.label}. Mon but : ${FALC_LEVEL_WORDS[o.targetLevel]}. Pour le ${dayWords(o.dueDate)}. ${STATE[o.state].words}`;

export function MyObjectives({ viewer, today }: { viewer: SalarieViewer; today: string }) {
  const { queries } = useServices();
  const list = useLiveQuery(() => queries.salarie.objectives(viewer, today), [viewer.structureId, viewer.salarieId, today], []);
  return (
    <FalcBlock id="objectives" icon={Target} title="Mes objectifs" speech={list.length === 0 ? 'Pas encore d’objectif.' : list.map(words).join(' ')}>
      {list.length === 0 ? <p><Icon icon={Target} size={32} /> Pas encore d’objectif.</p> : (
        <ul class="falc-items">
          {list.map((o) => (
            <li key={o.id} class="falc-card" data-testid="my-objective" data-state={o.state}>
              <h3><Pictogram name={o.competence.pictogram} size={40} /> {o.competence.label}</h3>
              <p class={`level lvl-${o.targetLevel}`}><Icon icon={Target} size={32} /> Mon but : <LevelBall level={o.targetLevel} size={40} /> {FALC_LEVEL_WORDS[o.targetLevel]}</p>
              <p><Icon icon={CalendarDays} size={32} /> Pour le {dayWords(o.dueDate)}.</p>
              <p class="objective-state"><Icon icon={STATE[o.state].icon} size={32} /> {STATE[o.state].words}</p>
            </li>
          ))}
        </ul>
      )}
    </FalcBlock>
  );
}
