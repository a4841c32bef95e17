// The tabs of one salarié's file for the team: livret, parcours (competences and objectives),
// diagnostic, accueil, PMSMP. Plain links (hash routes), so each page has its own address.
import { ArrowLeft } from 'lucide';
import { Icon } from '../icons/Icon';

export const SALARIE_TABS = [
  { key: '', label: 'Livret de suivi' },
  { key: 'parcours', label: 'Compétences et parcours' },
  { key: 'diagnostic', label: 'Diagnostic' },
  { key: 'accueil', label: 'Accueil' },
  { key: 'pmsmp', label: 'PMSMP' },
] as const;

export type SalarieTab = (typeof SALARIE_TABS)[number]['key'];

export function isSalarieTab(s: string): s is SalarieTab {
  return SALARIE_TABS.some((t) => t.key === s);
}

export function SalarieNav({ salarieId, current }: { salarieId: string; current: SalarieTab }) {
  return (
    <nav class="subtabs no-print" aria-label="Dossier du salarié">
      <a href="#/"><Icon icon={ArrowLeft} size={18} class="lead" />Retour</a>
      {SALARIE_TABS.map((t) => (
        <a key={t.key} href={`#/salarie/${salarieId}${t.key === '' ? '' : `/${t.key}`}`} aria-current={current === t.key ? 'page' : undefined}>{t.label}</a>
      ))}
    </nav>
  );
}
