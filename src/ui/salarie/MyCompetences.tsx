// The salarié's competences in FALC: the competence's pictogram, the level as a picture (a circle
// filled by quarters) and a few words, read aloud on demand, and « Et moi, je pense… » to
// self-assess in one tap on a scale of pictures. The official level stays the ETI's; the
// self-assessment is shown beside it, never instead of it. On a lent tablet the self-assessment
// is written by the signed-in ETI's device (evaluatorId: that user), still as context « self ».
import { useState } from 'preact/hooks';
import { Hand, ThumbsUp, Wrench } from 'lucide';
import type { CompetenceLevel } from '../../domain/rules/matrix';
import { uuidv7 } from '../../domain/ids';
import { useServices } from '../shell/services';
import { useLiveQuery } from '../shell/hooks/useLiveQuery';
import { isoDay } from '../shell/format';
import { writeErrorMessage } from '../shell/writeError';
import type { SalarieViewer } from '../../client/queries/salarie';
import type { MyCompetence } from '../../client/queries/salarieCompetences';
import { Icon } from '../icons/Icon';
import { Pictogram } from '../icons/Pictogram';
import { FalcBlock } from './FalcBlock';
import { ListenButton } from './ListenButton';
import { LevelBall } from '../icons/LevelBall';
import { FALC_LEVEL_WORDS } from './falcWords';

export { FALC_LEVEL_WORDS };

function said(m: MyCompetence): string {
  const level = m.cell?.level ?? 0;
  const self = m.cell?.self?.level;
  return `${m.competence.label}. ${FALC_LEVEL_WORDS[level]}.${self !== undefined && self !== level ? ` Moi, je pense : ${FALC_LEVEL_WORDS[self]}.` : ''}`;
}

export function MyCompetences({ viewer, writerId }: { viewer: SalarieViewer; writerId: string }) {
  const { queries, write, now } = useServices();
  const mine = useLiveQuery(() => queries.salarie.myCompetences(viewer), [viewer.structureId, viewer.salarieId], []);
  const [asking, setAsking] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  async function selfAssess(m: MyCompetence, level: CompetenceLevel) {
    try {
      await write('evaluation', uuidv7(), { structureId: viewer.structureId, salarieId: viewer.salarieId, competenceId: m.competence.id, level, context: 'self', date: isoDay(now()), evaluatorId: writerId });
      setMessage(`C’est noté : ${FALC_LEVEL_WORDS[level]}.`);
      setAsking(null);
    } catch (e) {
      setMessage(writeErrorMessage(e));
    }
  }

  return (
    <FalcBlock id="competences" icon={Wrench} title="Mes compétences" speech={mine.length === 0 ? 'Pas encore de compétence.' : mine.map(said).join(' ')}>
      {message !== null && <p class="falc-note" role="status"><Icon icon={ThumbsUp} size={32} /> {message}</p>}
      {mine.length === 0 ? <p><Icon icon={Wrench} size={32} /> Pas encore de compétence.</p> : (
        <ul class="falc-items">
          {mine.map((m) => {
            const c = m.competence;
            const level = m.cell?.level ?? 0;
            const self = m.cell?.self?.level;
            const open = asking === c.id;
            return (
              <li key={c.id} class="falc-card" data-testid="my-competence">
                <h3><Pictogram name={c.pictogram} size={40} /> {c.label}</h3>
                <p class={`level lvl-${level}`}><LevelBall level={level} size={40} /> {FALC_LEVEL_WORDS[level]}</p>
                {self !== undefined && self !== level && <p class="self-level"><LevelBall level={self} size={32} /> Moi, je pense : {FALC_LEVEL_WORDS[self]}</p>}
                <div class="falc-actions">
                  <ListenButton id={`competence-${c.id}`} text={said(m)} what={c.label} />
                  <button type="button" class="secondary" onClick={() => setAsking(open ? null : c.id)} aria-expanded={open}>
                    <Icon icon={Hand} size={28} /> Et moi, je pense…<span class="sr-only"> ({c.label})</span>
                  </button>
                </div>
                {open && (
                  <div class="level-choices" role="group" aria-label={`Mon avis sur : ${c.label}`}>
                    {([1, 2, 3, 4] as const).map((l) => (
                      <button key={l} type="button" class={`level-choice lvl-${l}`} onClick={() => void selfAssess(m, l)}>
                        <LevelBall level={l} size={40} /> {FALC_LEVEL_WORDS[l]}
                      </button>
                    ))}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </FalcBlock>
  );
}
