// Lighthouse bench (the npm package, Chromium from CHROME_PATH, default /usr/bin/chromium): the
// built app's sign-in page and the ETI's home (signed in, storage kept), with the mobile and
// desktop presets. Prints Performance / Accessibility / Best Practices and what lost points;
// targets ≥ 95 / 100 / 100. Asserts nothing.  Run: npx tsx bench/lighthouse.ts
// COMPRESS=1 puts a gzip proxy in front of the server, to see what a compressing deploy
// (reverse proxy, or compression in the server) would score.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import lighthouse, { desktopConfig, type Config, type Flags, type Result } from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { chromium } from 'playwright-core';
import { startServer } from '../src/server/main';

process.env['CHROME_PATH'] ??= '/usr/bin/chromium';
const root = mkdtempSync(join(tmpdir(), 'tremplin-lh-'));
const outDir = join(root, 'dist');
await build({ logLevel: 'error', build: { outDir, emptyOutDir: true } });
const server = await startServer({ port: 0, dataDir: mkdtempSync(join(root, 'data-')), demo: true, quiet: true, distDir: outDir });
const compressing = process.env['COMPRESS'] === '1' ? await gzipProxy(server.url) : undefined;
const baseUrl = compressing?.url ?? server.url;
const chrome = await chromeLauncher.launch({ chromePath: process.env['CHROME_PATH'], chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });

const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;

/** A minimal reverse proxy that gzips text answers, as nginx or Caddy would in production. */
async function gzipProxy(target: string): Promise<{ url: string; server: Server }> {
  const upstream = new URL(target);
  const proxy = createServer((req, res) => {
    const headers = { ...req.headers, host: upstream.host };
    delete headers['accept-encoding'];
    const up = request({ host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers }, (ures) => {
      const chunks: Buffer[] = [];
      ures.on('data', (c: Buffer) => chunks.push(c));
      ures.on('end', () => {
        let body = Buffer.concat(chunks);
        const out = { ...ures.headers };
        if (/gzip/.test(String(req.headers['accept-encoding'] ?? '')) && /text|javascript|json|svg/.test(String(out['content-type'] ?? '')) && body.length > 1024) {
          body = gzipSync(body);
          out['content-encoding'] = 'gzip';
          out['vary'] = 'Accept-Encoding';
        }
        out['content-length'] = String(body.length);
        delete out['transfer-encoding'];
        res.writeHead(ures.statusCode ?? 502, out).end(body);
      });
    });
    up.on('error', () => res.writeHead(502).end());
    req.pipe(up);
  });
  await new Promise<void>((ok) => proxy.listen(0, '127.0.0.1', ok));
  const address = proxy.address();
  return { url: `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`, server: proxy };
}

function print(label: string, lhr: Result): void {
  const score = (c: string) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
  console.log(`${label}: Performance ${score('performance')} / Accessibility ${score('accessibility')} / Best Practices ${score('best-practices')}`);
  const metric = (id: string) => lhr.audits[id]?.displayValue ?? '?';
  console.log(`  FCP ${metric('first-contentful-paint')}, LCP ${metric('largest-contentful-paint')}, TBT ${metric('total-blocking-time')}, CLS ${metric('cumulative-layout-shift')}, SI ${metric('speed-index')}`);
  for (const c of CATEGORIES) {
    for (const ref of lhr.categories[c]?.auditRefs ?? []) {
      const a = lhr.audits[ref.id];
      // Weightless performance audits are the hints (compression, unused JS…): worth showing.
      if (a === undefined || (ref.weight === 0 && c !== 'performance') || a.score === null || a.score >= 0.9) continue;
      console.log(`  - [${c}] ${a.id}: ${a.title}${a.displayValue ? ` (${a.displayValue})` : ''}`);
    }
  }
}

/** LH_RUNS runs per page and preset; the run with the median Performance score is printed. */
const RUNS = Number(process.env['LH_RUNS'] ?? '1');

async function run(label: string, url: string, preset: 'mobile' | 'desktop', keepStorage: boolean): Promise<void> {
  const flags: Flags = { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES], disableStorageReset: keepStorage };
  const config: Config | undefined = preset === 'desktop' ? desktopConfig : undefined;
  const results: Result[] = [];
  for (let i = 0; i < RUNS; i++) {
    const result = await lighthouse(url, flags, config);
    if (result === undefined) throw new Error(`Lighthouse n’a rien rendu pour ${label}`);
    results.push(result.lhr);
  }
  const perf = (r: Result) => r.categories['performance']?.score ?? 0;
  results.sort((a, b) => perf(a) - perf(b));
  const runs = RUNS > 1 ? `, median of ${RUNS} runs: Performance ${results.map((r) => Math.round(perf(r) * 100)).join('/')}` : '';
  print(`${label} (${preset}${runs})`, results[Math.floor(results.length / 2)]!);
}

try {
  for (const preset of ['mobile', 'desktop'] as const) await run(`sign-in page${compressing ? ', gzip' : ''}`, `${baseUrl}/`, preset, false);

  // Sign in once in the same Chromium, then audit the home with its storage (session, data) kept.
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
  const context = browser.contexts()[0] ?? await browser.newContext();
  const page = await context.newPage();
  await page.goto(baseUrl);
  await page.getByLabel('Identifiant').fill('eti1');
  await page.getByLabel('Mot de passe').fill('tremplin');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.locator('main a[href^="#/salarie/"]').first().waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => document.querySelector('[data-testid="sync-indicator"]')?.getAttribute('data-pending') === '0', null, { timeout: 60_000 });
  await page.close();
  for (const preset of ['mobile', 'desktop'] as const) await run(`ETI home, signed in${compressing ? ', gzip' : ''}`, `${baseUrl}/`, preset, true);
  await browser.close().catch(() => undefined);
} finally {
  chrome.kill();
  compressing?.server.close();
  await server.close();
  rmSync(root, { recursive: true, force: true });
}
