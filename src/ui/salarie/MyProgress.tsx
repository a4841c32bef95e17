// « Quand j'ai progressé »: each time my encadrant saw me reach a higher level, newest first,
// with the level as a picture. Only official evaluations count (a self-assessment is not a step).
import { TrendingUp } from 'lucide';
import type { Progress, SalarieViewer } from '../../client/queries/salarie';
import { Icon } from '../icons/Icon';
import { Pictogram } from '../icons/Pictogram';
import { useServices } from '../shell/services';
import { useLiveQuery } from '../shell/hooks/useLiveQuery';
import { FalcBlock } from './FalcBlock';
import { LevelBall } from '../icons/LevelBall';
import { dayWords, FALC_LEVEL_WORDS } from './falcWords';

const words = (p: Progress) => `Le ${dayWords(p.date)}. ${p.competence.label}. ${FALC_LEVEL_WORDS[p.to]}.`;

export function MyProgress({ viewer }: { viewer: SalarieViewer }) {
  const { queries } = useServices();
  const steps = useLiveQuery(() => queries.salarie.progress(viewer), [viewer.structureId, viewer.salarieId], []);
  return (
    <FalcBlock id="progress" icon={TrendingUp} title="Quand j’ai progressé" speech={steps.length === 0 ? 'Pas encore de progrès noté.' : steps.map(words).join(' ')}>
      {steps.length === 0 ? <p><TrendingUpIcon /> Pas encore de progrès noté.</p> : (
        <ul class="falc-items">
          {steps.map((p) => (
            <li key={`${p.competence.id}-${p.date}-${p.to}`} class="falc-card" data-testid="progress-step">
              <p><TrendingUpIcon /> Le {dayWords(p.date)} :</p>
              <p><Pictogram name={p.competence.pictogram} size={32} /> <strong>{p.competence.label}</strong></p>
              <p class={`level lvl-${p.to}`}><LevelBall level={p.to} size={40} /> {FALC_LEVEL_WORDS[p.to]}</p>
            </li>
          ))}
        </ul>
      )}
    </FalcBlock>
  );
}

function TrendingUpIcon() {
  return <Icon icon={TrendingUp} size={32} />;
}
