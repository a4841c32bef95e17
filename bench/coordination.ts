// Coordination benchmark in Chromium (prints figures, asserts nothing about time): the
// coordinator's home (inbox over 2,000 livret entries with « À décider ») and the parcours board
// over 200 salariés, each opened cold and warm and re-filtered, against the ≤ 100 ms target of
// issue 11, CPU throttled ×4 by default (CPU=1 for none). The page's side is
// bench/coordinationBrowser.ts; the harness is bench/competences.ts's (Vite in production mode,
// Debian's Chromium through playwright-core, a blank page of the dev server's origin).
// Run: npx tsx bench/coordination.ts   (RUNS=10 by default: timed runs of each measure;
// ONLY=queries: the reads alone, ONLY=paint: the screens from answers already read;
// TIMEOUT_S=600: how long the page may take before the bench says at which stage it is stuck;
// PROFILE=paint: the profile of the « painted from answers already read » runs only, after the seed)
import { createServer } from 'vite';
import preact from '@preact/preset-vite';
import { chromium } from 'playwright-core';

const vite = await createServer({ configFile: false, root: process.cwd(), logLevel: 'error', plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false })], mode: 'production', define: { 'process.env.NODE_ENV': '"production"' }, server: { port: 0 } });
await vite.listen();
const address = vite.httpServer?.address();
const port = typeof address === 'object' && address !== null ? address.port : 0;
const browser = await chromium.launch({ executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // The page's errors (a failed live read is only logged there) go to this process's stderr.
  page.on('pageerror', (e) => console.error('page error:', e.stack ?? e.message));
  page.on('console', (m) => { if (m.type() === 'error') console.error('page console:', m.text()); });
  const cpu = Number(process.env['CPU'] ?? '4');
  await page.goto(`http://localhost:${port}/@vite/client`);
  await page.setContent('<!doctype html><html lang="fr"><body><div id="root"></div></body></html>');
  await page.addStyleTag({ url: `http://localhost:${port}/src/ui/styles.css?direct` });
  // Warm the module graph unthrottled: the bench measures screens, not Vite's transforms.
  await page.addScriptTag({ type: 'module', content: `import('http://localhost:${port}/bench/coordinationSeed.ts'); import('http://localhost:${port}/src/ui/coordination/CoordinatorHome.tsx'); import('http://localhost:${port}/src/ui/coordination/board/BoardPage.tsx')` });
  await page.waitForTimeout(3000);
  const cdp = await page.context().newCDPSession(page);
  if (cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  await page.evaluate(([n, only]) => { window.benchRuns = n; window.benchOnly = only; }, [Number(process.env['RUNS'] ?? '10'), process.env['ONLY'] ?? ''] as const);
  // PROFILE=1: a CPU profile of the whole page run, printed as the functions with most self time.
  const profile = process.env['PROFILE'] === '1' || process.env['PROFILE'] === 'paint';
  if (process.env['PROFILE'] === '1') { await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 200 }); await cdp.send('Profiler.start'); }
  await page.addScriptTag({ type: 'module', url: `http://localhost:${port}/bench/coordinationBrowser.ts` });
  if (process.env['PROFILE'] === 'paint') {
    await page.waitForFunction(() => window.benchStage?.endsWith('paint only') === true, null, { timeout: 600_000, polling: 20 });
    await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 200 }); await cdp.send('Profiler.start');
  }
  await page.waitForFunction(() => window.benchResult !== undefined || window.benchError !== undefined, null, { timeout: Number(process.env['TIMEOUT_S'] ?? '600') * 1000 })
    .catch(async (e: unknown) => { throw new Error(`stuck at « ${await page.evaluate(() => window.benchStage)} »`, { cause: e }); });
  const out = await page.evaluate(() => window.benchResult ?? window.benchError);
  console.log(`coordination (CPU ×${cpu}):`, JSON.stringify(out, null, 2));
  if (typeof out === 'string') process.exitCode = 1;
  if (profile) {
    const { profile: p } = await cdp.send('Profiler.stop');
    const dt = new Map<number, number>();
    p.samples?.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (p.timeDeltas?.[i] ?? 0) / 1000));
    const self = new Map<string, number>();
    for (const n of p.nodes) {
      const f = n.callFrame;
      const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*localhost:\d+/, '').replace(/\?.*$/, '')}:${f.lineNumber + 1}`;
      self.set(key, (self.get(key) ?? 0) + (dt.get(n.id) ?? 0));
    }
    console.log('self time (ms, CPU-throttled clock):');
    for (const [k, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${Math.round(ms).toString().padStart(7)}  ${k}`);
  }
} finally {
  await browser.close();
  await vite.close();
}
