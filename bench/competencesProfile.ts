// Profiles bench/competencesBrowser.ts phase by phase (CDP Profiler, CPU throttled ×4) and prints
// the heaviest functions by self time per phase: where the competence screens spend their time.
// Run: npx tsx bench/competencesProfile.ts   (PHASES=matrix,level,livret to choose)
import { createServer } from 'vite';
import preact from '@preact/preset-vite';
import { chromium } from 'playwright-core';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

const vite = await createServer({ configFile: false, root: process.cwd(), logLevel: 'error', plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false })], mode: 'production', define: { 'process.env.NODE_ENV': '"production"' }, server: { port: 0 } });
await vite.listen();
const address = vite.httpServer?.address();
const port = typeof address === 'object' && address !== null ? address.port : 0;
const browser = await chromium.launch({ executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
interface TraceEvent { name: string; ph: string; ts: number; dur?: number; tid: number; args?: { name?: string } }

/** The main thread's top-level tasks in order, each with its time by kind (TIMELINE=1). */
function printTimeline(phase: string, events: TraceEvent[]): void {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')?.tid;
  const xs = events.filter((e) => e.tid === main && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts);
  const tasks = xs.filter((e) => e.name === 'RunTask');
  const t0 = tasks[0]?.ts ?? 0;
  console.log(`\n== ${phase} (main thread timeline, ms)`);
  const kinds = ['FunctionCall', 'TimerFire', 'FireAnimationFrame', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'MinorGC', 'MajorGC', 'HitTest'];
  for (const t of tasks) {
    if ((t.dur ?? 0) < 500) continue;
    const end = t.ts + (t.dur ?? 0);
    const parts = kinds.map((k) => [k, xs.filter((e) => e.name === k && e.ts >= t.ts && e.ts < end).reduce((s, e) => s + (e.dur ?? 0), 0) / 1000] as const)
      .filter(([, v]) => v >= 0.5).map(([k, v]) => `${k} ${v.toFixed(1)}`);
    console.log(`${((t.ts - t0) / 1000).toFixed(1).padStart(7)} +${((t.dur ?? 0) / 1000).toFixed(1).padStart(6)}  ${parts.join(', ')}`);
    if (process.env['DETAIL'] === '1') {
      // Every event of ≥ 0.3 ms inside the task, indented by nesting.
      const inner = xs.filter((e) => e.ts >= t.ts && e.ts < end && e !== t && (e.dur ?? 0) >= 300);
      const stack: number[] = [];
      for (const e of inner) {
        while (stack.length > 0 && e.ts >= stack[stack.length - 1]!) stack.pop();
        console.log(`${' '.repeat(12 + 2 * stack.length)}${e.name} ${((e.dur ?? 0) / 1000).toFixed(1)}`);
        stack.push(e.ts + (e.dur ?? 0));
      }
    }
  }
}

const phases = new Set((process.env['PHASES'] ?? 'matrix,level,livret').split(','));
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
  const trace = process.env['TRACE'] === '1';
  await page.exposeFunction('benchHook', async (phase: string, edge: string) => {
    if (!phases.has(phase)) return;
    if (trace || process.env['TIMELINE'] === '1') {
      // Native time by kind (style, layout, paint, IndexedDB…): what a JS profile calls (program).
      if (edge === 'start') { await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] }); return; }
      const buf = await browser.stopTracing();
      const events = (JSON.parse(buf.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
      if (process.env['TIMELINE'] === '1') { printTimeline(phase, events); return; }
      const byName = new Map<string, number>();
      for (const e of events) if (e.ph === 'X' && e.dur !== undefined) byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur / 1000);
      console.log(`\n== ${phase} (trace, inclusive ms by event)`);
      for (const [k, v] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`${v.toFixed(1).padStart(8)} ms  ${k}`);
      return;
    }
    if (edge === 'start') { await cdp.send('Profiler.start'); return; }
    const { profile } = await cdp.send('Profiler.stop') as { profile: Profile };
    const self = new Map<string, number>();
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    let total = 0;
    profile.samples.forEach((id, i) => {
      const n = byId.get(id);
      const dt = (profile.timeDeltas[i] ?? 0) / 1000;
      total += dt;
      if (n === undefined) return;
      const f = n.callFrame;
      const key = `${f.functionName || '(anon)'} ${f.url.replace(/^.*\/(src|node_modules|bench)\//, '$1/').replace(/\?.*$/, '')}:${f.lineNumber + 1}`;
      self.set(key, (self.get(key) ?? 0) + dt);
    });
    const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 25);
    console.log(`\n== ${phase}: ${Math.round(total)} ms sampled`);
    for (const [k, v] of top) console.log(`${v.toFixed(1).padStart(8)} ms  ${k}`);
  });
  await page.goto(`http://localhost:${port}/@vite/client`);
  await page.setContent('<!doctype html><html lang="fr"><body><div id="root"></div></body></html>');
  await page.addStyleTag({ url: `http://localhost:${port}/src/ui/styles.css?direct` });
  await page.addScriptTag({ type: 'module', content: `import('http://localhost:${port}/src/ui/competences/Matrice.tsx')` });
  await page.waitForTimeout(3000);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(process.env['CPU'] ?? '4') });
  await page.addScriptTag({ type: 'module', url: `http://localhost:${port}/bench/competencesBrowser.ts` });
  await page.waitForFunction(() => window.benchResult !== undefined || window.benchError !== undefined, null, { timeout: 600_000 });
  console.log(JSON.stringify(await page.evaluate(() => window.benchResult ?? window.benchError)));
} finally {
  await browser.close();
  await vite.close();
}
