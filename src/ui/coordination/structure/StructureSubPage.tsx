// A page of « Structure » (équipes, import, comptes…): the page itself under a « ← Structure »
// link back to the hub. The shell wraps each of those routes in it, so the pages stay unaware of
// where they are grouped and the link is written once.
import type { ComponentChildren } from 'preact';
import { ArrowLeft } from 'lucide';
import { Icon } from '../../icons/Icon';
import { STRUCTURE_ROUTE } from './structurePages';

export function StructureBackLink() {
  return (
    <nav aria-label="Retour" class="back-link no-print">
      {/* The arrow is drawn, not read: the name says where the link goes. */}
      <a href={`#${STRUCTURE_ROUTE}`}><Icon icon={ArrowLeft} size={18} class="lead" /><span class="sr-only">Retour à</span> Structure</a>
    </nav>
  );
}

export function StructureSubPage({ children }: { children: ComponentChildren }) {
  return <><StructureBackLink />{children}</>;
}
