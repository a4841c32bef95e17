// Seeds the demo structure (an ACI, logins coordination / eti1 / eti2 / salarie1 / salarie2,
// password "tremplin") through the same write path as a push, with server clocks, in one
// transaction guarded by an advisory lock so two processes starting together seed it once.
import { uuidv7 } from '../../domain/ids';
import type { Change } from '../../sync/protocol';
import { hashPassword } from '../auth/password';
import type { Db } from '../db/types';
import { applyChanges } from '../sync/apply';
import type { ServerClock } from '../sync/clock';
import { createUserInTx } from '../users/create';
import { buildDemo } from './demoData';
import type { DemoData } from './types';

const SEED_LOCK = 7_236_110_043;

export interface SeedContext {
  db: Db;
  clock: ServerClock;
  today: string;
}

export type SeedMode = 'if-empty' | 'if-missing';

/**
 * Seeds unless already done: 'if-empty' (the embedded store) only when no structure exists at
 * all, 'if-missing' (asked for explicitly) when the demo logins do not exist yet.
 * Returns the demo logins when it seeded, null otherwise.
 */
export async function seedDemo(ctx: SeedContext, mode: SeedMode): Promise<string[] | null> {
  const data: DemoData = buildDemo(ctx.today);
  const hashes = new Map<string, string>();
  return ctx.db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
    if (mode === 'if-empty') {
      const any = await tx.query(`SELECT 1 FROM records WHERE entity = 'structure' LIMIT 1`);
      if (any.rows.length > 0) return null;
    } else {
      const taken = await tx.query(`SELECT 1 FROM users WHERE login IN (SELECT jsonb_array_elements_text($1::jsonb)) LIMIT 1`, [JSON.stringify(data.users.map((u) => u.login))]);
      if (taken.rows.length > 0) return null;
    }
    for (const u of data.users) if (!hashes.has(u.password)) hashes.set(u.password, await hashPassword(u.password));

    const structureId = data.structure.id;
    const changes: Change[] = [
      { opId: uuidv7(), entity: 'structure', id: structureId, hlc: ctx.clock.tick(), set: { name: data.structure.name, type: data.structure.type } },
      ...data.records.map((r) => ({ opId: uuidv7(), entity: r.entity, id: r.id, hlc: ctx.clock.tick(), set: r.fields })),
    ];
    const results = await applyChanges(tx, { structureId, userId: null, deviceId: null, system: true, clock: ctx.clock, today: ctx.today }, changes);
    const refused = results.findIndex((r) => r.status !== 'applied');
    if (refused >= 0) {
      const c = changes[refused];
      throw new Error(`démo : enregistrement refusé (${c?.entity} ${c?.id}) : ${results[refused]?.message ?? results[refused]?.status}`);
    }
    for (const u of data.users) {
      await createUserInTx(tx, ctx, structureId, {
        login: u.login, password: u.password, role: u.role, displayName: u.displayName, ...(u.salarieId ? { salarieId: u.salarieId } : {}),
      }, hashes.get(u.password) ?? '', u.id);
    }
    return data.users.map((u) => u.login);
  });
}
