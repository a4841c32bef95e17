// Production benchmarks; prints figures, asserts nothing. Targets (issue 4): the week view of a
// team renders in ≤ 50 ms and a tap-to-saved assignment takes ≤ 100 ms in Chromium with the CPU
// throttled ×4; the monthly export of 60 salariés takes ≤ 1 s.
// Run: npx vite build && npx tsx bench/production.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../src/server/main';
import { ABSENCE_TYPES } from '../src/domain/entities';
import { addDays } from '../src/domain/rules/dates';
import { monthTotals, type TimeEntryFacts } from '../src/domain/production/hours';
import { buildMonthCsv } from '../src/domain/production/exportCsv';
import { growTeam } from './productionTeam';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

// 1. Monthly export of 60 salariés (pure, as the coordinator's device runs it).
{
  const entries: TimeEntryFacts[] = [];
  for (let s = 0; s < 60; s++) {
    for (let d = 0; d < 30; d++) {
      const date = addDays('2026-11-01', d);
      entries.push({ salarieId: `s${s}`, date, hours: d % 7 === 3 ? 0 : 6.5, absence: d % 7 === 3 ? ABSENCE_TYPES[s % ABSENCE_TYPES.length]! : null, absenceHours: d % 7 === 3 ? 6.5 : null, lateMinutes: d % 11 === 0 ? 10 : null });
    }
  }
  const runs: number[] = [];
  let size = 0;
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    const totals = monthTotals(entries, '2026-11');
    const csv = buildMonthCsv('2026-11', [...totals].map(([id, t]) => ({ salarieId: id, lastName: `Nom ${id}`, firstName: 'Prénom', weeklyHours: 26, totals: t })));
    runs.push(performance.now() - t0);
    size = csv.length;
  }
  console.log(`Export mensuel, 60 salariés (${entries.length} relevés, ${size} caractères) : médiane ${median(runs).toFixed(2)} ms (cible ≤ 1000 ms)`);
}

// 2. Week view and tap-to-saved in Chromium, CPU ×4, on the demo structure with eti1's first team
// grown to 12 salariés.
const dataDir = mkdtempSync(join(tmpdir(), 'tremplin-bench-prod-'));
// DIST=other/dist compares another build (A/B) under the same conditions.
const server = await startServer({ port: 0, dataDir, demo: true, quiet: true, ...(process.env['DIST'] !== undefined ? { distDir: process.env['DIST'] } : {}) });
await growTeam(server, 12);
const browser = await chromium.launch({ executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByLabel('Identifiant').fill('eti1');
  await page.getByLabel('Mot de passe').fill('tremplin');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  const semaine = page.getByRole('link', { name: 'Semaine' }).first();
  await semaine.waitFor({ timeout: 30_000 });
  const href = (await semaine.getAttribute('href')) ?? '';
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  // Open the week from « Aujourd'hui », as every morning: the home has warmed this week in memory
  // when idle, so this is the paint from memory (the live read refreshes it after).
  const openWeek = (target: string, settleMs: number) => page.evaluate(async ({ target, settleMs }) => {
    location.hash = '#/';
    await new Promise((r) => setTimeout(r, settleMs));
    const t0 = performance.now();
    location.hash = target;
    // Until the frame that shows the rows has been painted: the rows are found in a frame's
    // animation callback (before its style, layout and paint), then a task posted from there runs
    // after that frame. (Until session 3 the time stopped at the callback, without that frame.)
    // A shown table: « Aujourd'hui » builds its first team's week ahead, kept hidden (ScreenStack).
    // (No named function here: tsx would wrap it in a helper the page does not have.)
    while (![...document.querySelectorAll('table.week tbody tr')].some((r) => r.closest('.kept') === null)) await new Promise((r) => requestAnimationFrame(r));
    await new Promise((r) => setTimeout(r, 0));
    return performance.now() - t0;
  }, { target, settleMs });
  const renders: number[] = [];
  for (let i = 0; i < 7; i++) renders.push(await openWeek(href, Number(process.env["SETTLE_MS"] ?? 1500)));
  const people = await page.locator('.screen-slot:not(.kept) table.week tbody tr').count();
  console.log(`Vue semaine (${people} salariés) ouverte depuis « Aujourd’hui », CPU ×4 : médiane ${median(renders).toFixed(1)} ms (cible ≤ 50 ms ; essais : ${renders.map(Math.round).join(", ")})`);
  // A week never opened nor read ahead (every third week from now: an opened week reads its two
  // neighbours when idle): the reads from IndexedDB, then the render.
  const cold: number[] = [];
  const base = /\/(\d{4}-\d{2}-\d{2})$/.exec(href)?.[1];
  const teamHref = href.replace(/\/\d{4}-\d{2}-\d{2}$/, '');
  const monday0 = base ?? (await page.evaluate(() => { const d = new Date(); d.setDate(d.getDate() - ((d.getDay() + 6) % 7)); return d.toISOString().slice(0, 10); }));
  for (let i = 1; i <= 7; i++) cold.push(await openWeek(`${teamHref}/${addDays(monday0, 21 * i)}`, 300));
  console.log(`Vue semaine jamais ouverte (lecture IndexedDB comprise), CPU ×4 : médiane ${median(cold).toFixed(1)} ms (essais : ${cold.map(Math.round).join(", ")})`);
  // « Semaine suivante » from a week shown for a while: the week view announced its neighbours and
  // the screen stack built them, hidden, when idle; the tap shows the next week (until painted).
  const nextWeek: number[] = [];
  const nextMonday = addDays(monday0, 7);
  for (let i = 0; i < 7; i++) {
    nextWeek.push(await page.evaluate(async ({ here, next, nextMonday }) => {
      location.hash = here;
      await new Promise((r) => setTimeout(r, 1500));
      const t0 = performance.now();
      location.hash = next;
      while (![...document.querySelectorAll(`td[data-cell$="|${nextMonday}"]`)].some((c) => c.closest('.kept') === null)) await new Promise((r) => requestAnimationFrame(r));
      await new Promise((r) => setTimeout(r, 0));
      return performance.now() - t0;
    }, { here: `${teamHref}/${monday0}`.replace(/^#/, ''), next: `${teamHref}/${nextMonday}`.replace(/^#/, ''), nextMonday }));
  }
  console.log(`« Semaine suivante » depuis une semaine affichée, CPU ×4 : médiane ${median(nextWeek).toFixed(1)} ms (cible ≤ 50 ms ; essais : ${nextWeek.map(Math.round).join(", ")})`);
  await openWeek(href, 300);

  const taps: number[] = [];
  const cells = page.locator('.screen-slot:not(.kept) table.week tbody tr button.cell');
  const n = await cells.count();
  for (let i = 0; i < Math.min(7, n); i++) {
    await cells.nth(i).click();
    const slot = page.getByRole('region', { name: /—/ }).locator('.choices button').first();
    if (!(await slot.isVisible().catch(() => false))) { await page.getByRole('button', { name: 'Fermer' }).click(); continue; }
    const ms = await slot.evaluate(async (b: HTMLElement) => {
      const before = b.getAttribute('aria-pressed');
      const t0 = performance.now();
      b.click();
      while (document.querySelector('.panel .choices button')?.getAttribute('aria-pressed') === before) await new Promise((r) => requestAnimationFrame(r));
      return performance.now() - t0;
    });
    taps.push(ms);
    await page.getByRole('button', { name: 'Fermer' }).click();
  }
  console.log(`Affectation, appui → enregistré et affiché (${taps.length} essais), CPU ×4 : médiane ${median(taps).toFixed(1)} ms (cible ≤ 100 ms)`);
} finally {
  await browser.close();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}
