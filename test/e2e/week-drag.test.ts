// Drag and drop in the week view, in Chromium: with a mouse, a planned day dropped on a colleague
// with nothing that day puts them on the same slots; with a finger, a long press lifts the cell
// and the drop does the same, while a finger that moves at once scrolls and changes nothing.
import { describe, expect, it } from 'vitest';
import type { Browser, CDPSession, Locator, Page } from 'playwright-core';
import { login, newDevice, seriousA11yViolations, type RunningApp, useAppAndBrowser, weekdayShiftMs } from './harness';

let app: RunningApp;
let browser: Browser;
const shiftMs = weekdayShiftMs();

useAppAndBrowser((a, b) => { app = a; browser = b; }, { shiftMs });

/**
 * A planned cell in view and, in the same day's column, a colleague's empty cell they may work
 * on: below the screen's edge if `below` and there is one (the drag must scroll), else in view.
 */
async function dragPair(page: Page, below = false): Promise<{ from: Locator; to: Locator; toName: string } | null> {
  const pair = await page.evaluate((wantBelow) => {
    // The week shown (neighbouring weeks may be built ahead and kept hidden: ScreenStack.tsx).
    const rows = [...document.querySelectorAll('table.week tbody tr')].filter((r) => r.closest('.kept') === null);
    // In view and away from the edges, where a held cell would scroll the page.
    const inView = (c: HTMLElement) => { const r = c.getBoundingClientRect(); return r.top >= 70 && r.bottom <= window.innerHeight - 70; };
    const found: { from: string; to: string; below: boolean }[] = [];
    for (let col = 1; col <= 5; col++) {
      const cells = rows.map((r) => r.children[col] as HTMLElement | undefined).filter((c): c is HTMLElement => c !== undefined);
      const from = cells.find((c) => c.dataset['drag'] !== undefined && inView(c));
      if (from === undefined) continue;
      for (const to of cells) {
        if (to.dataset['drag'] !== undefined || to.classList.contains('blocked') || (to.textContent ?? '').trim() !== '—') continue;
        found.push({ from: from.dataset['cell']!, to: to.dataset['cell']!, below: to.getBoundingClientRect().top > window.innerHeight });
        if (!wantBelow && inView(to)) return found.at(-1)!;
      }
    }
    return found.find((p) => p.below === wantBelow) ?? null;
  }, below);
  if (pair === null) return null;
  const to = page.locator(`td[data-cell="${pair.to}"]`);
  const label = (await to.locator('button').getAttribute('aria-label')) ?? '';
  return { from: page.locator(`td[data-cell="${pair.from}"]`), to, toName: label.split(',')[0]! };
}

async function centre(l: Locator): Promise<{ x: number; y: number }> {
  const box = (await l.boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

async function touch(cdp: CDPSession, type: 'touchStart' | 'touchMove' | 'touchEnd', p: { x: number; y: number }): Promise<void> {
  await cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x: p.x, y: p.y }] });
}

describe('semaine : glisser-déposer', () => {
  it('drops a planned day on a colleague, with the mouse and with a long press', async () => {
    const { page } = await newDevice(browser, { shiftMs });
    await login(page, app.url, 'eti1');
    await page.getByRole('link', { name: 'Semaine' }).first().click();
    await page.locator('table.week tbody tr:visible').first().waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Mouse: press, move, release on the colleague's empty cell — below the screen's edge when
    // the team is taller than the screen: held at the edge, the page scrolls to it.
    const first = (await dragPair(page, true)) ?? (await dragPair(page));
    expect(first).not.toBeNull();
    const a = await centre(first!.from);
    await page.mouse.move(a.x, a.y);
    await page.mouse.down();
    await page.mouse.move(a.x + 20, a.y + 10, { steps: 3 });
    await page.locator('.drag-ghost').waitFor();
    await page.mouse.move(a.x, 795, { steps: 5 });
    await expect.poll(async () => (await first!.to.boundingBox())!.y + 60 < 740, { timeout: 10_000 }).toBe(true);
    const b = await centre(first!.to);
    await page.mouse.move(b.x, b.y, { steps: 4 });
    await page.mouse.up();
    await page.getByRole('status').getByText(new RegExp(`^${first!.toName}, .* créneaux? ajoutés? \\(`)).waitFor();
    await expect.poll(() => first!.to.locator('button').getAttribute('aria-label')).not.toMatch(/: —$/);

    // A finger that moves at once is scrolling: nothing is dropped.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
    const second = await dragPair(page);
    expect(second).not.toBeNull();
    let c = await centre(second!.from);
    let d = await centre(second!.to);
    const before = await second!.to.locator('button').getAttribute('aria-label');
    // (It then rests longer than a long press, and goes on: still a scroll.)
    await touch(cdp, 'touchStart', c);
    await touch(cdp, 'touchMove', { x: c.x, y: c.y + 30 });
    await page.waitForTimeout(600);
    for (let i = 1; i <= 6; i++) await touch(cdp, 'touchMove', { x: c.x + ((d.x - c.x) * i) / 6, y: c.y + ((d.y - c.y) * i) / 6 });
    await touch(cdp, 'touchEnd', d);
    await page.waitForTimeout(500);
    expect(await page.locator('.drag-ghost').count()).toBe(0);
    expect(await second!.to.locator('button').getAttribute('aria-label')).toBe(before);

    // A long press lifts the cell; the drop plans the colleague. (Positions again: that was a scroll.)
    const third = (await dragPair(page))!;
    c = await centre(third.from);
    d = await centre(third.to);
    await touch(cdp, 'touchStart', c);
    await page.waitForTimeout(600);
    await page.locator('.drag-ghost').waitFor();
    for (let i = 1; i <= 6; i++) await touch(cdp, 'touchMove', { x: c.x + ((d.x - c.x) * i) / 6, y: c.y + ((d.y - c.y) * i) / 6 });
    await touch(cdp, 'touchEnd', d);
    await page.getByRole('status').getByText(new RegExp(`^${third.toName}, .* créneaux? ajoutés? \\(`)).waitFor();
    await expect.poll(() => third.to.locator('button').getAttribute('aria-label')).not.toMatch(/: —$/);
    // No panel opened by the release (the drop is not also a tap).
    expect(await page.locator('.panel').count()).toBe(0);
  });
});
