// @vitest-environment jsdom
// RGPD screens: on a salarié's file, « Exporter ses données (RGPD) » downloads the server's JSON;
// « Effacer ses données » appears only once the person has left and erases only after the last
// name is typed; offline, both say a connection is needed. « Conservation des dossiers » saves
// the keeping time on the tablet and lists the exited people whose time is over, with links.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { ApiError, NetworkError } from '../../../src/client/api';
import type { AdminApi } from '../../../src/client/admin';
import type { EraseResult, SalarieExport } from '../../../src/sync/rgpd';
import { RetentionPage } from '../../../src/ui/coordination/rgpd/RetentionPage';
import { RgpdSection } from '../../../src/ui/coordination/rgpd/RgpdSection';
import { ServicesContext, type Services } from '../../../src/ui/shell/services';
import { STRUCTURE_ID, testServices } from '../services';

const settle = () => new Promise((r) => setTimeout(r, 60));
afterEach(async () => {
  cleanup();
  vi.restoreAllMocks();
  await settle();
});

const ME = '01900000-0000-7000-8000-0000000000c1';
const SAL = '01900000-0000-7000-8000-0000000000a1';
const SAL2 = '01900000-0000-7000-8000-0000000000a2';
const SAL3 = '01900000-0000-7000-8000-0000000000a3';
// testServices' clock: 2026-11-20.

const EXPORT: SalarieExport = {
  exportedAt: '2026-11-20T10:00:00.000Z',
  salarie: { id: SAL, firstName: 'Amina', lastName: 'Diallo' },
  records: {},
  history: [],
  privateEntries: [{ authorId: ME, date: '2026-03-04' }],
};

function fakeAdmin(opts: { offline?: boolean; eraseError?: unknown } = {}) {
  const offline = () => { if (opts.offline) throw new NetworkError(new TypeError('fetch failed')); };
  return {
    exportSalarie: vi.fn(async (): Promise<SalarieExport> => { offline(); return EXPORT; }),
    eraseSalarie: vi.fn(async (): Promise<EraseResult> => {
      offline();
      if (opts.eraseError) throw opts.eraseError;
      return { records: 12, deactivatedLogins: 1, revokedDevices: 1 };
    }),
  };
}

async function setup(opts: { online?: boolean; offline?: boolean; eraseError?: unknown; exitDate?: string } = {}) {
  const base = testServices({ id: ME, role: 'coordinator', structureId: STRUCTURE_ID, displayName: 'Claire Coord' });
  await base.write('structure', STRUCTURE_ID, { name: 'Tremplin', type: 'ACI' });
  await base.write('salarie', SAL, { structureId: STRUCTURE_ID, firstName: 'Amina', lastName: 'Diallo', ...(opts.exitDate ? { exitDate: opts.exitDate } : {}) });
  const view = { ...base.sync.get(), online: opts.online ?? true };
  const fake = fakeAdmin(opts);
  const syncNow = vi.fn(async () => undefined);
  const admin: AdminApi = { ...base.admin, ...fake };
  const services: Services & { db: typeof base.db } = { ...base, admin, syncNow, sync: { get: () => view, subscribe: () => () => undefined } };
  return { services, fake, syncNow };
}

const ui = (services: Services, node: preact.ComponentChild) => render(<ServicesContext.Provider value={services}>{node}</ServicesContext.Provider>);

describe('RgpdSection', () => {
  let created: Blob[];
  let clicked: string[];
  beforeEach(() => {
    created = [];
    clicked = [];
    // jsdom has no object URLs nor downloads: record what would be saved.
    URL.createObjectURL = vi.fn((b: Blob) => { created.push(b); return 'blob:export'; });
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) { clicked.push(this.download); });
  });

  it('downloads the export as a JSON file named after the person', async () => {
    const { services, fake } = await setup();
    ui(services, <RgpdSection salarieId={SAL} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Exporter ses données (RGPD)' }));
    await screen.findByText(/Export téléchargé/);
    expect(fake.exportSalarie).toHaveBeenCalledWith(SAL);
    expect(clicked).toEqual(['donnees-diallo-amina-2026-11-20.json']);
    expect(JSON.parse(await created[0]!.text())).toEqual(EXPORT);
  });

  it('offers no erasure before the exit, and says why', async () => {
    const { services } = await setup({ exitDate: '2026-12-31' });
    ui(services, <RgpdSection salarieId={SAL} />);
    await screen.findByRole('button', { name: 'Exporter ses données (RGPD)' });
    expect(screen.queryByRole('button', { name: 'Effacer ses données' })).toBeNull();
    expect(screen.getByText(/L’effacement sera possible à partir de la date de sortie \(31 déc\. 2026\)/)).toBeTruthy();
  });

  it('asks for the date of exit first when there is none', async () => {
    const { services } = await setup();
    ui(services, <RgpdSection salarieId={SAL} />);
    expect(await screen.findByText(/renseignez d’abord la date de sortie/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Effacer ses données' })).toBeNull();
  });

  it('erases after the exit only once the last name is typed, then syncs', async () => {
    const { services, fake, syncNow } = await setup({ exitDate: '2026-10-31' });
    ui(services, <RgpdSection salarieId={SAL} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Effacer ses données' }));
    const form = screen.getByRole('form', { name: 'Confirmer l’effacement' });
    expect(form.textContent).toContain('Rien ne pourra être récupéré');
    const confirm = within(form).getByRole('button', { name: 'Effacer définitivement' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    const input = within(form).getByLabelText(/tapez son nom de famille : Diallo/);
    fireEvent.input(input, { target: { value: 'Dial' } });
    expect(within(form).getByText('Le nom tapé ne correspond pas.')).toBeTruthy();
    fireEvent.submit(form);
    await settle();
    expect(fake.eraseSalarie).not.toHaveBeenCalled();

    fireEvent.input(input, { target: { value: ' DIALLO ' } });
    expect(confirm.disabled).toBe(false);
    fireEvent.click(confirm);
    const done = await screen.findByRole('status');
    expect(done.textContent).toContain('Données effacées sur le serveur (12 enregistrements, compte du salarié désactivé)');
    expect(done.textContent).toContain('prochaine synchronisation');
    expect(fake.eraseSalarie).toHaveBeenCalledWith(SAL);
    expect(syncNow).toHaveBeenCalled();
  });

  it('shows the server’s refusal in French and keeps the confirmation', async () => {
    const { services } = await setup({ exitDate: '2026-10-31', eraseError: new ApiError(409, { error: 'not_exited', message: 'pas encore sorti' }) });
    ui(services, <RgpdSection salarieId={SAL} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Effacer ses données' }));
    fireEvent.input(screen.getByLabelText(/tapez son nom de famille/), { target: { value: 'diallo' } });
    fireEvent.click(screen.getByRole('button', { name: 'Effacer définitivement' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Les données ne peuvent être effacées qu’à partir de la date de sortie du salarié.');
    expect(screen.getByRole('form', { name: 'Confirmer l’effacement' })).toBeTruthy();
  });

  it('says a connection is needed when the tablet is offline, and when the server cannot be reached', async () => {
    const off = await setup({ online: false, exitDate: '2026-10-31' });
    ui(off.services, <RgpdSection salarieId={SAL} />);
    expect(await screen.findByText(/Connexion nécessaire pour exporter ou effacer/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Exporter ses données (RGPD)' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Effacer ses données' }) as HTMLButtonElement).disabled).toBe(true);
    cleanup();

    const unreachable = await setup({ offline: true });
    ui(unreachable.services, <RgpdSection salarieId={SAL} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Exporter ses données (RGPD)' }));
    expect(await screen.findByText(/Connexion nécessaire pour exporter ou effacer/)).toBeTruthy();
    expect(clicked).toEqual([]);
  });
});

describe('RetentionPage', () => {
  async function withPeople() {
    const s = await setup();
    await s.services.write('salarie', SAL, { exitDate: '2023-06-30' });
    await s.services.write('salarie', SAL2, { structureId: STRUCTURE_ID, firstName: 'Bruno', lastName: 'Martin', exitDate: '2026-01-15' });
    await s.services.write('salarie', SAL3, { structureId: STRUCTURE_ID, firstName: 'Chloé', lastName: 'Roux', entryDate: '2026-01-05' });
    return s;
  }

  it('saves the keeping time and lists the files past it, with a link to each', async () => {
    const { services } = await withPeople();
    ui(services, <RetentionPage />);
    expect(await screen.findByText(/Aucune durée de conservation n’est fixée/)).toBeTruthy();
    const input = screen.getByLabelText('Durée de conservation après la sortie (mois)');
    fireEvent.input(input, { target: { value: '24' } });
    const save = screen.getByRole('button', { name: 'Enregistrer la durée' }) as HTMLButtonElement;
    await waitFor(() => expect(save.disabled).toBe(false));
    fireEvent.click(save);
    expect((await screen.findByRole('status')).textContent).toBe('Durée de conservation enregistrée sur la tablette.');
    expect((await services.queries.structure.structure())?.retentionMonths).toBe(24);

    const list = await screen.findByRole('list', { name: 'Dossiers dont la durée de conservation est dépassée' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(items[0]!.textContent).toContain('sorti le 30 juin 2023, à conserver jusqu’au 30 juin 2025');
    expect(within(items[0]!).getByRole('link', { name: 'Amina Diallo' }).getAttribute('href')).toBe(`#/salaries/${SAL}`);
  });

  it('shows the saved setting and a shorter one brings more files', async () => {
    const { services } = await withPeople();
    await services.write('structure', STRUCTURE_ID, { retentionMonths: 6 });
    ui(services, <RetentionPage />);
    await waitFor(() => expect((screen.getByLabelText('Durée de conservation après la sortie (mois)') as HTMLInputElement).value).toBe('6'));
    const list = await screen.findByRole('list', { name: 'Dossiers dont la durée de conservation est dépassée' });
    expect(within(list).getAllByRole('link').map((a) => a.textContent)).toEqual(['Amina Diallo', 'Bruno Martin']);
  });

  it('refuses a wrong duration with a French message and writes nothing', async () => {
    const { services } = await withPeople();
    ui(services, <RetentionPage />);
    const input = await screen.findByLabelText('Durée de conservation après la sortie (mois)');
    fireEvent.input(input, { target: { value: '300' } });
    expect(screen.getByText('Entre 1 et 240 mois.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Enregistrer la durée' }) as HTMLButtonElement).disabled).toBe(true);
    expect((await services.queries.structure.structure())?.retentionMonths).toBeUndefined();
  });
});
