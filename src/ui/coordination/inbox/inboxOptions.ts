// The choices of the inbox's filter bar, built from the rows already read: every team, the ETIs
// and salariés who appear in the reviewer's window (a list of everyone would bury the few who
// matter), each sorted as a French reader expects.
import type { InboxRows } from '../../../client/queries/coordination';
import { byFrench, fullName } from '../../../domain/people';

export interface Option { id: string; label: string }
export interface InboxOptions { teams: Option[]; authors: Option[]; salaries: Option[] }

const sorted = (list: Option[]) => list.sort((a, b) => byFrench(a.label, b.label));

export function inboxOptions(rows: InboxRows): InboxOptions {
  const authorIds = new Set<string>();
  const salarieIds = new Set<string>();
  for (const e of rows.entries) { authorIds.add(e.authorId); salarieIds.add(e.salarieId); }
  return {
    teams: sorted(rows.teams.map((t) => ({ id: t.id, label: t.name }))),
    authors: sorted([...authorIds].map((id) => ({ id, label: rows.names.get(id) ?? 'Auteur inconnu' }))),
    salaries: sorted([...salarieIds].map((id) => ({ id, label: fullName(rows.salaries.get(id)) }))),
  };
}
