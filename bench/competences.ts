// Competence and livret benchmarks in Chromium (prints figures, asserts nothing): the matrix of
// 30 salariés × 60 competences rendering (target ≤ 50 ms), a level change saved in two taps
// (target ≤ 100 ms) and a livret of 500 entries opening (target ≤ 100 ms), CPU throttled ×4 by
// default (CPU=1 for none). Run: npx tsx bench/competences.ts
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
  const cpu = Number(process.env['CPU'] ?? '4');
  // A blank page of the dev server's origin, then the bench module (no HTML file needed).
  await page.goto(`http://localhost:${port}/@vite/client`);
  await page.setContent('<!doctype html><html lang="fr"><body><div id="root"></div></body></html>');
  await page.addStyleTag({ url: `http://localhost:${port}/src/ui/styles.css?direct` });
  // Warm the module graph unthrottled: the bench measures screens, not Vite's transforms.
  await page.addScriptTag({ type: 'module', content: `import('http://localhost:${port}/src/ui/competences/Matrice.tsx')` });
  await page.waitForTimeout(3000);
  const cdp = await page.context().newCDPSession(page);
  if (cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  // WARM_RUNS: how many warm opens of the matrix (5 by default; more to compare two builds).
  await page.evaluate((n) => { window.benchWarmRuns = n; }, Number(process.env['WARM_RUNS'] ?? '5'));
  await page.addScriptTag({ type: 'module', url: `http://localhost:${port}/bench/competencesBrowser.ts` });
  await page.waitForFunction(() => window.benchResult !== undefined || window.benchError !== undefined, null, { timeout: 600_000 });
  const out = await page.evaluate(() => window.benchResult ?? window.benchError);
  console.log(`compétences (CPU ×${cpu}):`, JSON.stringify(out, null, 2));
} finally {
  await browser.close();
  await vite.close();
}
