// @vitest-environment jsdom
// « Journal des accès »: the server's lines (ids only) shown with the names this tablet knows —
// the reader and the salarié —, what was read and how many records, in a table; the period and
// salarié filters go to the server; older lines on demand; the offline message. The audit API is
// an in-memory fake.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import type { AuditApi, AuditFilter } from '../../../src/client/audit';
import type { AuditLine } from '../../../src/sync/protocol';
import { AuditPage, OFFLINE_AUDIT } from '../../../src/ui/coordination/audit/AuditPage';
import { ServicesContext, type Services } from '../../../src/ui/shell/services';
import { STRUCTURE_ID, testServices } from '../services';

const settle = () => new Promise((r) => setTimeout(r, 60));
afterEach(async () => {
  cleanup();
  await settle();
});

const ME = '01900000-0000-7000-8000-0000000000c1';
const KARIM = '01900000-0000-7000-8000-0000000000e1';
const AMINA = '01900000-0000-7000-8000-0000000000a1';
const BRUNO = '01900000-0000-7000-8000-0000000000a2';
const ERASED = '01900000-0000-7000-8000-0000000000a3';

const line = (id: string, over: Partial<AuditLine>): AuditLine => ({
  id, at: '2026-11-20T09:00:00.000Z', userId: KARIM, role: 'eti', deviceId: 'd2', kind: 'pull', entity: 'diagnostic', salarieIds: [AMINA], records: 1, ...over,
});

const LINES: AuditLine[] = [
  line('l4', { at: '2026-11-20T11:00:00.000Z', userId: ME, role: 'coordinator', kind: 'erase', entity: 'salarie', salarieIds: [ERASED], records: null }),
  line('l3', { at: '2026-11-19T11:00:00.000Z', userId: ME, role: 'coordinator', kind: 'export', entity: 'salarie', salarieIds: [BRUNO], records: 14 }),
  line('l2', { at: '2026-11-18T11:00:00.000Z', kind: 'pull', entity: 'logEntry', salarieIds: [AMINA, BRUNO], records: 3 }),
  line('l1', { at: '2026-11-02T11:00:00.000Z' }),
];

/** The server in a few lines: filters by day and salarié, newest first, pages of `limit`. */
function fakeAudit() {
  const list = vi.fn(async (f: AuditFilter) => {
    const all = LINES.filter((l) => (f.from === undefined || l.at.slice(0, 10) >= f.from) && (f.to === undefined || l.at.slice(0, 10) <= f.to)
      && (f.salarieId === undefined || l.salarieIds.includes(f.salarieId)));
    const start = f.before === undefined ? 0 : all.findIndex((l) => l.id === f.before) + 1;
    const limit = f.limit ?? 50;
    const page = all.slice(start, start + limit);
    const more = start + limit < all.length;
    return { lines: page.map((l) => ({ ...l })), ...(more ? { next: page.at(-1)!.id } : {}) };
  });
  return { list };
}

async function setup(opts: { online?: boolean; audit?: AuditApi | null } = {}) {
  const base = testServices({ id: ME, role: 'coordinator', structureId: STRUCTURE_ID, displayName: 'Claire Coord' });
  await base.write('user', ME, { structureId: STRUCTURE_ID, login: 'claire', displayName: 'Claire Coord', role: 'coordinator' });
  await base.write('user', KARIM, { structureId: STRUCTURE_ID, login: 'karim', displayName: 'Karim Benali', role: 'eti' });
  await base.write('salarie', AMINA, { structureId: STRUCTURE_ID, firstName: 'Amina', lastName: 'Diallo' });
  await base.write('salarie', BRUNO, { structureId: STRUCTURE_ID, firstName: 'Bruno', lastName: 'Martin' });
  const view = { ...base.sync.get(), online: opts.online ?? true };
  const services: Services = { ...base, sync: { get: () => view, subscribe: () => () => undefined } };
  const fake = fakeAudit();
  const audit = opts.audit === null ? undefined : opts.audit ?? fake;
  render(<ServicesContext.Provider value={services}><AuditPage audit={audit} /></ServicesContext.Provider>);
  return { audit: fake };
}

const table = () => screen.findByRole('table', { name: /Accès aux données confidentielles/ });
const rows = async () => within(await table()).getAllByRole('row').slice(1);
const cells = (row: HTMLElement) => [...row.querySelectorAll('th, td')].map((c) => c.textContent);

describe('AuditPage', () => {
  it('lists the reads newest first, with the reader and the salarié named from the tablet', async () => {
    await setup();
    // Names come from the tablet's own records, read beside the call.
    await waitFor(async () => expect((await rows()).map(cells)[2]?.slice(1, 4)).toEqual(['Karim Benali (Encadrant technique)', expect.any(String), 'Amina Diallo, Bruno Martin']));
    const shown = (await rows()).map(cells);
    expect(shown).toHaveLength(4);
    expect(within(await table()).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Date', 'Qui', 'Lecture', 'Salarié', 'Enregistrements']);
    expect(shown[0]).toEqual([expect.stringContaining('20 nov. 2026 à'), 'Claire Coord (Coordination)', 'Effacement RGPD du dossier', 'salarié effacé ou inconnu', '—']);
    expect(shown[1]).toEqual([expect.stringContaining('19 nov. 2026'), 'Claire Coord (Coordination)', 'Export RGPD du dossier', 'Bruno Martin', '14']);
    expect(shown[2]).toEqual([expect.stringContaining('18 nov. 2026'), 'Karim Benali (Encadrant technique)', 'Synchronisation d’entrées privées du livret', 'Amina Diallo, Bruno Martin', '3']);
    expect(shown[3]?.slice(2)).toEqual(['Synchronisation de diagnostics socio-professionnels', 'Amina Diallo', '1']);
  });

  it('filters by salarié and by period, on the server', async () => {
    const { audit } = await setup();
    await waitFor(async () => expect(await rows()).toHaveLength(4));
    const select = screen.getByLabelText('Salarié');
    await waitFor(() => expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['Tous les salariés', 'Amina Diallo', 'Bruno Martin']));
    fireEvent.change(select, { target: { value: AMINA } });
    await waitFor(async () => expect(await rows()).toHaveLength(2));
    expect(audit.list).toHaveBeenLastCalledWith(expect.objectContaining({ salarieId: AMINA }));
    expect((await rows()).every((r) => r.textContent!.includes('Amina Diallo'))).toBe(true);

    fireEvent.input(screen.getByLabelText('Du'), { target: { value: '2026-11-10' } });
    fireEvent.input(screen.getByLabelText('Au'), { target: { value: '2026-11-19' } });
    await waitFor(async () => expect(await rows()).toHaveLength(1));
    expect(audit.list).toHaveBeenLastCalledWith(expect.objectContaining({ from: '2026-11-10', to: '2026-11-19', salarieId: AMINA }));
    expect(cells((await rows())[0]!)[2]).toBe('Synchronisation d’entrées privées du livret');

    // An end before the start is said, and not sent.
    const calls = audit.list.mock.calls.length;
    fireEvent.input(screen.getByLabelText('Au'), { target: { value: '2026-11-01' } });
    expect((await screen.findByRole('alert')).textContent).toBe('La date de fin précède la date de début.');
    await settle();
    expect(audit.list.mock.calls.length).toBe(calls);

    fireEvent.click(screen.getByRole('button', { name: 'Effacer les filtres' }));
    await waitFor(async () => expect(await rows()).toHaveLength(4));
  });

  it('shows older lines on demand', async () => {
    const audit = fakeAudit();
    const paged: AuditApi = { list: (f) => audit.list({ ...f, limit: 2 }) };
    await setup({ audit: paged });
    await waitFor(async () => expect(await rows()).toHaveLength(2));
    fireEvent.click(screen.getByRole('button', { name: 'Voir les accès plus anciens' }));
    await waitFor(async () => expect(await rows()).toHaveLength(4));
    expect(screen.queryByRole('button', { name: 'Voir les accès plus anciens' })).toBeNull();
  });

  it('says a connection is needed when offline, and asks nothing', async () => {
    const { audit } = await setup({ online: false });
    expect((await screen.findByRole('status')).textContent).toContain(OFFLINE_AUDIT);
    await settle();
    expect(audit.list).not.toHaveBeenCalled();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('says so too when the tablet has no way to reach the journal', async () => {
    await setup({ audit: null });
    expect((await screen.findByRole('status')).textContent).toContain(OFFLINE_AUDIT);
  });
});
