// The field at 7:30 with no signal: the app, loaded once online, restarts offline from the
// service worker with its data, accepts a new entry that waits in the indicator, and sends it
// by itself when the network returns; a tab closed with a change waiting sends it at next start;
// the coordination's device then sees both.
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DOSSIER_LINK, login, newDevice, type RunningApp, useAppAndBrowser } from './harness';

let app: RunningApp;
let browser: Browser;

useAppAndBrowser((a, b) => { app = a; browser = b; });

const pending = (page: Page) => page.getByTestId('sync-indicator').getAttribute('data-pending');

/** On a salarié's livret: one observation of `category`, saved and waiting in the outbox. */
async function writeObservation(page: Page, category: string, text: string): Promise<void> {
  await page.getByRole('heading', { name: /Livret de suivi/ }).waitFor();
  await page.getByLabel(category).check();
  await page.getByRole('textbox', { name: 'Observation' }).fill(text);
  await page.getByRole('button', { name: 'Enregistrer l’observation' }).click();
  await page.getByText(text).waitFor();
  await expect.poll(() => pending(page)).toBe('1');
}

describe('PWA hors connexion', () => {
  it('restarts offline from the service worker, writes, and syncs alone when the network returns', async () => {
    const eti = await newDevice(browser);
    await login(eti.page, app.url, 'eti1');
    const firstSalarie = eti.page.locator(DOSSIER_LINK).first();
    await firstSalarie.waitFor({ timeout: 30_000 });
    const salarieName = (await firstSalarie.textContent()) ?? '';
    const salarieHref = (await firstSalarie.getAttribute('href')) ?? '';
    expect(salarieName).not.toBe('');
    await expect.poll(() => pending(eti.page), { timeout: 30_000 }).toBe('0');
    await eti.page.getByText(/Dernière synchro/).waitFor({ timeout: 30_000 });
    // The worker is installed and controls the page (clientsClaim): everything is precached.
    await eti.page.evaluate(async () => { await navigator.serviceWorker.ready; });
    await expect.poll(() => eti.page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 20_000 }).toBe(true);

    await eti.context.setOffline(true);
    const reloaded = await eti.page.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    await eti.page.getByRole('link', { name: salarieName }).first().waitFor({ timeout: 30_000 });
    await expect.poll(() => eti.page.getByTestId('sync-indicator').textContent()).toContain('Hors connexion');
    // The worker never answers for the API: offline, an API call fails instead of a stale answer.
    expect(await eti.page.evaluate(() => fetch('/api/sync/pull').then((r) => `answered ${r.status}`, () => 'network error'))).toBe('network error');

    const text = `Hors ligne au chantier, démarrage depuis le service worker ${Date.now()}`;
    await eti.page.locator(`a[href="${salarieHref}"]:visible`).first().click();
    await writeObservation(eti.page, 'Progrès techniques', text);
    await expect.poll(() => eti.page.getByTestId('sync-indicator').textContent()).toContain('1 modification en attente');

    // A route loaded for the first time offline comes from the precache too.
    await eti.page.getByRole('link', { name: 'Cette tablette' }).click();
    await eti.page.getByRole('heading', { name: 'Cette tablette' }).waitFor({ timeout: 20_000 });
    await expect.poll(() => eti.page.getByTestId('device-pending').textContent()).toBe('1 modification à envoyer');
    // The storage report is read after the page shows (a promise): wait for it.
    await expect.poll(() => eti.page.getByTestId('storage-persisted').getAttribute('data-persisted')).not.toBe('unknown');

    await eti.context.setOffline(false);
    await expect.poll(() => pending(eti.page), { timeout: 20_000 }).toBe('0');

    // Closing the tab with a change still waiting is safe and asks nothing: it leaves at next start.
    await eti.context.setOffline(true);
    const later = `Écrit hors ligne juste avant de fermer l’onglet ${Date.now()}`;
    await eti.page.goto(`${app.url}/${salarieHref}`);
    await writeObservation(eti.page, 'Atouts', later);
    let asked = false;
    eti.page.on('dialog', (d) => { asked = true; void d.dismiss(); });
    // The next tab is opened first so the profile never runs without a page while the first closes.
    const reopened = await eti.context.newPage();
    const closed = eti.page.waitForEvent('close');
    await eti.page.close({ runBeforeUnload: true });
    await closed;
    expect(asked).toBe(false);
    await eti.context.setOffline(false);
    await reopened.goto(app.url);
    await expect.poll(() => pending(reopened), { timeout: 20_000 }).toBe('0');

    const coordination = await newDevice(browser);
    await login(coordination.page, app.url, 'coordination');
    await coordination.page.getByText(text).waitFor({ timeout: 30_000 });
    await coordination.page.getByText(later).waitFor({ timeout: 30_000 });

    await Promise.all([eti.context.close(), coordination.context.close()]);
  });
});
