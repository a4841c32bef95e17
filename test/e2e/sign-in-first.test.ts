// The light sign-in (issue 13): a tablet where nobody is signed in draws the sign-in form
// without loading Dexie, zod or the app's screens, and creates no database before the user
// starts on the form; signing in hands the page over to the app with no reload; a signed-in
// tablet restarts straight on its home, the sign-in form never drawn, not even for a frame. The
// ETI's home, and what it builds ahead when idle, load no zod: the entity schemas come with the
// first write. From Friday to Sunday both clocks run back to Thursday (weekdayShiftMs), so the
// demo's team has a planned day to move someone in.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { login, newDevice, type RunningApp, useAppAndBrowser, weekdayShiftMs } from './harness';

let app: RunningApp;
let browser: Browser;
const shiftMs = weekdayShiftMs();
useAppAndBrowser((a, b) => { app = a; browser = b; }, { shiftMs });

/** The text of every script the page loaded so far. */
function scriptsOf(page: Page): { texts: Promise<string>[] } {
  const texts: Promise<string>[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script') texts.push(r.text().catch(() => ''));
  });
  return { texts };
}
const loadsDexie = async (s: { texts: Promise<string>[] }) => (await Promise.all(s.texts)).some((t) => t.includes('DexieError'));
const loadsZod = async (s: { texts: Promise<string>[] }) => (await Promise.all(s.texts)).some((t) => t.includes('ZodError'));

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

  it('the ETI home paints without zod; the first write loads it and is saved', async () => {
    const { context, page } = await newDevice(browser, { serviceWorkers: 'block', shiftMs });
    // No idle moment ever comes: what the home defers to one (the week and matrix built ahead,
    // the schemas fetched for offline writes) does not run, so only the home's own code loads.
    await page.addInitScript(() => { globalThis.requestIdleCallback = () => 0; });
    const scripts = scriptsOf(page);
    await login(page, app.url, 'eti1');
    const move = page.getByRole('button', { name: /^Déplacer / }).first();
    await move.waitFor({ timeout: 20_000 });
    await page.waitForLoadState('networkidle');
    expect(await loadsDexie(scripts)).toBe(true);
    expect(await loadsZod(scripts)).toBe(false);

    const moved = ((await move.getAttribute('aria-label')) ?? '').replace('Déplacer ', '');
    await move.click();
    await page.getByRole('button', { name: /^Vers / }).first().click();
    await page.getByText(`${moved} est maintenant sur`).waitFor();
    expect(await loadsZod(scripts)).toBe(true);
    await context.close();
  });

  it('once idle after signing in, fetches what a first write needs, so it works offline before the service worker is there', async () => {
    const { context, page } = await newDevice(browser, { serviceWorkers: 'block', shiftMs });
    const scripts = scriptsOf(page);
    await login(page, app.url, 'eti1');
    const move = page.getByRole('button', { name: /^Déplacer / }).first();
    await move.waitFor({ timeout: 20_000 });
    await expect.poll(() => loadsZod(scripts), { timeout: 20_000 }).toBe(true);
    await page.waitForLoadState('networkidle');
    await context.setOffline(true);
    const moved = ((await move.getAttribute('aria-label')) ?? '').replace('Déplacer ', '');
    await move.click();
    await page.getByRole('button', { name: /^Vers / }).first().click();
    await page.getByText(`${moved} est maintenant sur`).waitFor();
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
