// The inbox's filters as one pure function: team (the salarié's team on the entry's date), ETI
// (the entry's author), salarié, category and period. An empty value means « tous ». Periods are
// counted back from today; « depuis ma dernière lecture » is the reviewer's own last reading.
import { addDays, type IsoDate } from '../rules/dates';
import type { EntryLike, ReaderState } from './readState';

export const PERIODS = ['sinceLastRead', '7d', '30d', 'all'] as const;
export type Period = (typeof PERIODS)[number];

export const PERIOD_LABELS = {
  sinceLastRead: 'Depuis ma dernière lecture',
  '7d': '7 derniers jours',
  '30d': '30 derniers jours',
  all: 'Toute la période',
} as const satisfies Readonly<Record<Period, string>>;

export interface InboxFilter {
  teamId: string;
  authorId: string;
  salarieId: string;
  category: string;
  period: Period;
}

export const NO_FILTER: InboxFilter = { teamId: '', authorId: '', salarieId: '', category: '', period: 'all' };

/** True when the filter keeps less than everything. */
export function isFiltered(f: InboxFilter): boolean {
  return f.teamId !== '' || f.authorId !== '' || f.salarieId !== '' || f.category !== '' || f.period !== 'all';
}

export interface MembershipLike {
  teamId: string;
  salarieId: string;
  from: IsoDate;
  to?: IsoDate | null | undefined;
}

/** The first day a period keeps, or null for no bound. */
export function periodStart(period: Period, today: IsoDate, state: Pick<ReaderState, 'lastReadAt'>): IsoDate | null {
  switch (period) {
    case '7d': return addDays(today, -6);
    case '30d': return addDays(today, -29);
    // The day of the last reading is kept whole: an entry of that day may have come in after it.
    case 'sinceLastRead': return state.lastReadAt === null ? null : state.lastReadAt.slice(0, 10);
    case 'all': return null;
  }
}

function inTeamOn(list: readonly MembershipLike[] | undefined, teamId: string, date: IsoDate): boolean {
  return (list ?? []).some((m) => m.teamId === teamId && m.from <= date && (m.to == null || m.to === '' || m.to >= date));
}

/** The entries `filter` keeps, in their order. */
export function filterEntries<E extends EntryLike>(entries: readonly E[], filter: InboxFilter, ctx: { today: IsoDate; state: Pick<ReaderState, 'lastReadAt'>; memberships: readonly MembershipLike[] }): E[] {
  const from = periodStart(filter.period, ctx.today, ctx.state);
  const bySalarie = new Map<string, MembershipLike[]>();
  if (filter.teamId !== '') {
    for (const m of ctx.memberships) {
      const list = bySalarie.get(m.salarieId);
      if (list === undefined) bySalarie.set(m.salarieId, [m]); else list.push(m);
    }
  }
  return entries.filter((e) =>
    (filter.authorId === '' || e.authorId === filter.authorId)
    && (filter.salarieId === '' || e.salarieId === filter.salarieId)
    && (filter.category === '' || e.category === filter.category)
    && (from === null || e.date >= from)
    && (filter.teamId === '' || inTeamOn(bySalarie.get(e.salarieId), filter.teamId, e.date)));
}
