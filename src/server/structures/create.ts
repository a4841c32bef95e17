// Creates a structure (the tenant): its synced `structure` record, whose id is the structure's
// id, and its sequence row. Used by the administration command and the demo seeding.
import type { STRUCTURE_TYPES } from '../../domain/entities';
import { uuidv7 } from '../../domain/ids';
import type { Fields } from '../../sync/protocol';
import type { Db } from '../db/types';
import { applyChanges } from '../sync/apply';
import type { ServerClock } from '../sync/clock';

export interface NewStructure {
  name: string;
  type: (typeof STRUCTURE_TYPES)[number];
  extra?: Fields;
}

export async function createStructure(ctx: { db: Db; clock: ServerClock; today: string }, input: NewStructure, id: string = uuidv7()): Promise<string> {
  await ctx.db.transaction(async (tx) => {
    const [result] = await applyChanges(tx, { structureId: id, userId: null, deviceId: null, system: true, clock: ctx.clock, today: ctx.today }, [
      { opId: uuidv7(), entity: 'structure', id, hlc: ctx.clock.tick(), set: { ...input.extra, name: input.name, type: input.type } },
    ]);
    if (result?.status !== 'applied') throw new Error(result?.message ?? 'structure refusée');
  });
  return id;
}
