// The built app under its own Content-Security-Policy (issue 13), served by the real server in
// Chromium, service worker on: the login page loads, a demo login reaches the home, and the
// coordination's printable livret keeps its paper layout (its stylesheet is a file, not an inline
// <style>) — with not one CSP violation, whether seen by the page (`securitypolicyviolation`) or
// reported on the console.
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { login, newDevice, type RunningApp, useAppAndBrowser } from './harness';

let app: RunningApp;
let browser: Browser;
useAppAndBrowser((a, b) => { app = a; browser = b; });

/** Every CSP violation the page sees or the console reports, from the first byte on. */
async function watchViolations(page: Page): Promise<{ seen: () => Promise<string[]>; logged: string[] }> {
  await page.addInitScript(() => {
    const found: string[] = [];
    (globalThis as unknown as { cspViolations: string[] }).cspViolations = found;
    document.addEventListener('securitypolicyviolation', (e) => {
      found.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  const logged: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(m.text())) logged.push(m.text());
  });
  return {
    seen: () => page.evaluate(() => (globalThis as unknown as { cspViolations?: string[] }).cspViolations ?? []),
    logged,
  };
}

const MAMADOU = 'Mamadou Diallo';

describe('Content-Security-Policy', () => {
  it('loads the login page and the home of a demo login with no violation', async () => {
    const { context, page } = await newDevice(browser);
    const violations = await watchViolations(page);
    const answer = await page.goto(app.url);
    expect(answer?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByLabel('Identifiant').waitFor();
    // The service worker installs (sw.js and workbox under the same policy).
    await page.evaluate(async () => { await navigator.serviceWorker.ready; });
    expect(await violations.seen()).toEqual([]);

    await login(page, app.url, 'eti1');
    await page.getByRole('heading', { name: /Mes équipes aujourd’hui/ }).waitFor();
    expect(await violations.seen()).toEqual([]);
    expect(violations.logged).toEqual([]);
    await context.close();
  });

  it('lays out the printable livret with its own stylesheet, with no violation', async () => {
    const { context, page } = await newDevice(browser);
    const violations = await watchViolations(page);
    await login(page, app.url, 'coordination');
    await page.getByRole('link', { name: 'Salariés', exact: true }).click();
    await page.getByRole('link', { name: MAMADOU, exact: true }).click();
    await page.getByRole('heading', { name: MAMADOU, level: 2 }).waitFor();
    await page.getByRole('link', { name: 'Livret de suivi à imprimer' }).click();
    const printed = page.getByRole('article', { name: 'Livret de suivi à imprimer' });
    await printed.waitFor();
    // documents.css draws the paper's frame: an inline <style> blocked by the policy would not.
    await expect.poll(() => printed.evaluate((e) => getComputedStyle(e).borderTopWidth)).toBe('2px');
    expect(await violations.seen()).toEqual([]);
    expect(violations.logged).toEqual([]);
    await context.close();
  });
});
