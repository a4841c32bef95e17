// The light sign-in (issue 13): a tablet where nobody is signed in draws the sign-in form
// without loading Dexie, zod or the app's screens, and creates no database before the user
// starts on the form; signing in hands the page over to the app with no reload; a signed-in
// tablet restarts straight on its home, the sign-in form never drawn, not even for a frame.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { newDevice, type RunningApp, useAppAndBrowser } from './harness';

let app: RunningApp;
let browser: Browser;
useAppAndBrowser((a, b) => { app = a; browser = b; });

/** The text of every script the page loaded so far. */
function scriptsOf(page: Page): { texts: Promise<string>[] } {
  const texts: Promise<string>[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script') texts.push(r.text().catch(() => ''));
  });
  return { texts };
}
const loadsDexie = async (s: { texts: Promise<string>[] }) => (await Promise.all(s.texts)).some((t) => t.includes('DexieError'));

describe('Sign-in before the app', () => {
  it('draws the form without Dexie, signs in through the app, and restarts signed in with no form', async () => {
    const { context, page } = await newDevice(browser, { serviceWorkers: 'block' });
    const scripts = scriptsOf(page);
    await page.goto(app.url);
    await page.getByLabel('Identifiant').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await loadsDexie(scripts)).toBe(false);
    expect(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).not.toContain('tremplin');

    const urlBefore = page.url();
    await page.getByLabel('Identifiant').fill('eti1');
    await page.getByLabel('Mot de passe').fill('tremplin');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { name: /Mes équipes aujourd’hui/ }).waitFor();
    expect(await loadsDexie(scripts)).toBe(true);
    expect(page.url()).toBe(urlBefore);

    // Restart: the home, and never the sign-in form.
    await page.addInitScript(() => {
      const w = globalThis as unknown as { sawSignIn: boolean };
      w.sawSignIn = false;
      new MutationObserver(() => {
        if (document.getElementById('login-user') !== null) w.sawSignIn = true;
      }).observe(document, { childList: true, subtree: true });
    });
    await page.reload();
    await page.getByRole('heading', { name: /Mes équipes aujourd’hui/ }).waitFor();
    expect(await page.evaluate(() => (globalThis as unknown as { sawSignIn: boolean }).sawSignIn)).toBe(false);
    await context.close();
  });

  it('says why on a wrong password, and signs in on the next try', async () => {
    const { context, page } = await newDevice(browser, { serviceWorkers: 'block' });
    await page.goto(app.url);
    await page.getByLabel('Identifiant').fill('eti1');
    await page.getByLabel('Mot de passe').fill('mauvais');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    expect(await page.getByRole('alert').textContent()).toBe('Identifiant ou mot de passe incorrect.');
    await page.getByLabel('Mot de passe').fill('tremplin');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
    await context.close();
  });
});
