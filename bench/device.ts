// Device benchmarks in Chromium: the first sync of the demo structure plus 2 years of generated
// history (~50,000 records) into a fresh profile (target ≤ 15 s), and a local write with its
// outbox entry (target ≤ 5 ms median). Prints figures; asserts nothing.
// Run: npx tsx bench/device.ts   (CPU=4 to throttle the CPU ×4)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'vite';
import { chromium } from 'playwright-core';
import { startServer } from '../src/server/main';
import { buildDemo } from '../src/server/demo/demoData';
import { buildHistory } from '../src/server/demo/history';
import { ServerClock } from '../src/server/sync/clock';
import { applyChanges } from '../src/server/sync/apply';
import { uuidv7 } from '../src/domain/ids';
import type { Change } from '../src/sync/protocol';

const dataDir = mkdtempSync(join(tmpdir(), 'tremplin-bench-'));
const server = await startServer({ port: 0, dataDir, demo: true, quiet: true, distDir: null });
try {
  const today = new Date().toISOString().slice(0, 10);
  const demo = buildDemo(today);
  const history = buildHistory(demo, { years: 2 });
  const t0 = performance.now();
  // Written through the server's own write path as the system (history includes ETIs' private
  // entries, which no user may push on another's behalf).
  const clock = new ServerClock();
  for (let i = 0; i < history.length; i += 1000) {
    const changes: Change[] = history.slice(i, i + 1000).map((r) => ({ opId: uuidv7(), entity: r.entity, id: r.id, hlc: clock.tick(), set: r.fields }));
    const results = await server.db.transaction((tx) => applyChanges(tx, { structureId: demo.structure.id, userId: null, deviceId: null, system: true, clock, today }, changes));
    const bad = results.filter((r) => r.status !== 'applied');
    if (bad.length > 0) throw new Error(`history refused: ${JSON.stringify(bad[0])}`);
  }
  const loadS = (performance.now() - t0) / 1000;
  console.log(`history loaded: ${history.length} records in ${loadS.toFixed(1)} s (${Math.round(history.length / loadS)} changes/s, system write path, PGlite)`);

  const vite = await createServer({ configFile: false, root: process.cwd(), logLevel: 'error', server: { port: 0, proxy: { '/api': server.url } } });
  await vite.listen();
  const address = vite.httpServer?.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  try {
    for (const who of ['coordination', 'eti1']) {
      const page = await browser.newPage();
      const cpu = Number(process.env['CPU'] ?? '1');
      if (cpu > 1) {
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
      }
      await page.goto(`http://localhost:${port}/bench/browser/device-bench.html?login=${who}`);
      await page.waitForFunction(() => window.benchResult !== undefined || window.benchError !== undefined, null, { timeout: 300_000 });
      const out = await page.evaluate(() => window.benchResult ?? window.benchError);
      console.log(`${who} (CPU ×${cpu}):`, JSON.stringify(out));
      await page.close();
    }
  } finally {
    await browser.close();
    await vite.close();
  }
} finally {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}
