// The spine end to end in Chromium: an ETI writes two livret entries offline (one shared with
// the salarié, one for the team), the network returns and they sync by themselves; the
// coordination sees both, the salarié only the shared one. axe checks each screen.
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { login, newDevice, seriousA11yViolations, type RunningApp, useAppAndBrowser, goOffline } from './harness';

let app: RunningApp;
let browser: Browser;

useAppAndBrowser((a, b) => { app = a; browser = b; });

async function salarieIdOf(login: string): Promise<string> {
  const res = await fetch(`${app.url}/api/auth/login`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login, password: 'tremplin', deviceName: 'test' }),
  });
  const body = (await res.json()) as { user: { salarieId?: string } };
  return body.user.salarieId ?? '';
}

describe('livret de suivi hors connexion', () => {
  const shared = `Tu as bien tenu le débroussailleur aujourd’hui ${Date.now()}`;
  const teamOnly = `Difficulté de logement évoquée, à voir avec la CIP ${Date.now()}`;

  it('writes offline, syncs on reconnect, and each role sees what it may', async () => {
    const salarieId = await salarieIdOf('salarie1');
    expect(salarieId).not.toBe('');

    const eti = await newDevice(browser);
    await login(eti.page, app.url, 'eti1');
    await eti.page.getByRole('heading', { name: 'Mes équipes' }).waitFor();
    await eti.page.locator(`a[href="#/salarie/${salarieId}"]:visible`).waitFor();
    expect(await seriousA11yViolations(eti.page)).toEqual([]);

    await eti.page.locator(`a[href="#/salarie/${salarieId}"]:visible`).click();
    await eti.page.getByRole('heading', { name: /Livret de suivi/ }).waitFor();

    await goOffline(eti.page);
    await expect.poll(() => eti.page.getByTestId('sync-indicator').textContent()).toContain('Hors connexion');

    await eti.page.getByLabel('Progrès techniques').check();
    await eti.page.getByLabel('Partagé avec le salarié').check();
    await eti.page.getByRole('textbox', { name: 'Observation' }).fill(shared);
    await eti.page.getByRole('button', { name: 'Enregistrer l’observation' }).click();
    await eti.page.getByText(shared).waitFor();

    await eti.page.getByLabel('Freins périphériques').check();
    // Shown only: the matrix, built ahead and kept hidden, has an « Équipe » filter too.
    await eti.page.getByLabel('Équipe', { exact: true }).filter({ visible: true }).check();
    await eti.page.getByRole('textbox', { name: 'Observation' }).fill(teamOnly);
    await eti.page.getByRole('button', { name: 'Enregistrer l’observation' }).click();
    await eti.page.getByText(teamOnly).waitFor();

    await expect.poll(() => eti.page.getByTestId('sync-indicator').getAttribute('data-pending')).toBe('2');
    expect(await seriousA11yViolations(eti.page)).toEqual([]);

    await eti.context.setOffline(false);
    await expect.poll(() => eti.page.getByTestId('sync-indicator').getAttribute('data-pending'), { timeout: 20_000 }).toBe('0');

    const coordination = await newDevice(browser);
    await login(coordination.page, app.url, 'coordination');
    await coordination.page.getByText(shared).waitFor({ timeout: 20_000 });
    await coordination.page.getByText(teamOnly).waitFor();
    expect(await seriousA11yViolations(coordination.page)).toEqual([]);

    const salarie = await newDevice(browser);
    await login(salarie.page, app.url, 'salarie1');
    // The shared entries sit on « Mes progrès », under « Mon livret ».
    await salarie.page.getByRole('link', { name: 'Mes progrès' }).click();
    await salarie.page.getByRole('heading', { name: /Mon livret/ }).waitFor();
    await salarie.page.getByText(shared).waitFor({ timeout: 20_000 });
    expect(await salarie.page.getByText(teamOnly).count()).toBe(0);
    expect(await seriousA11yViolations(salarie.page)).toEqual([]);

    await Promise.all([eti.context.close(), coordination.context.close(), salarie.context.close()]);
  });
});
