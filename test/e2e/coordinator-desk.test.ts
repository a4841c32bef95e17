// A coordinator's morning, end to end in Chromium on the demo structure. Two ETIs write livret
// entries offline on their own tablets (one of them an alert) and sync when the network returns.
// The coordinator, on a third tablet, finds the alert first among « À traiter », narrows the
// inbox with its filters, handles the alert with a follow-up (which the ETI then reads on their
// entry), marks what is shown as read; sorts the parcours board by PASS IAE end; prints a
// salarié's livret; exports the exits report as a French-Excel CSV. axe checks inbox and board.
// One test: each step reads what the previous ones wrote, as the coordinator's morning does.
import { readFileSync } from 'node:fs';
import { parse } from 'date-fns';
import { fr } from 'date-fns/locale';
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { login, newDevice, seriousA11yViolations, type RunningApp, useAppAndBrowser, goOffline } from './harness';
import { parseCsv } from '../../src/domain/production/exportCsv';

let app: RunningApp;
let browser: Browser;

useAppAndBrowser((a, b) => { app = a; browser = b; });

// The demo's people (src/server/demo): eti1 runs « Espaces verts » (Mamadou Diallo), eti2
// « Textile » (Nadia Haddad); the coordination account is Claire Fontaine.
const ETI1 = 'Karim Benali';
const ETI2 = 'Sophie Marchand';
const COORDINATOR = 'Claire Fontaine';
const MAMADOU = 'Mamadou Diallo';
const NADIA = 'Nadia Haddad';

const pendingOf = (page: Page) => page.getByTestId('sync-indicator').getAttribute('data-pending');

/** Everything written on this tablet has reached the server, and the server's news came back. */
async function synced(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Synchroniser' }).click();
  await expect.poll(() => pendingOf(page), { timeout: 20_000 }).toBe('0');
}

/** The ETI's tablet, on a salarié's livret (reached online: the screens are then on the tablet). */
async function etiOnLivret(user: string, salarie: string): Promise<Page> {
  const { page } = await newDevice(browser);
  await login(page, app.url, user);
  await page.getByRole('link', { name: 'Mes équipes', exact: true }).click();
  await page.getByRole('region', { name: 'Mes équipes', exact: true }).getByRole('link', { name: salarie, exact: true }).click({ timeout: 20_000 });
  await page.getByRole('heading', { name: /Livret de suivi/ }).waitFor();
  return page;
}

/** Writes one livret entry from the form: category, who may read, text. */
async function writeEntry(page: Page, category: string, visibility: string, text: string): Promise<void> {
  await page.getByLabel(category, { exact: true }).filter({ visible: true }).check();
  // Shown only: the matrix, built ahead and kept hidden, has an « Équipe » filter too.
  await page.getByLabel(visibility, { exact: true }).filter({ visible: true }).check();
  await page.getByRole('textbox', { name: 'Observation' }).fill(text);
  await page.getByRole('button', { name: 'Enregistrer l’observation' }).click();
  await page.getByText(text).waitFor();
}

/** « À lire (12, dont 3 alertes à traiter) » → 12. */
async function inboxTotal(page: Page): Promise<number> {
  const title = (await page.getByRole('heading', { level: 2, name: /^À lire \(/ }).textContent()) ?? '';
  return Number(/\((\d+)/.exec(title)?.[1] ?? NaN);
}

/** A board cell's date (« 3 mars 2027 », maybe followed by a tag) as YYYY-MM-DD, or null. */
function boardDate(cell: string): string | null {
  const m = /^\d{1,2} \S+ \d{4}/.exec(cell.trim());
  if (m === null) return null;
  const d = parse(m[0], 'd MMM yyyy', new Date(2000, 0, 1), { locale: fr });
  return Number.isNaN(d.getTime()) ? null : `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

describe('la matinée de la coordination', () => {
  const stamp = Date.now();
  const shared = `Belle taille des haies de l’allée, gestes sûrs ${stamp}`;
  const teamNote = `Fatigue en fin de matinée, à évoquer en entretien ${stamp}`;
  const alert = `Malaise à l’atelier de tri, pompiers appelés, famille prévenue ${stamp}`;
  const followUp = `Appelée le jour même, rendez-vous médecine du travail pris ${stamp}`;

  it('reads, filters, handles the alert, sorts the board, prints a livret and exports the exits', async () => {
    // Three tablets sign in together (each first sync pulls the whole demo).
    const [eti1, eti2, coordDevice] = await Promise.all([
      etiOnLivret('eti1', MAMADOU),
      etiOnLivret('eti2', NADIA),
      newDevice(browser).then(async (d) => { await login(d.page, app.url, 'coordination'); return d.page; }),
    ]);
    const cp = coordDevice;

    // 1. Both ETIs write offline, then the network comes back and their tablets sync by themselves.
    for (const page of [eti1, eti2]) {
      await goOffline(page);
      await expect.poll(() => page.getByTestId('sync-indicator').textContent()).toContain('Hors connexion');
    }
    await writeEntry(eti1, 'Progrès techniques', 'Partagé avec le salarié', shared);
    await writeEntry(eti1, 'Freins périphériques', 'Équipe', teamNote);
    await writeEntry(eti2, 'Alerte', 'Équipe', alert);
    const alertCard = eti2.getByTestId('log-entry').filter({ hasText: alert });
    await alertCard.getByText('Pas encore lue par la coordination').waitFor();
    await expect.poll(() => pendingOf(eti1)).toBe('2');
    await expect.poll(() => pendingOf(eti2)).toBe('1');
    for (const page of [eti1, eti2]) await page.context().setOffline(false);
    for (const page of [eti1, eti2]) await expect.poll(() => pendingOf(page), { timeout: 20_000 }).toBe('0');

    // 2. « À lire »: the new alert heads « À traiter »; the ETI1's entries are there to read.
    await synced(cp);
    await cp.getByRole('link', { name: 'À lire', exact: true }).click();
    const toHandle = cp.getByRole('region', { name: /^À traiter \(/ });
    await expect.poll(() => toHandle.getByTestId('log-entry').first().textContent(), { timeout: 20_000 }).toContain(alert);
    await toHandle.getByTestId('log-entry').first().getByText(`Salarié : ${NADIA}`).waitFor();
    const toRead = cp.getByRole('region', { name: /^Observations à lire \(/ });
    await toRead.getByText(shared).waitFor();
    await toRead.getByText(teamNote).waitFor();
    expect(await seriousA11yViolations(cp)).toEqual([]);

    // Filters: the ETI2's entries only, then Nadia's only; each narrows the list.
    const filters = cp.getByRole('search', { name: 'Filtrer ce qui est à lire' });
    const all = await inboxTotal(cp);
    await filters.getByLabel('Encadrant').selectOption({ label: ETI2 });
    await expect.poll(() => inboxTotal(cp)).toBeLessThan(all);
    const byEti2 = await inboxTotal(cp);
    const authors = await cp.getByTestId('log-entry').locator('header .meta').allTextContents();
    expect(authors.length).toBeGreaterThan(0);
    for (const a of authors) expect(a).toContain(`· ${ETI2}`);
    expect(await cp.getByText(shared).count()).toBe(0);
    await filters.getByLabel('Salarié').selectOption({ label: NADIA });
    await expect.poll(() => inboxTotal(cp)).toBeLessThanOrEqual(byEti2);
    for (const s of await cp.getByTestId('log-entry').getByText(/^Salarié : /).allTextContents()) expect(s).toContain(NADIA);

    // The alert handled: a follow-up, and it leaves « À traiter ».
    const alertInInbox = toHandle.getByTestId('log-entry').filter({ hasText: alert });
    await alertInInbox.getByLabel('Suite donnée (qui a été prévenu, ce qui a été fait)').fill(followUp);
    await alertInInbox.getByRole('button', { name: 'Enregistrer la suite donnée' }).click();
    await cp.getByText(`Suite enregistrée pour ${NADIA}.`).waitFor();
    await expect.poll(() => toHandle.getByText(alert).count()).toBe(0);

    // « Tout marquer comme lu »: what is shown is read, and the filtered list is empty.
    await cp.getByRole('button', { name: /^Tout marquer comme lu \(\d+\)/ }).click();
    await cp.getByText('Rien à lire avec ces filtres.').waitFor();
    expect(await inboxTotal(cp)).toBe(0);
    expect(await cp.getByTestId('log-entry').count()).toBe(0);
    await synced(cp);

    // The ETI2 reads the answer on the entry.
    await synced(eti2);
    await expect.poll(() => alertCard.getByTestId('review-state').textContent(), { timeout: 20_000 }).toMatch(new RegExp(`Traitée par ${COORDINATOR} le .* : ${followUp}$`));

    // 3. « Parcours »: sorted by PASS IAE end, the rows come in date order (then descending).
    await cp.getByRole('link', { name: 'Parcours', exact: true }).click();
    await cp.getByRole('heading', { name: 'Suivi des parcours' }).waitFor();
    const board = cp.getByRole('table');
    const passHeader = board.getByRole('columnheader', { name: /^Fin du PASS IAE/ });
    await board.getByRole('button', { name: /^Salarié/ }).click();
    await expect.poll(() => passHeader.getAttribute('aria-sort')).toBe(null);
    const passDates = async () => (await board.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.children[2]?.textContent ?? '')))
      .map((t) => boardDate(t));
    await passHeader.getByRole('button').click();
    await expect.poll(() => passHeader.getAttribute('aria-sort')).toBe('ascending');
    const ascending = await passDates();
    const dated = ascending.filter((d): d is string => d !== null);
    expect(dated.length).toBeGreaterThan(3);
    expect(dated).toEqual([...dated].sort());
    // Rows without a PASS come last.
    expect(ascending.slice(0, dated.length)).toEqual(dated);
    await passHeader.getByRole('button').click();
    await expect.poll(() => passHeader.getAttribute('aria-sort')).toBe('descending');
    const descending = (await passDates()).filter((d): d is string => d !== null);
    expect(descending).toEqual([...dated].reverse());
    expect(await seriousA11yViolations(cp)).toEqual([]);

    // 4. Mamadou's file, then his livret to print: the salarié's copy has only what he may read.
    await cp.getByRole('link', { name: 'Salariés', exact: true }).click();
    await cp.getByRole('link', { name: MAMADOU, exact: true }).click();
    await cp.getByRole('heading', { name: MAMADOU, level: 2 }).waitFor();
    await cp.getByRole('link', { name: 'Livret de suivi à imprimer' }).click();
    await cp.getByRole('heading', { name: `Livret de suivi — ${MAMADOU}` }).waitFor();
    expect(cp.url()).toMatch(/#\/salaries\/[^/]+\/livret-imprime$/);
    const printed = cp.getByRole('article', { name: 'Livret de suivi à imprimer' });
    await printed.getByText(shared).waitFor();
    expect(await printed.getByText(teamNote).count()).toBe(0);
    await cp.getByLabel('Pour l’équipe').check();
    await printed.getByText(teamNote).waitFor();
    await printed.getByText(shared).waitFor();
    expect(await printed.getByText(ETI1).count()).toBeGreaterThanOrEqual(2);
    // The print dialog would block the test: window.print only counts its calls.
    await cp.evaluate(() => {
      const w = window as unknown as { printed: number };
      w.printed = 0;
      window.print = () => { w.printed += 1; };
    });
    await cp.getByRole('button', { name: 'Imprimer' }).click();
    expect(await cp.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

    // 5. « Rapports »: the exits report as a CSV for French Excel.
    await cp.getByRole('link', { name: 'Rapports', exact: true }).click();
    const exits = cp.getByTestId('report-sorties');
    await exits.waitFor({ timeout: 20_000 });
    const totalRow = exits.getByRole('region', { name: 'Sorties par équipe' }).getByRole('row', { name: /^Toute la structure/ });
    const pageTotals = (await totalRow.locator('td').allTextContents()).slice(0, 7);
    const [download] = await Promise.all([
      cp.waitForEvent('download'),
      exits.getByRole('link', { name: 'Exporter (CSV) : Sorties et sorties dynamiques' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^rapport-sorties-\d{4}\.csv$/);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.split('\r\n')[0]).toContain(';');
    const rows = parseCsv(text);
    expect(rows[0]?.slice(0, 2)).toEqual(['Année', 'Équipe']);
    expect(rows[0]).toContain('Taux de sorties dynamiques (%)');
    const structureLine = rows.find((r) => r[1] === 'Toute la structure');
    expect(structureLine?.slice(2, 9)).toEqual(pageTotals);
    expect(rows.some((r) => r[0] === 'Salarié' && r[3] === 'Date de sortie')).toBe(true);

    await Promise.all([eti1.context().close(), eti2.context().close(), cp.context().close()]);
  });
});
