// The head every printed document shares: the structure (name, SIRET), the document's title, the
// salarié, the period or date it covers, who the copy is for, and when it was printed — so a
// sheet found alone in a folder still says what it is.
import type { ComponentChildren } from 'preact';
import { shortDate } from '../../shell/format';

/** « 123 456 789 00012 »: the SIRET as it is printed on official papers. */
export function siretText(siret: string | null | undefined): string {
  if (siret === null || siret === undefined || siret === '') return 'SIRET non renseigné';
  return `SIRET ${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`;
}

export function DocumentHeader({ structureName, siret, title, person, covers, today, children }: {
  structureName: string | undefined; siret: string | null | undefined; title: string; person: string; covers: string; today: string;
  children?: ComponentChildren;
}) {
  return (
    <header>
      <div class="doc-head">
        <div>
          <p><strong>{structureName ?? 'Structure (pas encore synchronisée sur cette tablette)'}</strong></p>
          <p>{siretText(siret)}</p>
        </div>
        <p>Imprimé le {shortDate(today)}</p>
      </div>
      <h2>{title}</h2>
      <p><strong>{person}</strong> — {covers}</p>
      {children}
    </header>
  );
}

export function periodText(from: string, to: string): string {
  return `du ${shortDate(from)} au ${shortDate(to)}`;
}
