// Lighthouse bench (the npm package, Chromium from CHROME_PATH, default /usr/bin/chromium): the
// built app's sign-in page and the ETI's home (signed in, storage kept), with the mobile and
// desktop presets. Prints Performance / Accessibility / Best Practices and what lost points;
// targets ≥ 95 / 100 / 100. Asserts nothing.  Run: npx tsx bench/lighthouse.ts
import { mkdtempSync, rmSync } from 'node:fs';
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
const chrome = await chromeLauncher.launch({ chromePath: process.env['CHROME_PATH'], chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });

const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;

function print(label: string, lhr: Result): void {
  const score = (c: string) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
  console.log(`${label}: Performance ${score('performance')} / Accessibility ${score('accessibility')} / Best Practices ${score('best-practices')}`);
  const metric = (id: string) => lhr.audits[id]?.displayValue ?? '?';
  console.log(`  FCP ${metric('first-contentful-paint')}, LCP ${metric('largest-contentful-paint')}, TBT ${metric('total-blocking-time')}, CLS ${metric('cumulative-layout-shift')}, SI ${metric('speed-index')}`);
  for (const c of CATEGORIES) {
    for (const ref of lhr.categories[c]?.auditRefs ?? []) {
      const a = lhr.audits[ref.id];
      if (a === undefined || ref.weight === 0 || a.score === null || a.score >= 0.9) continue;
      console.log(`  - [${c}] ${a.id}: ${a.title}${a.displayValue ? ` (${a.displayValue})` : ''}`);
    }
  }
}

async function run(label: string, url: string, preset: 'mobile' | 'desktop', keepStorage: boolean): Promise<void> {
  const flags: Flags = { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES], disableStorageReset: keepStorage };
  const config: Config | undefined = preset === 'desktop' ? desktopConfig : undefined;
  const result = await lighthouse(url, flags, config);
  if (result === undefined) throw new Error(`Lighthouse n’a rien rendu pour ${label}`);
  print(`${label} (${preset})`, result.lhr);
}

try {
  for (const preset of ['mobile', 'desktop'] as const) await run('sign-in page', `${server.url}/`, preset, false);

  // Sign in once in the same Chromium, then audit the home with its storage (session, data) kept.
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
  const context = browser.contexts()[0] ?? await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByLabel('Identifiant').fill('eti1');
  await page.getByLabel('Mot de passe').fill('tremplin');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.locator('main a[href^="#/salarie/"]').first().waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => document.querySelector('[data-testid="sync-indicator"]')?.getAttribute('data-pending') === '0', null, { timeout: 60_000 });
  await page.close();
  for (const preset of ['mobile', 'desktop'] as const) await run('ETI home, signed in', `${server.url}/`, preset, true);
  await browser.close().catch(() => undefined);
} finally {
  chrome.kill();
  await server.close();
  rmSync(root, { recursive: true, force: true });
}
