// The salarié's space end to end in Chromium. On the ETI's tablet (eti1), the ETI writes a team
// entry about Mamadou (salarie1), then lends the tablet to him: his week, hours and objectives
// show, the team entry does not, and no ETI tab is reachable; the PIN gives the tablet back.
// Then salarie1 on his own tablet: week, hours, objectives, badges. On every salarié screen: axe
// with AAA contrast (color-contrast-enhanced), no emoji, and every picture an SVG of non-zero size
// (Debian's Chromium has no emoji font, so this is what a salarié would really see).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DOSSIER_LINK, injectAxe, login, newDevice, type RunningApp, useAppAndBrowser } from './harness';

let app: RunningApp;
let browser: Browser;
useAppAndBrowser((a, b) => { app = a; browser = b; });

interface Violation { id: string; impact: string | null; help: string; nodes: unknown[] }

/** axe with WCAG AAA rules included: color-contrast-enhanced (7:1) among them. */
async function aaaViolations(page: Page): Promise<Violation[]> {
  await injectAxe(page);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Violation[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag2aaa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3) }));
  });
  return violations.filter((v) => v.id === 'color-contrast-enhanced' || v.impact === 'serious' || v.impact === 'critical');
}

/** No emoji in the shown salarié screen, and every picture a drawn SVG. */
async function picturesAreSvg(page: Page): Promise<{ emoji: string[]; empty: number; svgs: number }> {
  return page.evaluate(() => {
    const root = [...document.querySelectorAll('.falc')].find((e) => (e as HTMLElement).offsetParent !== null || e.classList.contains('falc-app')) ?? document.body;
    const text = (root as HTMLElement).innerText;
    const emoji = text.match(/\p{Extended_Pictographic}/gu) ?? [];
    const svgs = [...root.querySelectorAll('svg')].filter((s) => s.closest('[aria-hidden="true"].screen-slot, .screen-slot.kept') === null);
    const empty = svgs.filter((s) => { const r = s.getBoundingClientRect(); return r.width === 0 || r.height === 0; }).length;
    return { emoji, empty, svgs: svgs.length };
  });
}

async function checkScreen(page: Page): Promise<void> {
  expect(await aaaViolations(page)).toEqual([]);
  const p = await picturesAreSvg(page);
  expect(p.emoji).toEqual([]);
  expect(p.svgs).toBeGreaterThan(3);
  expect(p.empty).toBe(0);
}

const visible = (page: Page, testId: string) => page.locator(`[data-testid="${testId}"]:visible`);

describe('Mon parcours', () => {
  it('on the ETI’s lent tablet, then on the salarié’s own login', async () => {
    const stamp = Date.now();
    const teamNote = `Note pour l’équipe seulement ${stamp}`;

    // The ETI writes a team entry about Mamadou Diallo (salarie1), then lends the tablet.
    const eti = await newDevice(browser);
    await login(eti.page, app.url, 'eti1');
    await eti.page.getByRole('link', { name: 'Mes équipes', exact: true }).click();
    await eti.page.locator(DOSSIER_LINK).filter({ hasText: 'Mamadou Diallo' }).first().click();
    await eti.page.getByRole('heading', { name: /Livret de suivi —/ }).waitFor({ timeout: 20_000 });
    const mamadouId = /#\/salarie\/([^/]+)/.exec(eti.page.url())?.[1] ?? '';
    expect(mamadouId).not.toBe('');
    await eti.page.getByLabel('Atouts').check();
    await eti.page.getByRole('textbox', { name: 'Observation' }).fill(teamNote);
    await eti.page.getByRole('button', { name: 'Enregistrer l’observation' }).click();
    await eti.page.getByText(teamNote).waitFor();

    await eti.page.getByRole('button', { name: 'Prêter la tablette à Mamadou' }).click();
    await eti.page.getByLabel('Code pour reprendre la tablette').fill('4826');
    await eti.page.getByLabel('Le même code, une deuxième fois').fill('4826');
    await eti.page.getByRole('button', { name: 'Prêter la tablette', exact: true }).click();
    await eti.page.getByTestId('consultation').waitFor();
    await visible(eti.page, 'week-day').first().waitFor();
    await visible(eti.page, 'block-hours').waitFor();
    expect(await eti.page.getByRole('link', { name: 'Matrice' }).count()).toBe(0);
    expect(await eti.page.getByRole('button', { name: 'Se déconnecter' }).count()).toBe(0);
    await checkScreen(eti.page);

    // A reload stays lent; an ETI address shows the salarié's week.
    await eti.page.goto(`${app.url}/#/matrice`);
    await eti.page.getByTestId('consultation').waitFor();
    await visible(eti.page, 'block-week').waitFor();

    await eti.page.getByRole('link', { name: 'Mes progrès' }).click();
    await visible(eti.page, 'block-objectives').waitFor();
    await visible(eti.page, 'block-shared').waitFor();
    expect(await eti.page.getByText(teamNote).count()).toBe(0);
    await checkScreen(eti.page);
    await eti.page.getByRole('link', { name: 'Mes papiers' }).click();
    await visible(eti.page, 'block-pass').waitFor();
    await checkScreen(eti.page);

    // Giving the tablet back: a wrong PIN first, then the right one.
    await eti.page.getByRole('button', { name: 'Rendre la tablette' }).click();
    await eti.page.getByLabel('Code de l’encadrant').fill('0000');
    await eti.page.getByRole('button', { name: 'Valider le code' }).click();
    await eti.page.getByText('Ce n’est pas le bon code.').waitFor();
    await eti.page.getByLabel('Code de l’encadrant').fill('4826');
    await eti.page.getByRole('button', { name: 'Valider le code' }).click();
    await eti.page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
    await eti.page.getByRole('link', { name: 'Matrice' }).waitFor();

    // The coordination issues a badge for one of Mamadou's acquired competences (signed when it
    // reaches the server).
    const coord = await newDevice(browser);
    await login(coord.page, app.url, 'coordination');
    await coord.page.goto(`${app.url}/#/salarie/${mamadouId}/parcours`);
    const deliver = coord.page.getByRole('button', { name: /^Délivrer le badge « / }).first();
    await deliver.waitFor({ timeout: 20_000 });
    const badgeLabel = /« (.+) »/.exec((await deliver.textContent()) ?? '')?.[1] ?? '';
    expect(badgeLabel).not.toBe('');
    await deliver.click();
    await coord.page.getByTestId('badge').filter({ hasText: badgeLabel }).waitFor();
    await coord.page.getByRole('button', { name: 'Synchroniser' }).click();
    await expect.poll(() => coord.page.getByTestId('sync-indicator').getAttribute('data-pending'), { timeout: 20_000 }).toBe('0');

    // salarie1 on their own tablet.
    const salarie = await newDevice(browser);
    await login(salarie.page, app.url, 'salarie1');
    await visible(salarie.page, 'week-day').first().waitFor({ timeout: 20_000 });
    await visible(salarie.page, 'hours-worked').waitFor();
    expect(await salarie.page.getByRole('link', { name: 'Modifications refusées' }).count()).toBe(0);
    expect(await salarie.page.getByRole('link', { name: 'Cette tablette' }).count()).toBe(0);
    await checkScreen(salarie.page);

    // Their planning on their phone: a private address (here read as a phone's calendar would).
    await salarie.page.getByRole('link', { name: 'Mon planning sur mon téléphone' }).click();
    await salarie.page.getByRole('button', { name: /Créer mon adresse d’agenda/ }).click();
    const feedUrl = await salarie.page.locator('#calendar-url').inputValue({ timeout: 20_000 });
    expect(feedUrl).toMatch(/\/api\/calendar\/[^/]+\.ics$/);
    const feed = await fetch(feedUrl.replace(/^https?:\/\/[^/]+/, app.url));
    expect(feed.headers.get('content-type')).toContain('text/calendar');
    expect(await feed.text()).toContain('BEGIN:VEVENT');
    await checkScreen(salarie.page);

    await salarie.page.getByRole('link', { name: 'Mes progrès' }).click();
    await visible(salarie.page, 'block-objectives').waitFor();
    await visible(salarie.page, 'my-competence').first().waitFor({ timeout: 20_000 });
    expect(await salarie.page.getByText(teamNote).count()).toBe(0);
    await checkScreen(salarie.page);

    await salarie.page.getByRole('link', { name: 'Mes papiers' }).click();
    await visible(salarie.page, 'block-badges').waitFor();
    await visible(salarie.page, 'block-pass').waitFor();
    await checkScreen(salarie.page);

    // The badge, downloaded from « Mes badges » as an employer would receive it, verifies; once
    // changed, it does not.
    const card = visible(salarie.page, 'my-badge').filter({ hasText: badgeLabel });
    await card.waitFor({ timeout: 20_000 });
    const [json] = await Promise.all([salarie.page.waitForEvent('download'), card.getByRole('button', { name: /Télécharger \(JSON\)/ }).click()]);
    const credential = JSON.parse(readFileSync((await json.path())!, 'utf8')) as { type: string[]; credentialSubject: { achievement: { name: string } } };
    expect(credential.type).toContain('OpenBadgeCredential');
    const verify = async (body: unknown) => (await (await fetch(`${app.url}/api/credentials/verify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()) as { verified: boolean; problems: string[] };
    expect(await verify(credential)).toMatchObject({ verified: true });
    expect((await verify({ ...credential, credentialSubject: { ...credential.credentialSubject, achievement: { ...credential.credentialSubject.achievement, name: 'Autre chose' } } })).verified).toBe(false);
    const [png] = await Promise.all([salarie.page.waitForEvent('download'), card.getByRole('button', { name: /Télécharger l’image \(PNG\)/ }).click()]);
    const image = readFileSync((await png.path())!);
    expect(image.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(image.includes(Buffer.from('openbadgecredential', 'latin1'))).toBe(true);
  });
});
