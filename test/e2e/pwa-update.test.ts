// A second build is deployed while a tablet has the app open: the update prompt appears, an
// entry written meanwhile (offline) is never interrupted, the user confirms, the page reloads
// exactly once into the new version, and the entry is still there and syncs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/server/main';
import { DOSSIER_LINK, launchBrowser, login, newDevice } from './harness';

const V2 = `e2e-v2-${Date.now()}`;
let root: string;
let served: string;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'tremplin-update-'));
  served = join(root, 'served');
  cpSync(resolve('dist'), served, { recursive: true });
  // The next version, built now and deployed later while the page is open.
  execFileSync(process.execPath, [resolve('node_modules/vite/bin/vite.js'), 'build', '--outDir', join(root, 'v2'), '--emptyOutDir', '--logLevel', 'error'], {
    env: { ...process.env, TREMPLIN_APP_VERSION: V2 }, stdio: 'inherit',
  });
  server = await startServer({ port: 0, dataDir: mkdtempSync(join(root, 'data-')), demo: true, quiet: true, distDir: served });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (root !== undefined) rmSync(root, { recursive: true, force: true });
});

const pending = (page: Page) => page.getByTestId('sync-indicator').getAttribute('data-pending');
const versionOf = async (page: Page) => {
  await page.goto(`${server.url}/#/appareil`);
  return (await page.getByTestId('app-version').textContent({ timeout: 20_000 })) ?? '';
};

describe('mise à jour de l’application', () => {
  it('announces the new version, waits for the user, reloads once and keeps the unsent entry', async () => {
    const { context, page } = await newDevice(browser);
    // Counts document loads in this tab, to prove there is one reload and no loop.
    await page.addInitScript(() => sessionStorage.setItem('loads', String(Number(sessionStorage.getItem('loads') ?? '0') + 1)));
    const loads = async () => Number(await page.evaluate(() => sessionStorage.getItem('loads')));

    await login(page, server.url, 'eti1');
    const salarie = page.locator(DOSSIER_LINK).first();
    await salarie.waitFor({ timeout: 30_000 });
    const salarieHref = (await salarie.getAttribute('href')) ?? '';
    await expect.poll(() => pending(page), { timeout: 30_000 }).toBe('0');
    await page.evaluate(async () => { await navigator.serviceWorker.ready; });
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 20_000 }).toBe(true);
    const v1 = await versionOf(page);
    expect(v1).toMatch(/^Version /);
    expect(v1).not.toContain(V2);

    // Deploy: new hashed assets first, then the entry points, as a real deploy would.
    cpSync(join(root, 'v2', 'assets'), join(served, 'assets'), { recursive: true });
    cpSync(join(root, 'v2'), served, { recursive: true, filter: (src) => !src.includes(`${join(root, 'v2', 'assets')}`) });
    await page.evaluate(async () => { await (await navigator.serviceWorker.getRegistration())?.update(); });
    const prompt = page.getByTestId('update-prompt');
    await prompt.getByText('Nouvelle version disponible.').waitFor({ timeout: 30_000 });

    // Meanwhile the ETI writes, offline: nothing reloads under their fingers.
    const loadsBefore = await loads();
    await context.setOffline(true);
    const text = `Saisie pendant la mise à jour ${Date.now()}`;
    await page.goto(`${server.url}/${salarieHref}`);
    await page.getByRole('heading', { name: /Livret de suivi/ }).waitFor();
    await page.getByLabel('Atouts').check();
    await page.getByRole('textbox', { name: 'Observation' }).fill(text);
    await page.getByRole('button', { name: 'Enregistrer l’observation' }).click();
    await page.getByText(text).waitFor();
    await expect.poll(() => pending(page)).toBe('1');
    expect(await loads()).toBe(loadsBefore);
    expect(await prompt.isVisible()).toBe(true);

    await prompt.getByRole('button', { name: 'Mettre à jour' }).click();
    await prompt.getByText('1 modification pas encore envoyée. Elle reste enregistrée sur la tablette et partira après la mise à jour.').waitFor();
    expect(await loads()).toBe(loadsBefore);
    await prompt.getByRole('button', { name: 'Mettre à jour quand même' }).click();

    await expect.poll(loads, { timeout: 30_000 }).toBe(loadsBefore + 1);
    await page.getByRole('heading', { name: /Livret de suivi/ }).waitFor({ timeout: 30_000 });
    await page.getByText(text).waitFor();
    await expect.poll(() => pending(page)).toBe('1');
    expect(await page.getByTestId('update-prompt').count()).toBe(0);

    await context.setOffline(false);
    await expect.poll(() => pending(page), { timeout: 20_000 }).toBe('0');
    expect(await loads()).toBe(loadsBefore + 1); // one reload, no loop
    expect(await versionOf(page)).toBe(`Version ${V2}`);
    await page.getByText('Aucune : tout est envoyé.').waitFor();
    await context.close();
  });
});
