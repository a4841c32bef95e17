// A competence level (0 to 4) as a Harvey ball: a circle filled by quarters. Drawn in SVG, not
// with the ○◔◑◕● characters, which need a font that has them (many tablets do not). The matrix
// grid draws the same balls as CSS background images for speed (styles.css, `--pie`).
import type { CompetenceLevel } from '../../domain/rules/matrix';

const C = 12;
const R = 9;

/** The filled part, or null for an empty ball. `quarters` is 0 to 4. */
function filling(quarters: number) {
  if (quarters <= 0) return null;
  if (quarters >= 4) return <circle cx={C} cy={C} r={R} fill="currentColor" />;
  const angle = (2 * Math.PI * quarters) / 4;
  const x = C + R * Math.sin(angle);
  const y = C - R * Math.cos(angle);
  return <path d={`M${C} ${C} L${C} ${C - R} A${R} ${R} 0 ${quarters > 2 ? 1 : 0} 1 ${x.toFixed(3)} ${y.toFixed(3)} Z`} fill="currentColor" />;
}

export function LevelBall({ level, size = 20 }: { level: CompetenceLevel | 0 | 1 | 2 | 3 | 4; size?: number }) {
  return (
    <svg xmlns="http://www.w3.org/2000/svg" width={size} height={size} viewBox="0 0 24 24" class="icon level-ball" aria-hidden="true" focusable="false" data-level={level}>
      {/* A white inside, so an empty ball reads as empty on a coloured card too. */}
      <circle cx={C} cy={C} r={R} fill="#ffffff" stroke="currentColor" stroke-width={2} />
      {filling(level)}
    </svg>
  );
}
