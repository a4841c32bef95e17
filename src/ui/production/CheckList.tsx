// A list of production checks, each with its word and icon (never colour alone, never a glyph
// that needs an emoji font). « info » shows only its icon, named for screen readers.
import { SEVERITY_WORD, type Check } from '../../domain/production/check';
import { Icon } from '../icons/Icon';
import { SEVERITY_ICONS } from '../icons/marks';

export function CheckList({ checks, id }: { checks: readonly Check[]; id?: string }) {
  if (checks.length === 0) return null;
  return (
    <ul class="checks" id={id}>
      {checks.map((c) => (
        <li key={c.code + c.message} class={`check ${c.severity}`}><strong>{c.severity === 'info'
          ? <Icon icon={SEVERITY_ICONS.info} size={18} label={SEVERITY_WORD.info} />
          : <><Icon icon={SEVERITY_ICONS[c.severity]} size={18} class="lead" />{SEVERITY_WORD[c.severity]}</>}</strong> {c.message}</li>
      ))}
    </ul>
  );
}
