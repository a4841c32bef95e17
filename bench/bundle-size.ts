// Bundle bench: the gzipped JavaScript the login screen and the ETI home actually load in
// Chromium (targets, issue 13: ≤ 80 KB for the login screen, ≤ 95 KB for login + ETI home),
// each chunk's size, and what the entry and the app's chunk are made of by package (from their
// source maps), to see where to split next. Prints; asserts nothing.
// « login + ETI home » (the target's figure) counts every script loaded until the network is idle
// after the home's data is shown, in a page whose idle callbacks never run: the home itself, not
// the screens it builds ahead when the tablet is idle (its team's week, the matrix — code of other
// screens, fetched ahead of their visit). Until 2026-12-06 those were counted whenever they came
// before the network was idle, so the figure swung by ~13 KB between runs; they are now measured
// apart, in a second sign-in with idle callbacks running, waiting until no script has come for 3 s
// (« + built ahead when idle »).
// Run: npx tsx bench/bundle-size.ts   (BY_FILE=40 also lists the app chunk's 40 largest files)
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
function composition(file: string, byFile = false): [string, number][] {
  const code = readFileSync(join(outDir, file), 'utf8');
  const lines = code.split('\n');
  const map = new SourceMapConsumer(JSON.parse(readFileSync(join(outDir, `${file}.map`), 'utf8')));
  const sizes = new Map<string, number>();
  let prev: { key: string; line: number; col: number } | undefined;
  const bucket = (source: string | null) => {
    if (source === null) return '(glue)';
    const nm = source.lastIndexOf('node_modules/');
    if (byFile) return nm >= 0 ? source.slice(nm + 'node_modules/'.length) : source.slice(Math.max(0, source.indexOf('src/')));
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

/**
 * Signs in as eti1 in a fresh profile: the scripts of the sign-in screen, and those loaded until
 * the home's data is shown and the network is idle. `idle: false` stubs requestIdleCallback so
 * nothing the home defers to an idle moment runs (the build-ahead of the week and the matrix);
 * `idle: true` lets it run and waits until no script has come for 3 s (20 s at most).
 */
async function signIn(idle: boolean): Promise<{ atLogin: Set<string>; atHome: Set<string> }> {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 800 } });
  if (!idle) await context.addInitScript(() => { window.requestIdleCallback = () => 0; window.cancelIdleCallback = () => undefined; });
  const page = await context.newPage();
  const seen = scriptsSeen(page);
  await page.goto(server.url, { waitUntil: 'networkidle' });
  await page.getByLabel('Identifiant').waitFor();
  const atLogin = new Set(seen);
  await page.getByLabel('Identifiant').fill('eti1');
  await page.getByLabel('Mot de passe').fill('tremplin');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.locator('main a[href^="#/salarie/"]').first().waitFor({ timeout: 60_000 }); // the home's data is shown
  await page.waitForLoadState('networkidle');
  if (idle) {
    const until = Date.now() + 20_000;
    for (let count = -1; count !== seen.size && Date.now() < until;) {
      count = seen.size;
      await page.waitForTimeout(3000);
    }
  }
  const atHome = new Set(seen);
  await context.close();
  return { atLogin, atHome };
}

try {
  const { atLogin, atHome } = await signIn(false);
  const ahead = (await signIn(true)).atHome;

  console.log('chunks (gzipped):');
  const all = readdirSync(join(outDir, 'assets')).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`);
  for (const f of all.sort((a, b) => gz(b) - gz(a))) {
    const when = atLogin.has(f) ? 'login' : atHome.has(f) ? 'ETI home' : ahead.has(f) ? 'built ahead when idle' : 'on demand';
    console.log(`  ${f.padEnd(40)} ${kb(gz(f)).padStart(9)}  (${when})`);
  }
  report('login screen', atLogin, 80);
  report('login + ETI home', atHome, 95);
  report('login + ETI home + built ahead when idle (week, matrix)', new Set([...atHome, ...ahead]));
  const entry = [...atLogin].find((f) => f.startsWith('assets/index-'));
  const app = [...atHome].find((f) => f.startsWith('assets/fullApp-'));
  for (const chunk of [entry, app]) {
    if (chunk === undefined) continue;
    console.log(`${chunk} by origin (minified bytes):`);
    for (const [key, n] of composition(chunk).slice(0, 15)) console.log(`  ${key.padEnd(34)} ${kb(n).padStart(9)}`);
  }
  // BY_FILE=40 lists the app chunk's 40 largest source files (minified bytes), to see what to split next.
  const byFile = Number(process.env['BY_FILE'] ?? 0);
  if (app !== undefined && byFile > 0) {
    console.log(`${app} by file (minified bytes):`);
    for (const [key, n] of composition(app, true).slice(0, byFile)) console.log(`  ${key.padEnd(60)} ${kb(n).padStart(9)}`);
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(root, { recursive: true, force: true });
}
