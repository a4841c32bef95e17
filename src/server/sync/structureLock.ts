// The per-structure row lock every write of a structure takes, and what it guards: the commit
// sequence (pull cursors) and the newest HLC stored for the structure. Both live in the database,
// so any number of server processes share them; nothing about a structure's order is in memory.
import { toNumber, type Queryable } from '../db/types';
import type { ServerClock } from './clock';

export interface StructureHead {
  /** The last seq committed for the structure. */
  seq: number;
  /** The newest HLC of a change applied to the structure ('' before any). */
  hlc: string;
}

/**
 * Locks the structure's `structure_seq` row until commit (every writer of the structure queues
 * here, so a later seq never commits before an earlier one) and moves `clock` past the newest
 * HLC stored, whichever process stored it: a server-stamped write taken after this never loses
 * to a change another process accepted before.
 */
export async function lockStructure(tx: Queryable, structureId: string, clock: ServerClock): Promise<StructureHead> {
  const select = () => tx.query<{ seq: unknown; hlc: string }>('SELECT seq, hlc FROM structure_seq WHERE structure_id = $1 FOR UPDATE', [structureId]);
  let { rows } = await select();
  if (!rows[0]) {
    await tx.query('INSERT INTO structure_seq (structure_id, seq) VALUES ($1, 0) ON CONFLICT DO NOTHING', [structureId]);
    ({ rows } = await select());
  }
  const head: StructureHead = { seq: toNumber(rows[0]?.seq), hlc: rows[0]?.hlc ?? '' };
  if (head.hlc) clock.receive(head.hlc);
  return head;
}

/** Stores the new head, still under the lock (only what moved). */
export async function saveStructureHead(tx: Queryable, structureId: string, before: StructureHead, after: StructureHead): Promise<void> {
  // HLC strings sort in causal order by code unit (ASCII): JS comparison, not the database's collation.
  const hlc = after.hlc > before.hlc ? after.hlc : before.hlc;
  if (after.seq === before.seq && hlc === before.hlc) return;
  await tx.query('UPDATE structure_seq SET seq = $2, hlc = $3 WHERE structure_id = $1', [structureId, after.seq, hlc]);
}
