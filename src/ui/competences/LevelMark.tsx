// A competence level as the screens show it: symbol, number and word together, so it reads
// without colour (colour-blind users, a sunlit tablet, a black-and-white printout).
import { LEVEL_INFO, type CompetenceLevel } from '../../domain/rules/matrix';
import { LevelBall } from '../icons/LevelBall';

export function LevelMark({ level, compact = false }: { level: CompetenceLevel; compact?: boolean }) {
  const info = LEVEL_INFO[level];
  return (
    <span class={`level lvl-${level}`}>
      <LevelBall level={level} />
      <span class="level-num" aria-hidden="true">{level}</span>
      {compact ? <span class="sr-only">{info.label}</span> : <span class="level-word">{info.label}</span>}
    </span>
  );
}
