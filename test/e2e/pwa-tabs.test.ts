// Two tabs of the same tablet (one profile, one IndexedDB) both write: the Web Lock lets only one
// of them talk to the sync API at a time, every change reaches the server exactly once, and
// both tabs end with nothing waiting. The sync requests are observed (and slowed) in transit.
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { PushResult } from '../../src/sync/protocol';
import { DOSSIER_LINK, login, newDevice, type RunningApp, useAppAndBrowser } from './harness';

let app: RunningApp;
let browser: Browser;

useAppAndBrowser((a, b) => { app = a; browser = b; });

const pending = (page: Page) => page.getByTestId('sync-indicator').getAttribute('data-pending');

async function writeEntry(page: Page, text: string) {
  await page.getByLabel('Atouts').check();
  await page.getByRole('textbox', { name: 'Observation' }).fill(text);
  await page.getByRole('button', { name: 'Enregistrer l’observation' }).click();
  await page.getByText(text).first().waitFor();
}

describe('deux onglets sur la même tablette', () => {
  it('sync one tab at a time and send each change once', async () => {
    // Once the service worker controls a page, Playwright's routes no longer see that page's
    // requests reliably (CI once saw the pulls but none of the pushes). The Web Lock, not the
    // service worker, is what this test is about, so the worker is kept out.
    const { context, page: tab1 } = await newDevice(browser, { serviceWorkers: 'block' });
    await login(tab1, app.url, 'eti1');
    const salarie = tab1.locator(DOSSIER_LINK).first();
    await salarie.waitFor({ timeout: 30_000 });
    const href = (await salarie.getAttribute('href')) ?? '';
    await expect.poll(() => pending(tab1), { timeout: 30_000 }).toBe('0');

    // From here on, watch every sync request of this profile, whichever tab sends it.
    let inFlight = 0;
    let maxInFlight = 0;
    const sentOpIds: string[] = [];
    const results: PushResult[] = [];
    await context.route('**/api/sync/**', async (route) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        if (route.request().url().includes('/api/sync/push')) {
          const body = route.request().postDataJSON() as { changes: { opId: string }[] };
          sentOpIds.push(...body.changes.map((c) => c.opId));
        }
        // Hold each request a little, so that two tabs syncing together would overlap.
        await new Promise((r) => setTimeout(r, 250));
        const response = await route.fetch();
        if (route.request().url().includes('/api/sync/push')) results.push(...((await response.json()) as { results: PushResult[] }).results);
        await route.fulfill({ response });
      } finally {
        inFlight--;
      }
    });

    const tab2 = await context.newPage();
    await tab2.goto(`${app.url}/${href}`);
    await tab1.goto(`${app.url}/${href}`);
    await Promise.all([tab1, tab2].map((t) => t.getByRole('heading', { name: /Livret de suivi/ }).waitFor({ timeout: 30_000 })));

    const stamp = Date.now();
    const written: string[] = [];
    for (let i = 0; i < 3; i++) {
      const a = `Onglet 1, note ${i} ${stamp}`;
      const b = `Onglet 2, note ${i} ${stamp}`;
      await Promise.all([writeEntry(tab1, a), writeEntry(tab2, b)]);
      written.push(a, b);
    }

    await expect.poll(async () => [await pending(tab1), await pending(tab2)], { timeout: 50_000 }).toEqual(['0', '0']);
    // Each tab sees the other's notes (same database).
    for (const text of written) {
      await tab1.getByText(text).waitFor();
      await tab2.getByText(text).waitFor();
    }

    expect(maxInFlight).toBe(1);
    expect(sentOpIds).toHaveLength(written.length);
    expect(new Set(sentOpIds).size).toBe(written.length);
    expect(results.filter((r) => r.status === 'applied')).toHaveLength(written.length);
    expect(results.filter((r) => r.status !== 'applied')).toEqual([]);
    await context.unrouteAll({ behavior: 'ignoreErrors' }); // a timer-driven sync may be in flight
    await context.close();
  });
});
