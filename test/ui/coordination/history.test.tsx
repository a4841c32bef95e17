// @vitest-environment jsdom
// « Historique » on a record of a salarié's file: who changed which field when, in French, with
// people's names, a value that lost a conflict marked « écartée (conflit) », and the offline
// message (the history is on the server). The admin API is an in-memory fake. A salarié's file
// carries one « Historique » per record: identity, aménagements and exit (each its own fields of
// the salarié), each contract, the PASS, each suspension and prolongation, each team membership.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import type { AdminApi } from '../../../src/client/admin';
import { structureQueries } from '../../../src/client/queries/structure';
import type { FieldHistoryItem } from '../../../src/domain/history/fieldHistory';
import { HistoryButton } from '../../../src/ui/coordination/history/HistoryButton';
import { HistoryPanel, OFFLINE_HISTORY } from '../../../src/ui/coordination/history/HistoryPanel';
import { SalarieFilePage } from '../../../src/ui/coordination/salaries/SalarieFilePage';
import { ServicesContext, type Services } from '../../../src/ui/shell/services';
import { STRUCTURE_ID, testServices } from '../services';

const settle = () => new Promise((r) => setTimeout(r, 60));
afterEach(async () => {
  cleanup();
  await settle();
});

const ME = '01900000-0000-7000-8000-0000000000c1';
const KARIM = '01900000-0000-7000-8000-0000000000e1';
const SAL = '01900000-0000-7000-8000-0000000000a1';

const HISTORY: FieldHistoryItem[] = [
  { field: 'firstName', value: 'Léa', hlc: '2026-11-02T08:00:00.000Z-0000-tab1', userId: ME, deviceId: 'd1', won: true, at: '2026-11-02T08:00:01.000Z' },
  { field: 'rqth', value: true, hlc: '2026-11-02T08:00:00.000Z-0000-tab1', userId: ME, deviceId: 'd1', won: true, at: '2026-11-02T08:00:01.000Z' },
  // Karim typed a phone number offline; Claire's later write kept hers.
  { field: 'phone', value: '06 11 11 11 11', hlc: '2026-11-10T07:15:00.000Z-0000-tab2', userId: KARIM, deviceId: 'd2', won: false, at: '2026-11-10T16:00:00.000Z' },
  { field: 'phone', value: '06 22 22 22 22', hlc: '2026-11-10T09:00:00.000Z-0000-tab1', userId: ME, deviceId: 'd1', won: true, at: '2026-11-10T09:00:01.000Z' },
  { field: 'exitDate', value: null, hlc: '2026-11-12T10:00:00.000Z-0000-tab1', userId: ME, deviceId: 'd1', won: true, at: '2026-11-12T10:00:01.000Z' },
];

async function setup(online = true) {
  const base = testServices({ id: ME, role: 'coordinator', structureId: STRUCTURE_ID, displayName: 'Claire Coord' });
  await base.write('user', ME, { structureId: STRUCTURE_ID, login: 'claire', displayName: 'Claire Coord', role: 'coordinator' });
  await base.write('user', KARIM, { structureId: STRUCTURE_ID, login: 'karim', displayName: 'Karim Benali', role: 'eti' });
  const history = vi.fn(async () => HISTORY.map((h) => ({ ...h })));
  const admin: AdminApi = { ...base.admin, history };
  const view = { ...base.sync.get(), online };
  const services: Services = { ...base, admin, sync: { get: () => view, subscribe: () => () => undefined } };
  return { services, history, db: base.db };
}

describe('HistoryPanel', () => {
  it('shows who changed which field when, newest first, with French labels and names', async () => {
    const { services, history } = await setup();
    render(<ServicesContext.Provider value={services}><HistoryPanel entity="salarie" id={SAL} /></ServicesContext.Provider>);
    const items = await screen.findAllByRole('listitem');
    expect(history).toHaveBeenCalledWith('salarie', SAL);
    expect(items).toHaveLength(4);
    // Newest first: the exit date cleared on 12 November.
    expect(items[0]!.textContent).toContain('12 nov. 2026');
    expect(within(items[0]!).getByText('Date de sortie')).toBeTruthy();
    expect(within(items[0]!).getByText('(vidé)')).toBeTruthy();
    const first = items[3]!;
    expect(first.textContent).toContain('Claire Coord');
    expect(within(first).getByText('Prénom')).toBeTruthy();
    expect(within(first).getByText('Léa')).toBeTruthy();
    expect(within(first).getByText('RQTH')).toBeTruthy();
    expect(within(first).getByText('Oui')).toBeTruthy();
  });

  it('keeps the value that lost a conflict, marked « écartée (conflit) », with its author', async () => {
    const { services } = await setup();
    render(<ServicesContext.Provider value={services}><HistoryPanel entity="salarie" id={SAL} /></ServicesContext.Provider>);
    const lost = (await screen.findByText('06 11 11 11 11')).closest('li')!;
    expect(lost.textContent).toContain('Karim Benali');
    expect(within(lost).getByText('Téléphone')).toBeTruthy();
    expect(within(lost).getByText('écartée (conflit)')).toBeTruthy();
    // The winning value is not marked.
    const kept = screen.getByText('06 22 22 22 22').closest('li')!;
    expect(within(kept).queryByText('écartée (conflit)')).toBeNull();
    expect(screen.getByText(/a été saisie en même temps qu’une autre, plus récente/)).toBeTruthy();
  });

  it('offline, says a connection is needed and asks the server only on « Réessayer »', async () => {
    const { services, history } = await setup(false);
    render(<ServicesContext.Provider value={services}><HistoryPanel entity="contract" id={SAL} /></ServicesContext.Provider>);
    expect(await screen.findByText(OFFLINE_HISTORY)).toBeTruthy();
    expect(history).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Réessayer' }));
    expect(await screen.findByText('Léa')).toBeTruthy();
  });
});

describe('HistoryButton', () => {
  it('opens and closes the history under the record', async () => {
    const { services, history } = await setup();
    render(<ServicesContext.Provider value={services}><HistoryButton entity="salarie" id={SAL} what="identité" /></ServicesContext.Provider>);
    const button = screen.getByRole('button', { name: 'Historique : identité' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(history).not.toHaveBeenCalled();
    fireEvent.click(button);
    expect(await screen.findByText('Léa')).toBeTruthy();
    expect(button.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(button);
    expect(screen.queryByText('Léa')).toBeNull();
  });
});

describe('Historique on a salarié\'s file', () => {
  const id = (n: number): string => `01900000-0000-7000-8000-${n.toString().padStart(12, '0')}`;
  const [TEAM, MEMBER, CONTRACT, PASS, SUSPENSION, PROLONGATION] = [id(301), id(401), id(501), id(601), id(701), id(801)];

  async function file() {
    const { services, history, db } = await setup();
    const base = { structureId: STRUCTURE_ID, salarieId: SAL };
    await services.write('salarie', SAL, { structureId: STRUCTURE_ID, firstName: 'Léa', lastName: 'Martin', entryDate: '2026-01-05' });
    await services.write('team', TEAM, { structureId: STRUCTURE_ID, name: 'Espaces verts', etiUserIds: [] });
    await services.write('membership', MEMBER, { ...base, teamId: TEAM, from: '2026-01-05' });
    await services.write('contract', CONTRACT, { ...base, type: 'cddi', start: '2026-01-05', end: '2026-07-04', weeklyHours: 26 });
    await services.write('passIae', PASS, { ...base, number: '999992612345', start: '2026-01-05' });
    await services.write('suspension', SUSPENSION, { ...base, passIaeId: PASS, start: '2026-03-02', end: '2026-03-31', reason: 'contract_suspended' });
    await services.write('prolongation', PROLONGATION, { ...base, passIaeId: PASS, start: '2027-12-24', end: '2028-06-23', reason: 'training', decision: 'pending' });
    const withStructure: Services = { ...services, queries: { ...services.queries, structure: structureQueries(db) } };
    render(<ServicesContext.Provider value={withStructure}><SalarieFilePage salarieId={SAL} /></ServicesContext.Provider>);
    await screen.findByRole('heading', { name: 'Léa Martin', level: 2 });
    return { history };
  }

  it('shows a history button on every record, named after it', async () => {
    const { history } = await file();
    const names = screen.getAllByRole('button', { name: /^Historique : / }).map((b) => b.getAttribute('aria-label'));
    expect(names).toEqual([
      'Historique : identité',
      'Historique : RQTH et aménagements',
      'Historique : équipe Espaces verts depuis le 05/01/2026',
      'Historique : contrat CDDI (CDD d’insertion) du 05/01/2026 au 04/07/2026',
      'Historique : PASS IAE',
      'Historique : la suspension du 02/03/2026 au 31/03/2026',
      'Historique : la prolongation du 24/12/2027 au 23/06/2028',
      'Historique : sortie',
    ]);
    // Each button opens its own panel: ids are unique though three buttons are on the salarié.
    const controls = screen.getAllByRole('button', { name: /^Historique : / }).map((b) => b.getAttribute('aria-controls'));
    expect(new Set(controls).size).toBe(controls.length);
    // Nothing is asked of the server until a history is opened.
    expect(history).not.toHaveBeenCalled();
  });

  it('opens the history of the record pressed, under it', async () => {
    const { history } = await file();
    const contract = screen.getByRole('button', { name: /^Historique : contrat / });
    fireEvent.click(contract);
    await waitFor(() => expect(history).toHaveBeenCalledWith('contract', CONTRACT));
    const panel = document.getElementById(contract.getAttribute('aria-controls')!)!;
    expect(await within(panel).findByRole('region', { name: 'Historique des modifications' })).toBeTruthy();
    expect(contract.closest('li')!.contains(panel)).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Historique : la suspension du 02/03/2026 au 31/03/2026' }));
    await waitFor(() => expect(history).toHaveBeenCalledWith('suspension', SUSPENSION));
    fireEvent.click(screen.getByRole('button', { name: /^Historique : équipe / }));
    await waitFor(() => expect(history).toHaveBeenCalledWith('membership', MEMBER));
  });

  it('shows, under the identity, only the identity\'s fields of the salarié', async () => {
    const { history } = await file();
    const identity = screen.getByRole('button', { name: 'Historique : identité' });
    fireEvent.click(identity);
    await waitFor(() => expect(history).toHaveBeenCalledWith('salarie', SAL));
    const panel = document.getElementById(identity.getAttribute('aria-controls')!)!;
    await within(panel).findByText('06 22 22 22 22');
    expect(within(panel).getByText('Prénom')).toBeTruthy();
    // RQTH and the exit date are in their own sections' histories.
    expect(within(panel).queryByText('RQTH')).toBeNull();
    expect(within(panel).queryByText('Date de sortie')).toBeNull();

    const exit = screen.getByRole('button', { name: 'Historique : sortie' });
    fireEvent.click(exit);
    const exitPanel = document.getElementById(exit.getAttribute('aria-controls')!)!;
    await within(exitPanel).findByText('Date de sortie');
    expect(within(exitPanel).queryByText('Prénom')).toBeNull();
  });
});
