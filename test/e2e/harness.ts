// Shared setup for browser tests: the built app served by the real server on a temporary
// PGlite store, Debian's Chromium driven by playwright-core at tablet size, and axe-core.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startServer } from '../../src/server/main';

const require = createRequire(import.meta.url);

export const TABLET = { width: 1280, height: 800 } as const;

/**
 * A link to a salarié's dossier (not to one of its tabs, as the accueil reminder's links are),
 * shown: `:visible` (Playwright's) because the app keeps some screens built but hidden
 * (ScreenStack.tsx), whose links a plain CSS selector would also match.
 */
export const DOSSIER_LINK = 'a[href^="#/salarie/"]:not([href*="/accueil"]):not([href*="/parcours"]):visible';

export interface RunningApp {
  url: string;
  /** The server's PGlite directory: the admin command line finds the running server by it. */
  dataDir: string;
  close(): Promise<void>;
}

/** `demo: false` starts from an empty store, as a real structure does (default: the demo). */
export interface AppOptions { shiftMs?: number; demo?: boolean }

/**
 * How far to move the clocks back so that "today" is Monday to Thursday in Paris (one day on
 * Friday, two on Saturday, three on Sunday): the demo team works Monday to Thursday (only the
 * full-timers on Friday, as in many ACI), and a morning needs the team there. Server and
 * browser move together, so their clocks agree.
 */
export function weekdayShiftMs(now = Date.now()): number {
  const day = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', weekday: 'short' }).format(now);
  return ({ Fri: 1, Sat: 2, Sun: 3 }[day] ?? 0) * 86_400_000;
}

export async function startApp(opts: AppOptions = {}): Promise<RunningApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tremplin-e2e-'));
  const shift = opts.shiftMs ?? 0;
  const server = await startServer({ port: 0, dataDir, demo: opts.demo ?? true, quiet: true, ...(shift !== 0 ? { now: () => Date.now() - shift } : {}) });
  return {
    url: server.url,
    dataDir,
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/** A fresh profile: one tablet. */
export async function newDevice(
  browser: Browser,
  opts: { shiftMs?: number; serviceWorkers?: 'allow' | 'block' } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: TABLET, locale: 'fr-FR', timezoneId: 'Europe/Paris', serviceWorkers: opts.serviceWorkers ?? 'allow',
  });
  if ((opts.shiftMs ?? 0) !== 0) {
    // The page's Date runs `shift` behind, like the server's (timers and performance.now untouched).
    await context.addInitScript((shift: number) => {
      const RealDate = Date;
      class ShiftedDate extends RealDate {
        constructor(...args: unknown[]) {
          if (args.length === 0) super(RealDate.now() - shift);
          else super(...(args as [string]));
        }
        static override now(): number { return RealDate.now() - shift; }
      }
      globalThis.Date = ShiftedDate as DateConstructor;
    }, opts.shiftMs ?? 0);
  }
  const page = await context.newPage();
  return { context, page };
}

export async function login(page: Page, baseUrl: string, user: string, password = 'tremplin'): Promise<void> {
  await page.goto(baseUrl);
  await page.getByLabel('Identifiant').fill(user);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
}

export interface AxeViolation { id: string; impact: string | null; help: string; nodes: unknown[] }

/**
 * Loads axe-core into the page as the global `axe`. Not with addScriptTag: that is an inline
 * script, which the app's Content-Security-Policy refuses; what the test driver evaluates is not.
 */
/**
 * Cuts the device's network the way a tablet loses it at a worksite: after its service worker has
 * taken control (installed, everything precached), as on any tablet used for more than a moment.
 * Going offline sooner tests the install's first second, not the screen at hand: the screens,
 * panels and reads loaded on demand come from that precache.
 */
export async function goOffline(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });
  await page.context().setOffline(true);
}

export async function injectAxe(page: Page): Promise<void> {
  await page.evaluate(`${readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')}\n;undefined`);
}

/** Serious and critical WCAG violations on the current page (axe-core). */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  await injectAxe(page);
  const violations = await page.evaluate(async () => {
    // axe is the global injectAxe set.
    const axe = (globalThis as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * One app server and one browser for a test file: started before its tests, closed after.
 * `bind` receives them (the file keeps them in its own variables).
 */
export function useAppAndBrowser(bind: (app: RunningApp, browser: Browser) => void, opts: AppOptions = {}): void {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    app = await startApp(opts);
    browser = await launchBrowser();
    bind(app, browser);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });
}
