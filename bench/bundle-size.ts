// Bundle bench: the gzipped JavaScript the login screen and the ETI home actually load in
// Chromium (targets, issue 13: ≤ 80 KB for the login screen, ≤ 95 KB for login + ETI home),
// each chunk's size, and what the entry and the app's chunk are made of by package (from their
// source maps), to see where to split next. Prints; asserts nothing.
// « login + ETI home » counts every script loaded until the network is idle after the home's
// data is shown, so it includes the screens the home builds ahead when the tablet is idle (its
// team's week, the matrix), when they come before the network is idle.
// Run: npx tsx bench/bundle-size.ts
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { chromium, type Page } from 'playwright-core';
import { SourceMapConsumer } from 'source-map-js';
import { startServer } from '../src/server/main';

const root = mkdtempSync(join(tmpdir(), 'tremplin-bundle-'));
const outDir = join(root, 'dist');
await build({ logLevel: 'error', build: { outDir, emptyOutDir: true, sourcemap: 'hidden' } });
const server = await startServer({ port: 0, dataDir: mkdtempSync(join(root, 'data-')), demo: true, quiet: true, distDir: outDir });
const browser = await chromium.launch({ executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const gz = (file: string) => gzipSync(readFileSync(join(outDir, file)), { level: 9 }).length;

function scriptsSeen(page: Page): Set<string> {
  const seen = new Set<string>();
  page.on('response', (r) => {
    const path = new URL(r.url()).pathname;
    if (r.request().resourceType() === 'script' && path.endsWith('.js')) seen.add(path.slice(1));
  });
  return seen;
}

function report(label: string, files: Iterable<string>, target?: number): void {
  let raw = 0;
  let zipped = 0;
  for (const f of files) {
    raw += readFileSync(join(outDir, f)).length;
    zipped += gz(f);
  }
  console.log(`${label}: ${kb(zipped)} gzipped (${kb(raw)} raw)${target === undefined ? '' : ` — target ≤ ${target} KB gzipped`}`);
}

/** Bytes of minified output per package (or src/ folder), from the chunk's source map. */
function composition(file: string): [string, number][] {
  const code = readFileSync(join(outDir, file), 'utf8');
  const lines = code.split('\n');
  const map = new SourceMapConsumer(JSON.parse(readFileSync(join(outDir, `${file}.map`), 'utf8')));
  const sizes = new Map<string, number>();
  let prev: { key: string; line: number; col: number } | undefined;
  const bucket = (source: string | null) => {
    if (source === null) return '(glue)';
    const nm = source.lastIndexOf('node_modules/');
    if (nm >= 0) {
      const parts = source.slice(nm + 'node_modules/'.length).split('/');
      return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
    }
    const src = source.indexOf('src/');
    return src >= 0 ? source.slice(src).split('/').slice(0, 2).join('/') : source;
  };
  const add = (key: string, n: number) => sizes.set(key, (sizes.get(key) ?? 0) + n);
  map.eachMapping((m) => {
    if (prev !== undefined) add(prev.key, m.generatedLine === prev.line ? m.generatedColumn - prev.col : (lines[prev.line - 1]?.length ?? 0) - prev.col);
    prev = { key: bucket(m.source), line: m.generatedLine, col: m.generatedColumn };
  });
  return [...sizes.entries()].sort((a, b) => b[1] - a[1]);
}

try {
  const page = await (await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 800 } })).newPage();
  const seen = scriptsSeen(page);
  await page.goto(server.url, { waitUntil: 'networkidle' });
  await page.getByLabel('Identifiant').waitFor();
  const atLogin = new Set(seen);
  await page.getByLabel('Identifiant').fill('eti1');
  await page.getByLabel('Mot de passe').fill('tremplin');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.locator('main a[href^="#/salarie/"]').first().waitFor({ timeout: 60_000 }); // the home's data is shown
  await page.waitForLoadState('networkidle');
  const atHome = new Set(seen);

  console.log('chunks (gzipped):');
  const all = readdirSync(join(outDir, 'assets')).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`);
  for (const f of all.sort((a, b) => gz(b) - gz(a))) {
    const when = atLogin.has(f) ? 'login' : atHome.has(f) ? 'ETI home' : 'on demand';
    console.log(`  ${f.padEnd(40)} ${kb(gz(f)).padStart(9)}  (${when})`);
  }
  report('login screen', atLogin, 80);
  report('login + ETI home', atHome, 95);
  const entry = [...atLogin].find((f) => f.startsWith('assets/index-'));
  const app = [...atHome].find((f) => f.startsWith('assets/fullApp-'));
  for (const chunk of [entry, app]) {
    if (chunk === undefined) continue;
    console.log(`${chunk} by origin (minified bytes):`);
    for (const [key, n] of composition(chunk).slice(0, 15)) console.log(`  ${key.padEnd(34)} ${kb(n).padStart(9)}`);
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(root, { recursive: true, force: true });
}
