// One line under a document's title saying whose copy it is: the salarié's holds only what is
// shared with them; the team's is internal and must not be handed over.
import type { Audience } from '../../../domain/documents/period';

export const AUDIENCE_NOTES: Readonly<Record<Audience, string>> = {
  salarie: 'Version remise au salarié : seules les notes partagées avec lui y figurent.',
  equipe: 'Version pour l’équipe : document interne, à ne pas remettre au salarié.',
};

export function AudienceNote({ audience }: { audience: Audience }) {
  return <p class="doc-version">{AUDIENCE_NOTES[audience]}</p>;
}
