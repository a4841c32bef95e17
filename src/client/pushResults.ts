// Apply the server's answer to a pushed batch, in one transaction: an applied or duplicate
// change leaves the outbox (and the record takes any newer server value a pull had to hold
// back meanwhile); a rejected one is rolled back field by field, listed for the user, and
// leaves the outbox. Nothing else ever removes an outbox entry (but a sign-in that empties the
// device). An entry's clock may be newer than the `meta` clock row (a creation does not write
// it, clock.ts): the answered entries' clocks are folded into `meta` in the transaction that
// deletes them, so the device's clock never goes back.
import type { ENTITIES } from '../domain/entities';
import { ownValue, setOwn } from '../domain/ownKeys';
import { DELETED_FIELD } from '../sync/merge';
import type { PushResult } from '../sync/protocol';
import { receiveClocks } from './clock';
import { allTables, entityTable, type DeviceDb, type LocalRecord, type OutboxEntry, type RejectedChange } from './db';
import { loadOrphans, recordKey, restoreField, saveOrphans, touchedFields } from './pending';
import { levelChanges } from './currentLevels';
import { loadSchemas } from './schemas';

const REASON_MESSAGES: Record<string, string> = {
  forbidden: 'Vous n’avez pas le droit de faire cette modification.',
  clock_skew: 'L’horloge de la tablette est en avance : vérifiez la date et l’heure.',
  month_closed: 'Ce mois a été validé par la coordination : les heures ne peuvent plus être modifiées.',
  invalid: 'Le serveur a refusé une valeur invalide ou une règle du parcours non respectée.',
};

/**
 * What « Modifications refusées » says about a refusal: the server's own words when it gave some
 * (a parcours rule names itself: « Suspension du PASS IAE : Une suspension dure 36 mois au
 * plus… »), written as a sentence — capital first, full stop last — else the reason's sentence.
 */
export function rejectionMessage(result: Pick<PushResult, 'reason' | 'message'>): string {
  const text = result.message?.trim() ?? '';
  if (text === '') return REASON_MESSAGES[result.reason ?? 'invalid'] ?? 'Modification refusée par le serveur.';
  const capital = text.charAt(0).toLocaleUpperCase('fr-FR') + text.slice(1);
  return /[.!?…»)]$/.test(capital) ? capital : `${capital}.`;
}

/** What the refused change was, in the labels of `entities` (the schemas: loadSchemas()). */
export function describeChange(e: OutboxEntry, entities: typeof ENTITIES): string {
  const spec = entities[e.entity];
  if (e.deleted === true) return `${spec.label} : suppression`;
  const labels = Object.keys(e.set)
    .filter((k) => k !== 'structureId')
    .map((k) => ownValue(spec.fields as Record<string, { label: string } | undefined>, k)?.label ?? k);
  if (!e.prev.existed) return `${spec.label} : création`;
  return `${spec.label} : modification de ${labels.join(', ')}`;
}

export interface PushApplyOutcome {
  resolved: number;
  rejected: number;
}

export async function applyPushResults(
  db: DeviceDb,
  batch: readonly OutboxEntry[],
  results: readonly PushResult[],
  serverHlc: string | undefined,
  now: number,
): Promise<PushApplyOutcome> {
  const byOp = new Map(results.map((r) => [r.opId, r]));
  // A refusal is described with the schemas' labels: loaded before the transaction, and only then.
  const entities = results.some((r) => r.status === 'rejected') ? (await loadSchemas()).ENTITIES : undefined;
  return db.transaction('rw', allTables(db), async () => {
    const answered = batch.filter((e) => byOp.has(e.opId)).map((e) => e.hlc);
    await receiveClocks(db, serverHlc === undefined ? answered : [serverHlc, ...answered], now);
    const orphans = await loadOrphans(db);
    let resolved = 0;
    let rejected = 0;
    // A rollback or a held-back value landing may change an evaluation: the matrix's stored level follows.
    const levels = levelChanges();
    for (const sent of batch) {
      const result = byOp.get(sent.opId);
      if (result === undefined || sent.seq === undefined) continue;
      const entry = await db.outbox.get(sent.seq);
      if (entry === undefined) continue;
      await db.outbox.delete(sent.seq);
      resolved++;
      const table = entityTable(db, entry.entity);
      const others = await db.outbox.where('[entity+id]').equals([entry.entity, entry.id]).toArray();
      let rec: LocalRecord | undefined = await table.get(entry.id);
      if (entry.entity === 'evaluation') levels.before([rec]);

      if (result.status === 'rejected') {
        rejected++;
        const refusal: RejectedChange = {
          opId: entry.opId, entity: entry.entity, id: entry.id, what: entities === undefined ? entry.entity : describeChange(entry, entities),
          reason: result.reason ?? 'invalid',
          message: rejectionMessage(result),
          at: now, set: entry.set,
        };
        if (entry.deleted === true) refusal.deleted = true;
        await db.rejected.add(refusal);
        if (rec !== undefined && !entry.prev.existed) {
          // A record this device created and the server refused never existed for anyone else.
          await table.delete(entry.id);
        } else if (rec !== undefined) {
          for (const f of touchedFields(entry)) {
            if (ownValue(rec._clocks, f) === entry.hlc) rec = restoreField(rec, f, ownValue(entry.prev.fields, f));
          }
          await table.put(rec);
        }
        // A later pending change on the same field saw this one as its "previous" value.
        for (const o of others) {
          let dirty = false;
          for (const f of touchedFields(o)) {
            if (ownValue(o.prev.fields, f)?.clock === entry.hlc) {
              const p = ownValue(entry.prev.fields, f);
              if (p === undefined) delete o.prev.fields[f];
              else setOwn(o.prev.fields, f, p);
              dirty = true;
            }
          }
          if (dirty) await db.outbox.put(o);
        }
      } else if (rec !== undefined) {
        // Applied: a newer server value held back while this change was pending now lands,
        // unless another pending change still protects the field.
        const stillProtected = new Set(others.flatMap(touchedFields));
        let changed = false;
        for (const f of touchedFields(entry)) {
          if (stillProtected.has(f)) continue;
          const p = ownValue(entry.prev.fields, f);
          if (p?.clock !== undefined && p.clock > (ownValue(rec._clocks, f) ?? '')) {
            rec = f === DELETED_FIELD && p.value !== true ? rec : restoreField(rec, f, p);
            changed = true;
          }
        }
        if (changed) await table.put(rec);
      }

      // An orphan (out of the user's view when last pulled) stays if the server accepted a
      // change to it — accepting proves the user may see it, and the next pull brings its
      // server state — and goes once its last pending change has been refused.
      const key = recordKey(entry.entity, entry.id);
      if (orphans.has(key)) {
        if (result.status !== 'rejected') orphans.delete(key);
        else if (others.length === 0) {
          await table.delete(entry.id);
          orphans.delete(key);
        }
      }
      if (entry.entity === 'evaluation') levels.after(entry.id, await table.get(entry.id));
    }
    await levels.apply(db);
    await saveOrphans(db, orphans);
    return { resolved, rejected };
  });
}
