// A real SIAE starting from an EMPTY store, end to end in Chromium: no demo. The structure and
// its coordinator come from the admin command line, as at a deployment (it talks to the running
// server through its local socket). The coordinator then sets the structure up on « Premiers
// pas », imports salariés from a spreadsheet and from Les emplois, builds the team, writes a
// contract and a PASS IAE with a suspension, and creates an ETI's login; the ETI plans the week on
// a second tablet; the coordinator revokes that tablet, and at its next sync it erases itself.
// axe checks the setup page and the salarié file. Every step is a screen a user would use.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { login, newDevice, seriousA11yViolations, type RunningApp, useAppAndBrowser } from './harness';

let app: RunningApp;
let browser: Browser;

useAppAndBrowser((a, b) => { app = a; browser = b; }, { demo: false });

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');

/** `npm run admin` as a user types it, on the running server's data directory; its JSON line's id. */
async function admin(...args: string[]): Promise<string> {
  const { stdout } = await run('npx', ['tsx', 'src/server/admin.ts', ...args], {
    cwd: ROOT, env: { ...process.env, DATA_DIR: app.dataDir }, timeout: 60_000,
  });
  const line = stdout.trim().split('\n').at(-1) ?? '';
  const { id } = JSON.parse(line) as { id: string };
  return id;
}

/** Today in Paris (the app's and the browser's zone), ± days, as YYYY-MM-DD. */
function parisDay(offsetDays = 0): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(Date.now());
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offsetDays);
  return d.toISOString().slice(0, 10);
}

const frDate = (iso: string) => iso.split('-').reverse().join('/');

/** A field by its label, on the screen shown (hidden kept screens have fields of the same name). */
function field(page: Page, label: string | RegExp) {
  return page.getByLabel(label, { exact: typeof label === 'string' }).filter({ visible: true });
}

/** The tab « Structure » of the main navigation (the structure's pages are grouped under it). */
function structureTab(page: Page) {
  return page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Structure', exact: true });
}

/** A page of « Structure », as a coordinator reaches it: the tab, then the page's card on the hub. */
async function structurePage(page: Page, name: string): Promise<void> {
  await structureTab(page).click();
  await page.getByRole('list', { name: 'Pages de la structure' }).getByRole('link', { name, exact: true }).click();
}

async function pendingOf(page: Page): Promise<string | null> {
  return page.getByTestId('sync-indicator').getAttribute('data-pending');
}

/** Everything written on this tablet has reached the server. */
async function synced(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Synchroniser' }).click();
  await expect.poll(() => pendingOf(page), { timeout: 20_000 }).toBe('0');
}

const TEAM = 'Espaces verts';
const ETI = { name: 'Nadia Traoré', login: 'nadia.traore', password: 'Jardins-2025-eti' };
const COORD = { name: 'Claire Martin', login: 'claire.martin', password: 'Jardins-2025-coord' };

describe('une vraie structure, à partir d’une base vide', () => {
  it('is set up by its coordinator, planned by its ETI, and a revoked tablet erases itself', async () => {
    // 1. The structure and its coordinator, from the command line.
    const structureId = await admin('create-structure', '--name', 'ACI Les Jardins', '--type', 'ACI');
    expect(structureId).toMatch(/^[0-9a-f-]{36}$/);
    await admin('create-user', '--structure', structureId, '--role', 'coordinator', '--login', COORD.login, '--password', COORD.password, '--name', COORD.name);

    // 2. The coordinator's first sign-in lands on « Premiers pas » (no team yet).
    const coord = await newDevice(browser);
    const cp = coord.page;
    await login(cp, app.url, COORD.login, COORD.password);
    await cp.getByRole('heading', { name: 'Premiers pas' }).waitFor({ timeout: 20_000 });
    await expect.poll(() => field(cp, 'Nom de la structure').inputValue(), { timeout: 20_000 }).toBe('ACI Les Jardins');
    expect(await seriousA11yViolations(cp)).toEqual([]);

    // Step 1: SIRET and annexe financière (the type came from the command line).
    expect(await field(cp, 'Type de SIAE').inputValue()).toBe('ACI');
    await field(cp, 'SIRET (14 chiffres)').fill('447 189 225 00017');
    await field(cp, 'Numéro d’annexe financière').fill('ACI063250012A1M0');
    await cp.getByRole('button', { name: 'Enregistrer la structure' }).click();
    await cp.getByText('Réglages de la structure enregistrés sur la tablette.').waitFor();
    const step = (n: number) => cp.getByRole('region', { name: new RegExp(`^${n}\\. `) });
    await step(1).getByText('Fait', { exact: true }).waitFor();

    // Step 2: a first team (its ETI is named later, once their login exists).
    await field(cp, 'Nom de la première équipe').fill(TEAM);
    await cp.getByRole('button', { name: 'Créer l’équipe' }).click();
    await cp.getByText(`Équipe « ${TEAM} » créée sur la tablette.`).waitFor();
    await step(2).getByText('Fait', { exact: true }).waitFor();

    // Step 3: a starter référentiel.
    await cp.getByRole('button', { name: 'Ajouter « Entretien des espaces verts »' }).click();
    await cp.getByText(/Référentiel « Entretien des espaces verts » ajouté \(\d+ compétences\)/).waitFor();
    await step(3).getByText('Fait', { exact: true }).waitFor();
    expect(await seriousA11yViolations(cp)).toEqual([]);

    // 3. Three salariés from the spreadsheet (French Excel: `;`, JJ/MM/AAAA), one already in the team.
    const entry = parisDay(-30);
    const csv = [
      'Nom;Prénom;Date de naissance;Téléphone;Prescripteur;Date d’entrée;RQTH (oui/non);Équipe',
      `Dupont;Karim;12/05/1990;06 12 34 56 78;France Travail;${frDate(entry)};non;${TEAM}`,
      `Leroy;Sophie;03/11/1984;;Mission locale;${frDate(entry)};oui;`,
      `Moreau;Yannick;27/02/1975;07 98 76 54 32;PLIE;${frDate(entry)};;`,
    ].join('\r\n');
    await structureTab(cp).click();
    await cp.getByRole('heading', { name: 'Structure', level: 2 }).waitFor();
    expect(await seriousA11yViolations(cp)).toEqual([]);
    await cp.getByRole('list', { name: 'Pages de la structure' }).getByRole('link', { name: 'Importer', exact: true }).click();
    await cp.getByRole('heading', { name: 'Importer des salariés' }).waitFor();
    // Still under « Structure »: its tab stays current on its pages.
    expect(await structureTab(cp).getAttribute('aria-current')).toBe('page');
    await field(cp, 'Fichier CSV').setInputFiles({ name: 'salaries.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}`, 'utf8') });
    const csvCard = cp.getByRole('region', { name: 'Depuis un tableur (CSV)' });
    await expect.poll(() => csvCard.getByTestId('import-line').count()).toBe(3);
    await csvCard.getByTestId('import-line').filter({ hasText: 'Karim Dupont' }).getByText(TEAM).waitFor();
    await csvCard.getByRole('button', { name: 'Importer 3 salarié(s)' }).click();
    await csvCard.getByText('3 salarié(s) importé(s) sur la tablette.').waitFor();

    // One more, with her PASS IAE, from Les emplois' fiches salarié (our SIRET: no warning).
    const fixture = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/lesEmplois/employee-records.json'), 'utf8')) as { results: unknown[] };
    const page1 = { count: 1, next: null, previous: null, results: fixture.results.slice(0, 1) };
    await field(cp, 'Fichier des fiches salarié (JSON)').setInputFiles({ name: 'fiches.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(page1), 'utf8') });
    const leCard = cp.getByRole('region', { name: 'Depuis Les emplois de l’inclusion' });
    const fiche = leCard.getByTestId('import-fiche');
    await fiche.waitFor();
    expect(await fiche.textContent()).toContain('Amina Benali');
    expect(await fiche.textContent()).toContain('999992212345');
    expect(await fiche.textContent()).not.toContain('autre établissement');
    await leCard.getByRole('button', { name: 'Importer 1 fiche(s)' }).click();
    await leCard.getByText('1 fiche(s) salarié importée(s) sur la tablette.').waitFor();

    // 4. The ETI's login (online), then the team: its ETI and the three other salariés.
    await structurePage(cp, 'Comptes');
    await cp.getByRole('heading', { name: 'Comptes' }).waitFor();
    await field(cp, 'Nom affiché').fill(ETI.name);
    await field(cp, 'Identifiant').fill(ETI.login);
    await field(cp, 'Mot de passe (8 caractères au moins)').fill(ETI.password);
    await field(cp, 'Confirmer le mot de passe').fill(ETI.password);
    await cp.getByRole('button', { name: 'Créer le compte' }).click();
    await cp.getByText(`Compte « ${ETI.login} » créé.`, { exact: false }).waitFor();
    await cp.getByRole('list', { name: 'Comptes de la structure' }).getByText(ETI.name).waitFor();
    // The new login reaches this tablet's data with the next sync, where the team form finds it.
    await synced(cp);

    await structurePage(cp, 'Équipes');
    const teamCard = cp.getByRole('article', { name: TEAM });
    await teamCard.waitFor();
    await teamCard.getByRole('button', { name: `Modifier l’équipe ${TEAM}` }).click();
    await teamCard.getByRole('checkbox', { name: ETI.name }).check({ timeout: 20_000 });
    await teamCard.getByRole('combobox', { name: 'Activité' }).selectOption({ label: 'Entretien des espaces verts' });
    await teamCard.getByRole('button', { name: 'Enregistrer l’équipe' }).click();
    await teamCard.getByText(`Encadrants : ${ETI.name} · Entretien des espaces verts`).waitFor();
    for (const who of ['Sophie Leroy', 'Yannick Moreau', 'Amina Benali']) {
      await teamCard.getByRole('combobox', { name: `Salarié à ajouter à ${TEAM}` }).selectOption({ label: who });
      await teamCard.getByRole('button', { name: `Ajouter à l’équipe ${TEAM}` }).click();
      await teamCard.getByText(`${who} rejoint l’équipe le ${frDate(parisDay())}.`).waitFor();
    }
    for (const who of ['Karim Dupont', 'Sophie Leroy', 'Yannick Moreau', 'Amina Benali']) {
      await teamCard.getByRole('button', { name: `Sortir ${who} de l’équipe` }).waitFor();
    }
    // Back to the hub by the page's own link, then « Premiers pas ».
    await cp.getByRole('link', { name: 'Retour à Structure' }).click();
    await cp.getByRole('list', { name: 'Pages de la structure' }).getByRole('link', { name: 'Premiers pas', exact: true }).click();
    await cp.getByText('5 étape(s) sur 5 faite(s).').waitFor();

    // 5. Karim Dupont's file: a CDDI, then a PASS IAE and a suspension that pushes its end back.
    await cp.getByRole('link', { name: 'Salariés', exact: true }).click();
    await cp.getByRole('link', { name: 'Karim Dupont' }).click();
    await cp.getByRole('heading', { name: 'Karim Dupont', level: 2 }).waitFor();
    const contracts = cp.getByRole('region', { name: 'Contrats' });
    await contracts.getByRole('button', { name: 'Nouveau contrat' }).click();
    expect(await field(cp, 'Type de contrat').inputValue()).toBe('cddi');
    expect(await field(cp, 'Début du contrat').inputValue()).toBe(entry);
    await field(cp, 'Heures par semaine').fill('26');
    await field(cp, 'Fin du contrat').fill(parisDay(150));
    await contracts.getByRole('button', { name: 'Enregistrer le contrat' }).click();
    await contracts.getByText('Contrat enregistré sur la tablette.').waitFor();
    await contracts.getByText(`du ${frDate(entry)} au ${frDate(parisDay(150))} · 26 h par semaine`).waitFor();

    const pass = cp.getByRole('region', { name: 'PASS IAE' });
    await field(cp, 'Numéro du PASS IAE').fill('999992277777');
    await field(cp, 'Début du PASS IAE').fill(parisDay(-60));
    await pass.getByRole('button', { name: 'Enregistrer le PASS IAE' }).click();
    const passEnd = pass.getByTestId('pass-end');
    await passEnd.waitFor();
    const endBefore = await passEnd.textContent();
    await pass.getByRole('button', { name: 'Ajouter une suspension' }).click();
    await field(cp, 'Début de la suspension').fill(parisDay(-40));
    await field(cp, 'Fin de la suspension').fill(parisDay(-20));
    await field(cp, 'Motif de la suspension').selectOption({ label: 'Contrat de travail suspendu depuis plus de 15 jours' });
    await pass.getByRole('button', { name: 'Enregistrer la suspension' }).click();
    await pass.getByText('Suspension enregistrée sur la tablette.').waitFor();
    await pass.getByText(`Du ${frDate(parisDay(-40))} au ${frDate(parisDay(-20))}`).waitFor();
    await expect.poll(() => passEnd.textContent()).not.toBe(endBefore);
    expect(await seriousA11yViolations(cp)).toEqual([]);
    await synced(cp);

    // 6. The ETI, on a tablet of their own: the team's four salariés, then the week.
    const eti = await newDevice(browser);
    const ep = eti.page;
    await login(ep, app.url, ETI.login, ETI.password);
    await ep.getByRole('link', { name: 'Mes équipes', exact: true }).click();
    const myTeams = ep.getByRole('region', { name: 'Mes équipes', exact: true });
    for (const who of ['Karim Dupont', 'Sophie Leroy', 'Yannick Moreau', 'Amina Benali']) {
      await myTeams.getByRole('link', { name: who, exact: true }).waitFor({ timeout: 20_000 });
    }
    await ep.getByRole('link', { name: 'Aujourd’hui', exact: true }).click();
    await ep.getByRole('link', { name: 'Semaine', exact: true }).first().click();
    await ep.getByRole('heading', { name: new RegExp(`^Semaine du .* — ${TEAM}$`) }).waitFor();
    const cell = ep.getByRole('button', { name: /^Karim Dupont, Mardi : / });
    expect(await cell.getAttribute('aria-label')).toMatch(/: —$/);
    await cell.click();
    const panel = ep.getByRole('region', { name: /^Karim Dupont — / });
    await panel.getByRole('button', { name: 'Ajouter le créneau' }).click();
    const slot = panel.getByRole('button', { name: /Matin — Atelier · 08h00–12h00$/ });
    await slot.click();
    await expect.poll(() => slot.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => cell.getAttribute('aria-label')).toMatch(/ · Matin — Atelier$/);
    await synced(ep);
    // Saved: read again from the tablet after a reload, and on the server (the coordination's week).
    await ep.reload();
    await expect.poll(() => ep.getByRole('button', { name: /^Karim Dupont, Mardi : / }).getAttribute('aria-label'), { timeout: 20_000 }).toMatch(/ · Matin — Atelier$/);
    const weekHash = new URL(ep.url()).hash;
    await synced(cp);
    await cp.goto(`${app.url}/${weekHash}`);
    await expect.poll(() => cp.getByRole('button', { name: /^Karim Dupont, Mardi : / }).getAttribute('aria-label'), { timeout: 20_000 }).toMatch(/ · Matin — Atelier$/);

    // 7. The coordinator revokes the ETI's tablet; at its next sync it erases its data.
    expect(await salariesLeftOn(ep)).toBe(4);
    await structurePage(cp, 'Tablettes');
    const etiTablet = cp.getByRole('list', { name: 'Tablettes connectées' }).getByRole('listitem').filter({ hasText: ETI.name });
    await etiTablet.getByRole('button', { name: /^Révoquer la tablette / }).click();
    await etiTablet.getByRole('group', { name: /^Révoquer la tablette / }).getByRole('button', { name: 'Oui, révoquer' }).click();
    await cp.getByText(/est révoquée : ses données seront effacées à sa prochaine connexion\./).waitFor();

    await ep.getByRole('button', { name: 'Synchroniser' }).click();
    await ep.getByRole('button', { name: 'Se connecter' }).waitFor({ timeout: 20_000 });
    // The ETI is told why: not a blank sign-in.
    await ep.getByText(/déconnectée par la coordination : ses données ont été effacées/).waitFor();
    expect(await ep.getByRole('button', { name: 'Se déconnecter' }).count()).toBe(0);
    expect(await salariesLeftOn(ep)).toBe(0);
    await ep.reload();
    await ep.getByRole('button', { name: 'Se connecter' }).waitFor();
    expect(await salariesLeftOn(ep)).toBe(0);

    await Promise.all([coord.context.close(), eti.context.close()]);
  });
});

/** Salariés in the tablet's IndexedDB: its database may be gone, or reopened empty. */
async function salariesLeftOn(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name);
    let total = 0;
    for (const name of names) {
      if (name === undefined) continue;
      const db = await new Promise<IDBDatabase>((ok, ko) => {
        const req = indexedDB.open(name);
        req.onsuccess = () => ok(req.result);
        req.onerror = () => ko(req.error);
      });
      if (db.objectStoreNames.contains('salarie')) {
        total += await new Promise<number>((ok, ko) => {
          const req = db.transaction('salarie').objectStore('salarie').count();
          req.onsuccess = () => ok(req.result);
          req.onerror = () => ko(req.error);
        });
      }
      db.close();
    }
    return total;
  });
}
