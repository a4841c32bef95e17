// A competence's (or a task's) pictogram, stored by name (« pelle », « tondeuse »…) and drawn from
// the bundled registry as SVG; an unknown or empty name (an older record the upgrade could not
// map) draws nothing rather than a broken glyph. Beside a label it is decoration (hidden from
// screen readers); pass `label` when it stands alone.
import { Icon } from './Icon';
import { pictogramOf } from './pictograms';

export function Pictogram({ name, size = 24, label }: { name: string | null | undefined; size?: number; label?: string }) {
  const p = pictogramOf(name);
  if (p === undefined) return null;
  return <Icon icon={p.icon} size={size} class="pictogram" {...(label === undefined ? {} : { label })} />;
}
