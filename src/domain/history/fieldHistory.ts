// The field history of one record as `GET /api/history/:entity/:id` returns it, regrouped for
// reading: one change per write (same clock, same person, same device) with the fields it set,
// newest first, each field with its French label and whether its value lost a conflict (a
// concurrent write with a later clock kept its own value). Pure, so the grouping is tested alone.
import { ENTITIES, type EntityName, type EntitySpec } from '../entities';
import { ownValue } from '../ownKeys';

/** One value written to one field (server/sync/history.ts). */
export interface FieldHistoryItem {
  field: string;
  value: unknown;
  hlc: string;
  userId: string | null;
  deviceId: string | null;
  /** False: a concurrent, later write kept its value — this one was set aside. */
  won: boolean;
  at: string;
}

export interface HistoryField { field: string; label: string; value: unknown; won: boolean }

export interface HistoryChange {
  key: string;
  /** When it was written, on the tablet (its clock's time: an offline write keeps its hour). */
  writtenAt: string;
  /** When the server received it. */
  at: string;
  hlc: string;
  userId: string | null;
  deviceId: string | null;
  fields: HistoryField[];
}

/** The field's French label; a field this version does not know keeps its own name. */
export function fieldLabel(entity: EntityName, field: string): string {
  const spec: EntitySpec = ENTITIES[entity];
  return ownValue(spec.fields, field)?.label ?? field;
}

/** The HLC's wall time (its first 24 characters, an ISO instant); the receipt time otherwise. */
function writtenAt(h: FieldHistoryItem): string {
  const iso = h.hlc.slice(0, 24);
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(iso) && !Number.isNaN(Date.parse(iso)) ? iso : h.at;
}

export function groupChanges(entity: EntityName, items: readonly FieldHistoryItem[]): HistoryChange[] {
  const byKey = new Map<string, HistoryChange>();
  for (const h of items) {
    // structureId is the server's, not a field anyone edits.
    if (h.field === 'structureId') continue;
    const key = `${h.hlc}|${h.userId ?? ''}|${h.deviceId ?? ''}`;
    let change = byKey.get(key);
    if (change === undefined) {
      change = { key, writtenAt: writtenAt(h), at: h.at, hlc: h.hlc, userId: h.userId, deviceId: h.deviceId, fields: [] };
      byKey.set(key, change);
    }
    change.fields.push({ field: h.field, label: fieldLabel(entity, h.field), value: h.value, won: h.won });
  }
  const spec: EntitySpec = ENTITIES[entity];
  const order = Object.keys(spec.fields);
  const rank = (f: string) => { const i = order.indexOf(f); return i < 0 ? order.length : i; };
  const changes = [...byKey.values()];
  for (const c of changes) c.fields.sort((a, b) => rank(a.field) - rank(b.field) || a.field.localeCompare(b.field));
  // HLCs order writes across devices better than wall clocks; newest first.
  return changes.sort((a, b) => b.hlc.localeCompare(a.hlc) || a.key.localeCompare(b.key));
}
