// Runs in Chromium (served by Vite's dev server, /api proxied to the real server): first sync
// of the whole structure into a fresh profile, then local writes with their outbox entry.
import { createDevice } from '../../src/client/device';
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

async function run() {
  const params = new URLSearchParams(location.search);
  const device = createDevice({ dbName: `bench-${Date.now()}`, deviceName: 'banc' });
  await device.session.getState().login(params.get('login') ?? 'coordination', 'tremplin');
  const t0 = performance.now();
  let pulled = 0;
  for (;;) {
    const o = await device.engine.syncOnce();
    if (!o.ok) throw new Error('sync failed');
    pulled += o.pulled;
    if (o.pulled === 0) break;
  }
  const firstSyncMs = performance.now() - t0;
  let records = 0;
  for (const t of device.db.tables) if (!['outbox', 'meta', 'rejected'].includes(t.name)) records += await t.count();

  const salarie = (await device.queries.records.list('salarie'))[0];
  const user = device.session.getState().session!.user;
  const writes: number[] = [];
  for (let i = 0; i < 300; i++) {
    const s = performance.now();
    await device.repo.write('logEntry', uuidv7(), {
      salarieId: salarie!.id, authorId: user.id, date: '2026-11-20', category: 'technique',
      text: `Observation de banc d’essai n° ${i}`, visibility: 'team', alert: false,
    });
    writes.push(performance.now() - s);
  }
  window.benchResult = { firstSyncMs, pulled, records, writeMedianMs: median(writes.slice(20)), writeP95Ms: p95(writes.slice(20)) };
  document.getElementById('out')!.textContent = JSON.stringify(window.benchResult);
}

run().catch((e: unknown) => { window.benchError = String(e); });
