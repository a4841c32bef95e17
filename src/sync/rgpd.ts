// The wire shapes of the RGPD endpoints (contract « Second release »: GET /api/salaries/:id/export,
// POST /api/salaries/:id/erase), one definition for the server that answers and the device that
// downloads, in their own file so the sync protocol stays about sync.
import type { EntityName } from '../domain/entities';
import type { Fields, JsonValue } from './protocol';

/** A record as exported: its id and the fields the coordinator may read. */
export type ExportedRecord = { id: string } & Fields;

/** One value written to one field of an exported record (the field history, losers included). */
export interface ExportedHistoryLine {
  entity: EntityName;
  id: string;
  field: string;
  value: JsonValue;
  hlc: string;
  userId: string | null;
  deviceId: string | null;
  won: boolean;
  at: string;
}

export interface SalarieExport {
  /** When the export was made (ISO 8601). */
  exportedAt: string;
  salarie: ExportedRecord;
  /** Every other record about the person, by entity (logins included). */
  records: Partial<Record<EntityName, ExportedRecord[]>>;
  history: ExportedHistoryLine[];
  /** *Privé* log entries of other authors: not shown to the coordination, only counted. */
  privateEntries: { authorId: string; date: string }[];
}

export interface EraseResult {
  /** Records that became tombstones (the file itself included). */
  records: number;
  /** Logins of the person, now inactive. */
  deactivatedLogins: number;
  revokedDevices: number;
}
