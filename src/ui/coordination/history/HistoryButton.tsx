// « Historique »: a small toggle placed on each record of a salarié's file (identity, contract,
// PASS, suspension, prolongation, exit…) that opens that record's field history beneath it. The
// panel calls the server only once opened, so a file with ten records costs nothing until asked.
// Several sections edit parts of one record (the salarié's identity, aménagements, exit): `fields`
// keeps each section's history to its own fields, and the panel's id comes from useId, as one
// record can carry several buttons.
import { useId, useState } from 'preact/hooks';
import type { EntityName } from '../../../domain/entities';
import { HistoryPanel } from './HistoryPanel';

export function HistoryButton({ entity, id, what, fields }: {
  entity: EntityName;
  id: string;
  /** What record, for the accessible name: « Historique : identité ». */
  what?: string;
  /** Only these fields of the record (a section that edits part of it); all when absent. */
  fields?: readonly string[];
}) {
  const [open, setOpen] = useState(false);
  const panelId = `history-${useId()}`;
  return (
    <div class="history-toggle no-print">
      <button type="button" class="secondary" aria-expanded={open} aria-controls={panelId}
        aria-label={what !== undefined ? `Historique : ${what}` : undefined}
        onClick={() => setOpen((o) => !o)}>
        {/* One word, open or closed: aria-expanded says which, and the label keeps the visible text. */}
        Historique
      </button>
      <div id={panelId}>{open && <HistoryPanel entity={entity} id={id} fields={fields} />}</div>
    </div>
  );
}
