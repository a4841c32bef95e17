// The manifest and service worker make Chromium consider Tremplin installable (in a normal,
// persistent profile: incognito contexts are never installable), and axe finds no serious or
// critical violation on the device page and the refused-changes page.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { login, newDevice, seriousA11yViolations, TABLET, type RunningApp, useAppAndBrowser } from './harness';

let app: RunningApp;
let browser: Browser;

useAppAndBrowser((a, b) => { app = a; browser = b; });

describe('installation et accessibilité', () => {
  it('is reported installable by Chromium, with a French manifest', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'tremplin-profile-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: TABLET, locale: 'fr-FR',
    });
    try {
      const page = context.pages()[0] ?? await context.newPage();
      await page.goto(app.url);
      await page.getByLabel('Identifiant').waitFor();
      await page.evaluate(async () => { await navigator.serviceWorker.ready; });
      const cdp = await context.newCDPSession(page);
      const manifest = await cdp.send('Page.getAppManifest') as { errors: unknown[]; data?: string };
      expect(manifest.errors).toEqual([]);
      expect(JSON.parse(manifest.data ?? '{}')).toMatchObject({ lang: 'fr', short_name: 'Tremplin', display: 'standalone', start_url: '/' });
      await expect.poll(async () => (await cdp.send('Page.getInstallabilityErrors')).installabilityErrors, { timeout: 20_000 }).toEqual([]);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });

  it('has no serious or critical axe violation on the device and refused-changes pages', async () => {
    const { context, page } = await newDevice(browser);
    await login(page, app.url, 'eti1');
    await page.getByRole('link', { name: 'Cette tablette' }).click();
    await page.getByRole('heading', { name: 'Cette tablette' }).waitFor({ timeout: 20_000 });
    await page.getByTestId('storage-usage').getByText(/ sur /).waitFor({ timeout: 20_000 });
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Modifications refusées' }).click();
    await page.getByRole('heading', { name: 'Modifications refusées par le serveur' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });
});
