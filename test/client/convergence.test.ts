// THE proof that sync converges: simulated tablets (coordinator, two tablets of one ETI, a
// second ETI, a salarié) run the real sync engine against the real server on PGlite through a
// network that loses requests and responses, duplicates, delays and reorders them, while
// tablets go offline and the server restarts. fast-check draws the edits. Once the network
// heals and everyone has synced, every tablet equals a fresh download of its user's view, no
// write the server acknowledged is lost, and no tablet holds a record its user may not read.
// CONVERGENCE_RUNS=50 npx vitest run test/client/convergence.test.ts for a longer run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canRead, type Actor } from '../../src/domain/access';
import { confidentialFields, isEntityName, type EntityName } from '../../src/domain/entities';
import { DELETED_FIELD } from '../../src/sync/merge';
import type { Clocks, Fields } from '../../src/sync/protocol';
import { startServer } from '../../src/server/main';
import { FaultyNetwork, type AckedChange } from './faultyNetwork';
import { signedIn, startTestServer, type TestServer } from './harness';
import { contendedWrites, localToday, moveSalarie, performEdit, type ScenarioContext, type SimDevice, type Step } from './scenario';
import { diffSnapshots, snapshot } from './snapshot';

const RUNS = Number(process.env['CONVERGENCE_RUNS'] ?? 4);
// Tablet clocks are never quite right: skews (within the server's 10 minutes) make one
// tablet's edit "later" than another's made after it, so pulls meet older pending edits.
const DEVICES = [
  { name: 'coordination', login: 'coordination', skewMs: 4 * 60_000 },
  { name: 'eti1-a', login: 'eti1', skewMs: 0 },
  { name: 'eti1-b', login: 'eti1', skewMs: -3 * 60_000 },
  { name: 'eti2', login: 'eti2', skewMs: 90_000 },
  { name: 'salarie1', login: 'salarie1', skewMs: -60_000 },
] as const;

/** Tablets that share records (indexes in DEVICES): the first writes, the second contends. */
const RIVALS: [number, number][] = [[0, 1], [1, 0], [1, 2], [2, 1], [0, 3], [3, 0], [2, 0], [0, 4], [4, 0]];

let template: string;

beforeAll(async () => {
  // Seed the demo once; every run starts from a copy of this store.
  template = mkdtempSync(join(tmpdir(), 'tremplin-template-'));
  const seeded = await startServer({ port: 0, dataDir: template, demo: true, quiet: true, distDir: null, host: '127.0.0.1' });
  await seeded.close();
});
afterAll(() => {
  if (template) rmSync(template, { recursive: true, force: true });
});

const editArb = fc.record({ t: fc.constant('edit' as const), dev: fc.nat(DEVICES.length - 1), kind: fc.nat(40), a: fc.nat(1000), b: fc.nat(1000), c: fc.nat(1000) });
const devsArb = fc.uniqueArray(fc.nat(DEVICES.length - 1), { minLength: 1, maxLength: DEVICES.length });
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 10, arbitrary: editArb },
  { weight: 4, arbitrary: fc.record({ t: fc.constant('sync' as const), devs: devsArb }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('busySync' as const), devs: devsArb, edits: fc.array(editArb, { minLength: 1, maxLength: 4 }) }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('contend' as const), pair: fc.constantFrom(...RIVALS), a: fc.nat(1000), b: fc.nat(1000) }).map(({ pair, a, b }) => ({ t: 'contend' as const, x: pair[0], y: pair[1], a, b })) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('move' as const), a: fc.nat(1000), b: fc.nat(1000) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('offline' as const), dev: fc.nat(DEVICES.length - 1), on: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constant({ t: 'restart' as const }) },
);
const scenarioArb = fc.record({ faultSeed: fc.integer(), steps: fc.array(stepArb, { minLength: 30, maxLength: 60 }) });

interface ServerRecord {
  entity: EntityName;
  id: string;
  structureId: string;
  fields: Fields;
  clocks: Clocks;
  deleted: boolean;
  salarieId: string | null;
}

async function serverRecords(srv: TestServer): Promise<Map<string, ServerRecord>> {
  const db = srv.db;
  if (!db) throw new Error('server stopped');
  const { rows } = await db.query<{ entity: string; id: string; structure_id: string; fields: Fields; clocks: Clocks; deleted: boolean; salarie_id: string | null }>(
    'SELECT entity, id, structure_id, fields, clocks, deleted, salarie_id FROM records',
  );
  const out = new Map<string, ServerRecord>();
  for (const r of rows) {
    if (!isEntityName(r.entity)) continue;
    out.set(`${r.entity}/${r.id}`, { entity: r.entity, id: r.id, structureId: r.structure_id, fields: r.fields, clocks: r.clocks, deleted: r.deleted, salarieId: r.salarie_id });
  }
  return out;
}

/** The access rules' Actor for a user, from the server's records (the contract's definitions). */
function actorOf(s: SimDevice, structureId: string, records: Map<string, ServerRecord>, today: string): Actor {
  const live = [...records.values()].filter((r) => !r.deleted && r.structureId === structureId);
  const teamIds = new Set(live.filter((r) => r.entity === 'team' && Array.isArray(r.fields['etiUserIds']) && (r.fields['etiUserIds'] as string[]).includes(s.userId)).map((r) => r.id));
  const salarieIds = new Set<string>();
  for (const m of live) {
    if (m.entity !== 'membership' || !teamIds.has(String(m.fields['teamId']))) continue;
    const from = m.fields['from'];
    const to = m.fields['to'];
    if (typeof from === 'string' && from <= today && (typeof to !== 'string' || to >= today)) salarieIds.add(String(m.fields['salarieId']));
  }
  const slotIds = new Set(live.filter((r) => r.entity === 'assignment' && r.fields['salarieId'] === s.salarieId).map((r) => String(r.fields['slotId'])));
  const structure = records.get(`structure/${structureId}`);
  return {
    userId: s.userId, role: s.role, structureId,
    teamIds: s.role === 'eti' ? teamIds : new Set(),
    salarieIds: s.role === 'eti' ? salarieIds : new Set(),
    slotIds: s.role === 'salarie' ? slotIds : new Set(),
    etiMayEditReferentiel: structure?.fields['etiMayEditReferentiel'] === true,
    ...(s.salarieId !== undefined ? { salarieId: s.salarieId } : {}),
  };
}

/** Sync everyone, sequentially, until a whole round pushes and pulls nothing. */
async function syncUntilQuiet(sims: SimDevice[]): Promise<void> {
  for (let round = 0; round < 8; round++) {
    let moved = 0;
    for (const s of sims) {
      const out = await s.d.engine.syncOnce();
      if (!out.ok) throw new Error(`${s.name}: sync failed after healing (${s.d.status.getState().error?.message ?? '?'})`);
      moved += out.pushed + out.pulled;
    }
    if (moved === 0) return;
  }
  throw new Error('sync did not settle in 8 rounds');
}

async function runScenario(scenario: { faultSeed: number; steps: Step[] }): Promise<void> {
  const srv = await startTestServer({ template });
  const net = new FaultyNetwork(srv, scenario.faultSeed);
  const log: string[] = [];
  try {
    const sims: SimDevice[] = [];
    for (const spec of DEVICES) {
      const d = await signedIn(net.fetchFor(spec.name), spec.login, { dbName: spec.name, now: () => Date.now() + spec.skewMs });
      const user = d.session.getState().session!.user;
      sims.push({ name: spec.name, login: spec.login, role: user.role, userId: user.id, ...(user.salarieId ? { salarieId: user.salarieId } : {}), d });
    }
    for (const s of sims) expect((await s.d.engine.syncOnce()).ok).toBe(true);
    const today = localToday();
    const ctx: ScenarioContext = { today, closedMonth: (await sims[0]!.d.queries.records.list('monthClose'))[0]?.month };

    net.faults = true;
    for (const step of scenario.steps) {
      switch (step.t) {
        case 'edit':
          log.push(await performEdit(sims[step.dev]!, step, ctx));
          break;
        case 'sync':
          // Concurrent syncs: with the network's delays, requests interleave and reorder.
          await Promise.all(step.devs.map((i) => sims[i]!.d.engine.syncOnce()));
          log.push(`sync ${step.devs.map((i) => sims[i]!.name).join(', ')}`);
          break;
        case 'busySync': {
          // Each edit is made on a syncing tablet just before its pull: it is pending when
          // the pulled page arrives (the case where a pull must not overwrite it).
          const queue = new Map<string, typeof step.edits>();
          for (const e of step.edits) {
            const who = sims[step.devs[e.dev % step.devs.length]!]!.name;
            queue.set(who, [...(queue.get(who) ?? []), e]);
          }
          net.beforePull = async (device) => {
            const edits = queue.get(device);
            if (!edits) return;
            queue.delete(device);
            const who = sims.find((x) => x.name === device)!;
            for (const e of edits) log.push(`(pendant la synchro) ${await performEdit(who, e, ctx)}`);
          };
          await Promise.all(step.devs.map((i) => sims[i]!.d.engine.syncOnce()));
          net.beforePull = undefined;
          log.push(`sync ${step.devs.map((i) => sims[i]!.name).join(', ')} pendant des saisies`);
          break;
        }
        case 'contend': {
          const [x, y] = [sims[step.x]!, sims[step.y]!];
          const pair = await contendedWrites(x, y, step.a, step.b);
          if (!pair) break;
          // Both online and a clean network for this step, so the pull meets the pending edit.
          net.offline.delete(x.name);
          net.offline.delete(y.name);
          net.faults = false;
          await pair.writeX();
          await x.d.engine.syncOnce();
          let armed = true;
          net.beforePull = async (device) => {
            if (device !== y.name || !armed) return;
            armed = false;
            await pair.writeY();
          };
          await y.d.engine.syncOnce();
          net.beforePull = undefined;
          net.faults = true;
          log.push(pair.what);
          break;
        }
        case 'move':
          log.push(await moveSalarie(sims[0]!, step.a, step.b, ctx.today));
          break;
        case 'offline':
          if (step.on) net.offline.add(sims[step.dev]!.name);
          else net.offline.delete(sims[step.dev]!.name);
          log.push(`${sims[step.dev]!.name} ${step.on ? 'hors ligne' : 'en ligne'}`);
          break;
        case 'restart':
          await srv.restart();
          log.push('redémarrage du serveur');
          break;
      }
    }

    net.heal();
    await net.settle();
    await syncUntilQuiet(sims);
    await net.settle();

    const records = await serverRecords(srv);
    const structureId = sims[0]!.d.session.getState().session!.user.structureId;

    // 1. Every tablet equals a fresh download of its user's view, with nothing left to send.
    const fresh = new Map<string, Awaited<ReturnType<typeof snapshot>>>();
    for (const s of sims) {
      if (!fresh.has(s.login)) {
        const f = await signedIn(net.fetchFor(`fresh-${s.login}`), s.login, { dbName: `fresh-${s.name}` });
        expect((await f.engine.syncOnce()).ok).toBe(true);
        fresh.set(s.login, await snapshot(f.db));
      }
      expect(await s.d.db.outbox.count(), `${s.name} outbox`).toBe(0);
      const diff = diffSnapshots(await snapshot(s.d.db), fresh.get(s.login)!, [s.name, `fresh ${s.login}`]);
      expect(diff, `${s.name} differs from the server\n${log.join('\n')}`).toEqual([]);
    }

    // 2. No acknowledged write is lost: each field it set holds its value, or a later one.
    const lost = ackedLosses(net.acked, records);
    expect(lost, `acknowledged writes lost\n${log.join('\n')}`).toEqual([]);

    // 3. No tablet holds what its user may not read (nor a confidential field of a salarié).
    for (const s of sims) {
      const actor = actorOf(s, structureId, records, today);
      for (const rec of (await snapshot(s.d.db)).values()) {
        const entity = rec.entity as EntityName;
        const view = { entity, id: rec.id, structureId: String(rec.fields['structureId']), fields: rec.fields, salarieId: records.get(`${entity}/${rec.id}`)?.salarieId ?? undefined };
        expect(canRead(actor, view), `${s.name} holds ${entity}/${rec.id}`).toBe(true);
        if (s.role === 'salarie') for (const f of confidentialFields(entity)) expect(rec.fields[f], `${s.name}: ${entity}.${f}`).toBeUndefined();
      }
    }
    if (process.env['CONVERGENCE_VERBOSE']) {
      const rejected = await Promise.all(sims.map((s) => s.d.db.rejected.count()));
      console.log(JSON.stringify({ ...net.stats, acked: net.acked.length, rejected, steps: scenario.steps.length }));
    }
  } finally {
    net.heal();
    await net.settle().catch(() => undefined);
    await srv.close();
  }
}

function ackedLosses(acked: readonly AckedChange[], records: Map<string, ServerRecord>): string[] {
  const lost: string[] = [];
  for (const c of acked) {
    const key = `${c.entity}/${c.id}`;
    const rec = records.get(key);
    if (!rec) {
      lost.push(`${key}: record missing (${c.device})`);
      continue;
    }
    for (const [f, v] of Object.entries(c.set)) {
      if (f === 'structureId') continue;
      const clock = rec.clocks[f];
      if (clock === undefined || clock < c.hlc) lost.push(`${key}.${f}: clock ${clock} older than acknowledged ${c.hlc}`);
      else if (clock === c.hlc && JSON.stringify(rec.fields[f]) !== JSON.stringify(v)) lost.push(`${key}.${f}: ${JSON.stringify(rec.fields[f])} ≠ acknowledged ${JSON.stringify(v)}`);
    }
    if (c.deleted === true && (!rec.deleted || (rec.clocks[DELETED_FIELD] ?? '') < c.hlc)) lost.push(`${key}: acknowledged deletion undone`);
  }
  return lost;
}

describe('convergence under faults', () => {
  it(`every tablet converges to the server (${RUNS} scenarios)`, async () => {
    await fc.assert(fc.asyncProperty(scenarioArb, runScenario), { seed: 42, numRuns: RUNS, endOnFailure: true });
  }, 120_000 + RUNS * 60_000);
});
