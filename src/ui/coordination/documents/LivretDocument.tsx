// The printed livret de suivi for a period: the entries its audience may read
// (domain/documents/livret.ts) — on the salarié's copy only what is already shared with them.
import type { DocumentsData } from '../../../client/queries/dossier';
import { printableEntries } from '../../../domain/documents/livret';
import type { Audience, Period } from '../../../domain/documents/period';
import { fullName } from '../../../domain/people';
import { DocumentHeader, periodText } from './DocumentHeader';
import { AudienceNote } from './AudienceNote';
import { EntryList } from './EntryList';

export function LivretDocument({ data, period, audience, today }: { data: DocumentsData; period: Period; audience: Audience; today: string }) {
  const entries = printableEntries(data.entries, audience, period);
  return (
    <article class="print-doc" aria-label="Livret de suivi à imprimer">
      <DocumentHeader structureName={data.structure?.name} siret={data.structure?.siret} title="Livret de suivi"
        person={fullName(data.salarie)} covers={periodText(period.from, period.to)} today={today}>
        <AudienceNote audience={audience} />
      </DocumentHeader>
      <EntryList entries={entries} names={data.names} showVisibility={audience === 'equipe'}
        empty={audience === 'salarie' ? 'Aucune note partagée avec le salarié sur cette période.' : 'Aucune note sur cette période.'} />
    </article>
  );
}
