// The salarié's tab bar: three tabs in their words, each with its picture, 48 px high at least.
import { Icon } from '../icons/Icon';
import { SALARIE_PAGES, salariePageOf, salarieTabOf } from './pages';

export function SalarieTabs({ route }: { route: string }) {
  const current = salarieTabOf(salariePageOf(route));
  return (
    <nav class="tabs falc-tabs" aria-label="Mon espace">
      {SALARIE_PAGES.map((p) => (
        <a key={p.page} href={`#${p.route}`} aria-current={current === p.page ? 'page' : undefined}>
          <Icon icon={p.icon} size={32} /> {p.label}
        </a>
      ))}
    </nav>
  );
}
