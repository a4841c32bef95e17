// What a tablet holds, in a comparable form: every live record with its fields and clocks,
// keyed by entity and id. Used to prove two devices (or a device and the server) agree.
import { ENTITY_NAMES } from '../../src/domain/entities';
import { entityTable, fromLocal, type DeviceDb } from '../../src/client/db';
import type { Clocks, Fields } from '../../src/sync/protocol';

export interface SnapRecord {
  entity: string;
  id: string;
  fields: Fields;
  clocks: Clocks;
}

export async function snapshot(db: DeviceDb): Promise<Map<string, SnapRecord>> {
  const out = new Map<string, SnapRecord>();
  for (const entity of ENTITY_NAMES) {
    for (const rec of await entityTable(db, entity).toArray()) {
      if (rec._deleted === 1) continue;
      const { fields, clocks } = fromLocal(rec);
      out.set(`${entity}/${rec.id}`, { entity, id: rec.id, fields, clocks });
    }
  }
  return out;
}

/** Differences between two snapshots, as readable lines (empty when equal). */
export function diffSnapshots(a: Map<string, SnapRecord>, b: Map<string, SnapRecord>, labels = ['device', 'server']): string[] {
  const out: string[] = [];
  for (const [k, ra] of a) {
    const rb = b.get(k);
    if (!rb) {
      out.push(`${k}: only on ${labels[0]}`);
      continue;
    }
    const fa = JSON.stringify(sortKeys(ra.fields));
    const fb = JSON.stringify(sortKeys(rb.fields));
    if (fa !== fb) out.push(`${k}: fields differ\n  ${labels[0]}: ${fa}\n  ${labels[1]}: ${fb}`);
  }
  for (const k of b.keys()) if (!a.has(k)) out.push(`${k}: only on ${labels[1]}`);
  return out;
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  }
  return v;
}
