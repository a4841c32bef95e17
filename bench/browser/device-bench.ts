// Runs in Chromium (served by Vite's dev server, /api proxied to the real server): first sync
// of the whole structure into a fresh profile, then local writes with their outbox entry.
// Issue 13 judges both as ratios, so each comes with its raw reference measured in the same
// page and round: the same rows written by plain Dexie `bulkPut` (one per table) into another
// fresh database of the same schema, and a plain `put` of a row of the same shape into the same
// table, interleaved with the repository's writes so both see the same machine load.
import { createDevice } from '../../src/client/device';
import { openDeviceDb, type LocalRecord } from '../../src/client/db';
import { ENTITY_NAMES } from '../../src/domain/entities';
import { uuidv7 } from '../../src/domain/ids';

declare global {
  interface Window { benchResult?: unknown; benchError?: string }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}
function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length * 0.95)] ?? NaN;
}
const round1 = (x: number) => Math.round(x * 10) / 10;
const round3 = (x: number) => Math.round(x * 1000) / 1000;
/** Synced records only: the outbox, meta and derived local tables (e.g. currentLevel) are not pulled rows. */
const ENTITY_TABLES = new Set<string>(ENTITY_NAMES);

async function oneRound(login: string, writeCount: number) {
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const device = createDevice({ dbName: `bench-${stamp}`, deviceName: 'banc' });
  await device.session.getState().login(login, 'tremplin');
  // Time spent waiting for the server (request + server + transfer + JSON parse), to split the
  // first sync into network and local apply. Wrapping the api object the engine calls through.
  let pullWaitMs = 0;
  let pages = 0;
  const pull = device.api.pull.bind(device.api);
  device.api.pull = async (since, limit) => {
    const s = performance.now();
    try { return await pull(since, limit); } finally { pullWaitMs += performance.now() - s; pages += 1; }
  };
  let maxRecords = 0;
  const unsubscribe = device.status.subscribe((s) => { maxRecords = Math.max(maxRecords, (s as { firstSync?: { received: number } }).firstSync?.received ?? 0); });
  const t0 = performance.now();
  let pulled = 0;
  for (;;) {
    const o = await device.engine.syncOnce();
    if (!o.ok) throw new Error('sync failed');
    pulled += o.pulled;
    if (o.pulled === 0) break;
  }
  const firstSyncMs = performance.now() - t0;
  unsubscribe();

  // Raw reference: the rows the sync stored, bulkPut by plain Dexie into a fresh database.
  const rows = new Map<string, LocalRecord[]>();
  let records = 0;
  for (const t of device.db.tables) {
    if (!ENTITY_TABLES.has(t.name)) continue;
    const all = (await t.toArray()) as LocalRecord[];
    rows.set(t.name, all);
    records += all.length;
  }
  const raw = openDeviceDb(`bench-raw-${stamp}`);
  await raw.open();
  const r0 = performance.now();
  for (const [name, list] of rows) if (list.length > 0) await raw.table(name).bulkPut(list);
  const rawBulkPutMs = performance.now() - r0;
  await raw.delete();

  // Local writes, each followed by a raw put of a row of the same shape into the same table.
  const salarie = (await device.queries.records.list('salarie'))[0];
  const user = device.session.getState().session!.user;
  const logTable = device.db.table('logEntry');
  const writes: number[] = [];
  const puts: number[] = [];
  for (let i = 0; i < writeCount; i++) {
    const fields = {
      salarieId: salarie!.id, authorId: user.id, date: '2026-11-20', category: 'technique',
      text: `Observation de banc d’essai n° ${i}`, visibility: 'team', alert: false,
    };
    const s = performance.now();
    await device.repo.write('logEntry', uuidv7(), fields);
    writes.push(performance.now() - s);
    const clock = '2026-11-20T10:00:00.000Z-0000-banc';
    const row: LocalRecord = {
      id: uuidv7(), structureId: user.structureId, _deleted: 0, _v: 1,
      _clocks: Object.fromEntries(Object.keys(fields).map((k) => [k, clock])), ...fields,
    };
    const p = performance.now();
    await logTable.put(row);
    puts.push(performance.now() - p);
  }
  await device.db.delete();
  const writeMedianMs = median(writes.slice(20));
  const rawPutMedianMs = median(puts.slice(20));
  return {
    firstSyncMs: Math.round(firstSyncMs), pullWaitMs: Math.round(pullWaitMs), pages, pulled, records,
    rawBulkPutMs: Math.round(rawBulkPutMs), syncVsRaw: round1(firstSyncMs / rawBulkPutMs),
    progressShownUpTo: maxRecords,
    writeMedianMs: round3(writeMedianMs), writeP95Ms: round3(p95(writes.slice(20))),
    rawPutMedianMs: round3(rawPutMedianMs), writeVsRaw: round1(writeMedianMs / rawPutMedianMs),
  };
}

async function run() {
  const params = new URLSearchParams(location.search);
  const login = params.get('login') ?? 'coordination';
  const rounds = Number(params.get('rounds') ?? '1');
  const out = [];
  for (let r = 0; r < rounds; r++) out.push(await oneRound(login, Number(params.get('writes') ?? '300')));
  window.benchResult = out;
  document.getElementById('out')!.textContent = JSON.stringify(window.benchResult);
}

run().catch((e: unknown) => { window.benchError = String(e instanceof Error ? e.stack : e); });
