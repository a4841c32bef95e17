// An ETI's morning in Chromium, offline: « Aujourd'hui », move a salarié, a task refused for
// safety then an allowed one, the day's hours confirmed with one exception. Back online, the
// coordination sees the hours and downloads the month's CSV, whose figures match the ETI's.
// From Friday to Sunday the server's and the browser's clocks both run back to Thursday
// (weekdayShiftMs): the demo's whole team works Monday to Thursday.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { login, newDevice, seriousA11yViolations, type RunningApp, useAppAndBrowser, weekdayShiftMs } from './harness';
import { parseCsv, parseFrNumber } from '../../src/domain/production/exportCsv';

let app: RunningApp;
let browser: Browser;
// E2E_DAYS_AGO=3 runs the morning as if today were three days ago (to check a weekend on a Monday).
const daysAgoMs = Number(process.env['E2E_DAYS_AGO'] ?? 0) * 86_400_000;
const shiftMs = daysAgoMs + weekdayShiftMs(Date.now() - daysAgoMs);

useAppAndBrowser((a, b) => { app = a; browser = b; }, { shiftMs });

describe('la matinée de l’encadrant', () => {
  it('plans, assigns and confirms hours offline; the coordination exports matching figures', async () => {
    const eti = await newDevice(browser, { shiftMs });
    const page = eti.page;
    await login(page, app.url, 'eti1');
    await page.getByRole('heading', { name: /Mes équipes aujourd’hui/ }).waitFor();
    await page.getByRole('button', { name: /^Déplacer / }).first().waitFor({ timeout: 20_000 });
    // Thierry joined three weeks ago and his accueil checklist is not started: reminded here.
    await page.getByTestId('accueil-reminder').getByRole('link', { name: 'Thierry Garnier' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Offline, the screens and panels loaded on demand (relevé, task panel) and the entity schemas
    // of the first write come from the service worker's precache: a tablet has it, once installed.
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 20_000 }).toBe(true);
    await eti.context.setOffline(true);
    await expect.poll(() => page.getByTestId('sync-indicator').textContent()).toContain('Hors connexion');

    // Move the first salarié of the day to another slot.
    const move = page.getByRole('button', { name: /^Déplacer / }).first();
    const moved = ((await move.getAttribute('aria-label')) ?? '').replace('Déplacer ', '');
    await move.click();
    await page.getByRole('button', { name: /^Vers / }).first().click();
    await page.getByText(`${moved} est maintenant sur`).waitFor();
    await page.getByRole('region', { name: /^Déplacer / }).getByRole('button', { name: 'Fermer' }).click();

    // A brushcutter task for someone who has not acquired it: refused with the reason.
    const taskButtons = page.getByRole('button', { name: /^Tâche de / });
    let refusedFor = '';
    for (let i = 0; i < (await taskButtons.count()) && refusedFor === ''; i++) {
      await taskButtons.nth(i).click();
      const panel = page.getByRole('region', { name: /^Tâche de / });
      await panel.getByLabel('Reprendre une tâche connue').selectOption('Débroussaillage du talus');
      if (await panel.getByText('Décision : Refusé').isVisible()) {
        refusedFor = ((await taskButtons.nth(i).getAttribute('aria-label')) ?? '').replace('Tâche de ', '');
        await panel.getByRole('button', { name: 'Affecter la tâche' }).click();
        await panel.getByRole('alert').getByText(/Compétence de sécurité non acquise/).waitFor();
        // Then an allowed one: hand weeding.
        await panel.getByLabel('Reprendre une tâche connue').selectOption('Désherbage manuel des massifs');
        await panel.getByRole('button', { name: 'Affecter la tâche' }).click();
        await panel.getByText(/Tâche enregistrée/).waitFor();
      }
      await panel.getByRole('button', { name: 'Fermer' }).click();
    }
    expect(refusedFor).not.toBe('');

    // The day's hours: one tap, then one exception.
    await page.getByRole('link', { name: 'Relevé d’heures' }).first().click();
    await page.getByRole('heading', { name: /Relevé d’heures/ }).waitFor();
    await page.getByRole('button', { name: /Journée conforme au planning \(\d+\)/ }).click();
    await page.getByText(/Journée conforme enregistrée pour \d+ salarié/).waitFor();
    const exception = page.getByRole('button', { name: /^Exception pour / }).first();
    const who = ((await exception.getAttribute('aria-label')) ?? '').replace('Exception pour ', '');
    await exception.click();
    const form = page.getByRole('form', { name: `Exception pour ${who}` });
    await form.getByLabel('Heures travaillées').fill('2');
    await form.getByLabel('Absence', { exact: true }).selectOption('maladie');
    await form.getByLabel('Heures d’absence').fill('3,5');
    await form.getByRole('button', { name: 'Enregistrer l’exception' }).click();
    await page.getByText('2 h travaillées · Maladie 3,5 h').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    const monthWorked = (await page.getByRole('row', { name: new RegExp(who) }).locator('td').nth(2).textContent()) ?? '';
    expect(Number(await page.getByTestId('sync-indicator').getAttribute('data-pending'))).toBeGreaterThan(2);

    await eti.context.setOffline(false);
    await expect.poll(() => page.getByTestId('sync-indicator').getAttribute('data-pending'), { timeout: 30_000 }).toBe('0');

    // The coordination's device: the month's hours and the CSV.
    const coord = await newDevice(browser, { shiftMs });
    await login(coord.page, app.url, 'coordination');
    await coord.page.goto(`${app.url}/#/heures`);
    await coord.page.getByRole('heading', { name: 'Heures du mois' }).waitFor();
    const month = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.now() - shiftMs));
    await coord.page.getByLabel(month).check();
    const row = coord.page.getByRole('row', { name: new RegExp(who.split(' ').reverse().join(' ')) });
    await expect.poll(() => row.locator('td').nth(1).textContent(), { timeout: 30_000 }).toBe(monthWorked);
    expect(await seriousA11yViolations(coord.page)).toEqual([]);

    const [download] = await Promise.all([coord.page.waitForEvent('download'), coord.page.getByRole('link', { name: /Télécharger le CSV/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^heures-.+-\d{4}-\d{2}\.csv$/);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString('utf8'));
    const [first, ...last] = who.split(' ');
    const line = rows.find((r) => r[3] === first && r[2] === last.join(' '));
    expect(line).toBeDefined();
    expect(parseFrNumber(line![5]!)).toBe(parseFrNumber(monthWorked.replace(' h', '')));
    expect(parseFrNumber(line![6]!)).toBeGreaterThanOrEqual(3.5);

    await Promise.all([eti.context.close(), coord.context.close()]);
  });
});
