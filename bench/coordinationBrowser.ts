// Runs in Chromium (loaded by bench/coordination.ts through Vite): fills a real IndexedDB with a
// structure of 10 teams, 200 salariés en parcours and 2,000 livret entries over 3 months
// (bench/coordinationSeed.ts), then times the coordinator's two daily screens against the target
// of issue 11, each ≤ 100 ms with the CPU throttled ×4:
// - home: CoordinatorHome as the app shows it, « À décider » (board/ToDecide.tsx) above the inbox
//   (inbox/Inbox.tsx); from render() to the end of the first frame that holds the inbox's first
//   page (alerts à traiter, then entries to read) AND the first page of « À décider » cards
//   (with its heading's total).
// - board: BoardPage (`#/parcours`), the same, until the table holds its first rows (the first
//   frame renders BOARD_FIRST_ROWS of them, the status line the total); `allRows` times the same
//   opens until every row has been rendered (the rest come in chunks when the page is idle).
// - *Filter: on the warm screen, another team chosen in the filter's select, until the frame that
//   shows the filtered list (no re-read: both screens filter in memory).
// cold: a new Dexie connection each run (nothing in memory, nothing saved by an earlier run of
// the app: the `memory` table emptied before each run; IndexedDB's files warm, the code loaded):
// the first open of the day; coldSaved: the same with the answers an earlier open of the same day
// saved (client/queries/persistedMemory.ts), i.e. the app restarted later that day; warm: the same
// connection again, the screen reopened (its first open is not counted).
// After each timed run, untimed, the painted list is checked against what the domain rules give
// for the seeded arrays (row count, heading count, first row), not against the screen's own read.
// queries*: the reads alone (no screen), cold and warm, to tell reading from rendering;
// paintOnly: the screens painted from answers already read (the floor a remembered answer reaches).
import { h, render } from 'preact';
import { openDeviceDb, type DeviceDb } from '../src/client/db';
import { observe } from '../src/client/queries/live';
import { byTarget, openDeadlines } from '../src/domain/parcours/deadlines';
import { currentPass, parcoursDeadlines } from '../src/domain/parcours/facts';
import { byFrench } from '../src/domain/people';
import { NO_FILTER, type InboxFilter } from '../src/domain/review/filters';
import { inboxView } from '../src/domain/review/inbox';
import { groupByEntry } from '../src/domain/review/readState';
import type { SessionUser } from '../src/sync/protocol';
import { BOARD_FIRST_ROWS, BoardPage } from '../src/ui/coordination/board/BoardPage';
import { TO_DECIDE_PAGE } from '../src/ui/coordination/board/ToDecide';
import { INBOX_FIRST } from '../src/ui/coordination/inbox/Inbox';
import { CoordinatorHome } from '../src/ui/coordination/CoordinatorHome';
import { inboxOptions } from '../src/ui/coordination/inbox/inboxOptions';
import { isoDay } from '../src/ui/shell/format';
import { ServicesContext, type Services } from '../src/ui/shell/services';
import { pause, servicesFor, summary, timeRead, untilPainted } from './browser/paint';
import { buildSeed, writeSeed, type Seed } from './coordinationSeed';

declare global {
  interface Window { benchRuns?: number; benchOnly?: string; benchResult?: unknown; benchError?: string; benchStage?: string }
}

/** rows: rendered in the first frame; all: what the list holds (its heading or status says it). */
interface Expected { rows: number; heading: string; first: string; all?: number }

/** The inbox's first page as the domain rules give it for the seed, under `filter`. */
function expectedInbox(seed: Seed, today: string, filter: InboxFilter): Expected {
  const view = inboxView({ entries: seed.entries, reviewsByEntry: groupByEntry(seed.reviews), reviewerId: seed.coordinatorId, today, filter, memberships: seed.memberships });
  const first = view.toHandle[0] ?? view.toRead[0];
  return { rows: Math.min(INBOX_FIRST.alerts, view.toHandle.length) + Math.min(INBOX_FIRST.others, view.toRead.length), heading: `À lire (${view.toHandle.length + view.toRead.length}`, first: first?.text ?? '' };
}

/** « À décider »: every open deadline of the seed, soonest first. */
function expectedToDecide(seed: Seed, today: string): Expected {
  const items = seed.salaries.flatMap((s) => openDeadlines(parcoursDeadlines({
    salarieId: s.id, passes: seed.passes.filter((p) => p.salarieId === s.id), suspensions: seed.suspensions.filter((p) => p.salarieId === s.id),
    prolongations: seed.prolongations.filter((p) => p.salarieId === s.id), contracts: seed.contracts.filter((c) => c.salarieId === s.id),
  }), seed.handledKeys, today).map((d) => ({ d, who: `${s.firstName} ${s.lastName}` })));
  items.sort((a, b) => byTarget(a.d, b.d));
  return { rows: Math.min(TO_DECIDE_PAGE, items.length), heading: `À décider (${items.length})`, first: items[0]?.who ?? '' };
}

/** The board's rows for `teamId` ('' = all), by PASS end as it opens (then by name). */
function expectedBoard(seed: Seed, teamId: string): Expected {
  const rows = seed.salaries.filter((s) => teamId === '' || s.teamId === teamId).map((s) => ({
    name: `${s.lastName} ${s.firstName}`,
    end: currentPass({ passes: seed.passes.filter((p) => p.salarieId === s.id), suspensions: seed.suspensions.filter((p) => p.salarieId === s.id), prolongations: seed.prolongations.filter((p) => p.salarieId === s.id) })?.end ?? null,
  }));
  rows.sort((a, b) => (a.end === b.end ? 0 : a.end === null ? 1 : b.end === null ? -1 : a.end.localeCompare(b.end)) || byFrench(a.name, b.name));
  return { rows: Math.min(BOARD_FIRST_ROWS, rows.length), all: rows.length, heading: `${rows.length} salariés en parcours`, first: rows[0]?.name ?? '' };
}

// --- what is on screen (checked every frame while timing: cheap) -------------------------------

function inboxShows(root: HTMLElement, e: Expected): boolean {
  const entries = root.querySelectorAll('[data-testid="log-entry"]');
  return entries.length === e.rows && (entries[0]?.textContent ?? '').includes(e.first)
    && (root.querySelector('#inbox-title')?.textContent ?? '').startsWith(e.heading);
}

function toDecideShows(root: HTMLElement, e: Expected): boolean {
  const cards = root.querySelectorAll('.to-decide li.card');
  return cards.length === e.rows && (e.rows === 0 || (cards[0]?.textContent ?? '').includes(e.first))
    && (root.querySelector('#to-decide-title')?.textContent ?? '') === e.heading;
}

/** The first rows at least (more follow once painted), and the total in the status line. */
function boardShows(root: HTMLElement, e: Expected): boolean {
  const rows = root.querySelectorAll('table.board tbody tr');
  return rows.length >= e.rows && rows[0]?.querySelector('th')?.textContent === e.first
    && root.querySelector('.board [role="status"]')?.textContent === e.heading;
}

/** Every row rendered. */
function boardShowsAll(root: HTMLElement, e: Expected): boolean {
  return root.querySelectorAll('table.board tbody tr').length === (e.all ?? e.rows) && boardShows(root, e);
}

/** Untimed, after each run: the same checks, failing loudly with what was seen. */
function assertShown(what: string, ok: boolean, root: HTMLElement, selector: string): void {
  if (ok) return;
  const seen = root.querySelectorAll(selector);
  throw new Error(`${what}: ${seen.length} rows painted, first « ${(seen[0]?.textContent ?? '').slice(0, 120)} »`);
}

function select(root: HTMLElement, id: string, value: string): void {
  const el = root.querySelector<HTMLSelectElement>(`#${id}`);
  if (el === null) throw new Error(`#${id} missing`);
  el.value = value;
  el.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Resolves with the first answer of a live query (client/queries/live.ts), then unsubscribes. */
function firstLive<T>(read: () => Promise<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    // The first answer comes asynchronously, after observe() has returned `stop`.
    const stop: () => void = observe(read, (v) => { resolve(v); setTimeout(() => stop(), 0); }, reject);
  });
}

async function run() {
  const runs = window.benchRuns ?? 10;
  const today = isoDay(new Date());
  const seed = buildSeed(today);
  const dbName = `bench-coord-${Date.now()}`;
  const db = openDeviceDb(dbName);
  const t = performance.now();
  const records = await writeSeed(db, seed);
  const seedMs = Math.round(performance.now() - t);
  const user: SessionUser = { id: seed.coordinatorId, role: 'coordinator', structureId: seed.structureId, displayName: 'Claire Coordination' };
  const services = servicesFor(db, user);
  const root = document.getElementById('root')!;
  const fresh = (): { db: DeviceDb; services: Services } => { const d = openDeviceDb(dbName); return { db: d, services: servicesFor(d, user) }; };

  const inboxAll = expectedInbox(seed, today, NO_FILTER);
  const decide = expectedToDecide(seed, today);
  const boardAll = expectedBoard(seed, '');
  const homeShows = (e: Expected) => inboxShows(root, e) && toDecideShows(root, decide);

  // The reads alone: cold (first read on a new connection) and warm (the same connection again).
  const coldRead = async (read: (s: Services) => Promise<unknown>) => {
    const out: number[] = [];
    for (let i = 0; i < 3; i++) { const f = fresh(); out.push(...await timeRead(1, () => read(f.services))); f.db.close(); }
    return out;
  };
  window.benchStage = 'queries';
  const rows = await services.queries.coordination.inbox(user.id, today);
  const queries = {
    inboxColdMs: await coldRead((s) => s.queries.coordination.inbox(user.id, today)),
    inboxWarmMs: await timeRead(5, () => services.queries.coordination.inbox(user.id, today)),
    inboxViewMs: await timeRead(5, async () => inboxView({ entries: rows.entries, reviewsByEntry: rows.reviews, reviewerId: user.id, today, filter: NO_FILTER, memberships: rows.memberships })),
    inboxOptionsMs: await timeRead(5, async () => inboxOptions(rows)),
    toDecideColdMs: await coldRead((s) => s.queries.parcours.toDecide(today)),
    toDecideWarmMs: await timeRead(5, () => services.queries.parcours.toDecide(today)),
    boardColdMs: await coldRead((s) => s.queries.parcours.board(today)),
    boardWarmMs: await timeRead(5, () => services.queries.parcours.board(today)),
    // The same read through the live query the screens subscribe with, on a new connection.
    boardLiveColdMs: await coldRead((s) => firstLive(() => s.queries.parcours.board(today))),
    inboxLiveColdMs: await coldRead((s) => firstLive(() => s.queries.coordination.inbox(user.id, today))),
  };

  const mount = (svc: Services, screen: 'home' | 'board') => {
    render(null, root);
    const t0 = performance.now();
    render(h(ServicesContext.Provider, { value: svc }, screen === 'home' ? h(CoordinatorHome, {}) : h(BoardPage, {})), root);
    return t0;
  };

  async function screenRuns(screen: 'home' | 'board') {
    const shows = screen === 'home' ? () => homeShows(inboxAll) : () => boardShows(root, boardAll);
    const check = () => screen === 'home'
      ? (assertShown('inbox', inboxShows(root, inboxAll), root, '[data-testid="log-entry"]'), assertShown('à décider', toDecideShows(root, decide), root, '.to-decide li.card'))
      : assertShown('board', boardShows(root, boardAll), root, 'table.board tbody tr');
    // The board's rows after the first ones, from the same render() (0 for the home: no chunks).
    const untilAll = (t0: number) => (screen === 'board' ? untilPainted(() => boardShowsAll(root, boardAll), t0) : Promise.resolve(0));
    const coldRuns = async (stage: string, before: () => Promise<unknown>) => {
      const first: number[] = [];
      const all: number[] = [];
      for (let i = 0; i < runs; i++) {
        window.benchStage = `${screen} ${stage} ${i}`;
        await before();
        const f = fresh();
        const t0 = mount(f.services, screen);
        first.push(await untilPainted(shows, t0));
        check();
        all.push(await untilAll(t0));
        render(null, root);
        f.db.close();
        await pause(300);
      }
      return { first, all };
    };
    // Nothing saved: each run starts from an empty `memory` table.
    const { first: cold, all: coldAll } = await coldRuns('cold', () => db.memory.clear());
    // An open earlier the same day, left to save its answers when idle (within 2 s).
    window.benchStage = `${screen} saving`;
    mount(services, screen);
    await untilPainted(shows);
    render(null, root);
    await pause(2500);
    const saved = await coldRuns('cold saved', () => Promise.resolve());
    // Warm: the same connection; its first open fills whatever it caches and is not counted.
    mount(services, screen);
    await untilPainted(shows);
    await pause(300);
    const warm: number[] = [];
    const warmAll: number[] = [];
    for (let i = 0; i < runs; i++) {
      window.benchStage = `${screen} warm ${i}`;
      const t0 = mount(services, screen);
      warm.push(await untilPainted(shows, t0));
      check();
      warmAll.push(await untilAll(t0));
      await pause(300);
    }
    // A filter change on the open screen: another team each run.
    const filter: number[] = [];
    for (let i = 0; i < runs; i++) {
      window.benchStage = `${screen} filter ${i}`;
      const team = seed.teams[(i + 1) % seed.teams.length]!;
      const e = screen === 'home' ? expectedInbox(seed, today, { ...NO_FILTER, teamId: team.id }) : expectedBoard(seed, team.id);
      const ok = screen === 'home' ? () => inboxShows(root, e) : () => boardShows(root, e);
      const t0 = performance.now();
      select(root, screen === 'home' ? 'inbox-team' : 'board-team', team.id);
      filter.push(await untilPainted(ok, t0));
      assertShown(`${screen} filtered`, ok(), root, screen === 'home' ? '[data-testid="log-entry"]' : 'table.board tbody tr');
      await pause(300);
    }
    render(null, root);
    return {
      cold: summary(cold), coldSaved: summary(saved.first), warm: summary(warm), filter: summary(filter),
      ...(screen === 'board' ? { coldAllRows: summary(coldAll), coldSavedAllRows: summary(saved.all), warmAllRows: summary(warmAll) } : {}),
    };
  }

  // The floor: the screens painted from answers read beforehand (no IndexedDB at all), i.e. what
  // a reopen painted from a remembered answer costs. Untimed first mount, then `runs` timed.
  async function paintOnly(screen: 'home' | 'board') {
    window.benchStage = `${screen} paint only`;
    const answers = { inbox: rows, toDecide: await services.queries.parcours.toDecide(today), board: await services.queries.parcours.board(today) };
    const q = services.queries;
    const svc: Services = { ...services, queries: { ...q,
      coordination: { ...q.coordination, inbox: () => Promise.resolve(answers.inbox) },
      parcours: { ...q.parcours, toDecide: () => Promise.resolve(answers.toDecide), board: () => Promise.resolve(answers.board) } } };
    const shows = screen === 'home' ? () => homeShows(inboxAll) : () => boardShows(root, boardAll);
    await untilPainted(shows, mount(svc, screen));
    const out: number[] = [];
    for (let i = 0; i < runs; i++) { await pause(300); out.push(await untilPainted(shows, mount(svc, screen))); }
    render(null, root);
    return summary(out);
  }

  const only = window.benchOnly ?? '';
  const screens = only === 'queries' ? {} : only === 'paint'
    ? { paintOnly: { home: await paintOnly('home'), board: await paintOnly('board') } }
    : { home: await screenRuns('home'), board: await screenRuns('board'), paintOnly: { home: await paintOnly('home'), board: await paintOnly('board') } };
  window.benchResult = {
    seed: { records, seedMs, salaries: seed.salaries.length, entries: seed.entries.length, alerts: seed.entries.filter((e) => e.alert).length, reviews: seed.reviews.length },
    shown: { inboxRows: inboxAll.rows, inboxHeading: inboxAll.heading, toDecide: decide.rows, boardRows: boardAll.rows },
    queries,
    ...screens,
  };
}

run().catch((e: unknown) => { window.benchError = String(e instanceof Error ? e.stack : e); });
