// The reads of the coordinator's structure screens: the salariés list (with each person's status
// and current teams), one salarié's file (contracts, PASS IAE with its suspensions and
// prolongations, memberships) and the teams board. One getAll per table, issued together; the
// sets are a structure's worth (hundreds of rows), small enough to join here. The list's search
// and filters are pure functions of the rows read, so typing in the search box re-reads nothing.
import { byFrench } from '../../domain/people';
import type { EntityRow } from '../rows';
import type { DeviceDb } from '../db';
import { allOf, oneOf, whereIn } from './tables';
import type { MembershipRow, SalarieRow, TeamRow } from './teams';

export type ContractRow = EntityRow<'contract'>;
export type PassIaeRow = EntityRow<'passIae'>;
export type SuspensionRow = EntityRow<'suspension'>;
export type ProlongationRow = EntityRow<'prolongation'>;
export type StructureRow = EntityRow<'structure'>;
export type UserRow = EntityRow<'user'>;
export type ActivityRow = EntityRow<'activity'>;
export type { MembershipRow, SalarieRow, TeamRow };

/** Where a salarié stands on a day, from their entry and exit dates. */
export type SalarieStatus = 'en_parcours' | 'sorti' | 'a_venir';
export const SALARIE_STATUS_LABELS: Readonly<Record<SalarieStatus, string>> = {
  en_parcours: 'En parcours', sorti: 'Sorti', a_venir: 'À venir',
};

/** Not yet entered (entry after today), exited (exit date, their last day, before today), or in parcours. */
export function salarieStatus(s: { entryDate?: string | null; exitDate?: string | null }, today: string): SalarieStatus {
  if (s.exitDate != null && s.exitDate !== '' && s.exitDate < today) return 'sorti';
  if (s.entryDate != null && s.entryDate !== '' && s.entryDate > today) return 'a_venir';
  return 'en_parcours';
}

/** A membership in force on `day`: started, and not ended before it. */
export function isCurrentMembership(m: Pick<MembershipRow, 'from' | 'to'>, day: string): boolean {
  return m.from <= day && (m.to == null || m.to === '' || m.to >= day);
}

export interface SalarieListRow {
  salarie: SalarieRow;
  status: SalarieStatus;
  /** Teams the person belongs to today (or, for someone not yet entered, from their first day). */
  teams: TeamRow[];
}

export interface SalariesList {
  rows: SalarieListRow[];
  teams: TeamRow[];
}

export interface SalariesFilter {
  search: string;
  /** '' for every team, '-' for people in no team. */
  teamId: string;
  /** '' for every status. */
  status: SalarieStatus | '';
}

/** Lower case, accents dropped, spaces squeezed: « Élodie » is found by « elodie ». */
export function searchKey(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

export function filterSalaries(rows: readonly SalarieListRow[], f: SalariesFilter): SalarieListRow[] {
  const words = searchKey(f.search).split(' ').filter((w) => w !== '');
  return rows.filter((r) => {
    if (f.status !== '' && r.status !== f.status) return false;
    if (f.teamId === '-' && r.teams.length > 0) return false;
    if (f.teamId !== '' && f.teamId !== '-' && !r.teams.some((t) => t.id === f.teamId)) return false;
    const name = searchKey(`${r.salarie.firstName} ${r.salarie.lastName}`);
    return words.every((w) => name.includes(w));
  });
}

function byName(a: SalarieRow, b: SalarieRow): number {
  return byFrench(a.lastName, b.lastName) || byFrench(a.firstName, b.firstName);
}

export async function salariesList(db: DeviceDb, today: string): Promise<SalariesList> {
  const [salaries, teams, memberships] = await Promise.all([allOf(db, 'salarie'), allOf(db, 'team'), allOf(db, 'membership')]);
  const teamById = new Map(teams.map((t) => [t.id, t]));
  const rows = [...salaries].sort(byName).map((salarie): SalarieListRow => {
    const status = salarieStatus(salarie, today);
    // Someone not yet entered is shown in the team they will join.
    const day = status === 'a_venir' && salarie.entryDate ? salarie.entryDate : today;
    const mine = memberships.filter((m) => m.salarieId === salarie.id && isCurrentMembership(m, day));
    const inTeams = [...new Set(mine.map((m) => m.teamId))]
      .map((t) => teamById.get(t))
      .filter((t): t is TeamRow => t !== undefined)
      .sort((a, b) => byFrench(a.name, b.name));
    return { salarie, status, teams: inTeams };
  });
  return { rows, teams: [...teams].sort((a, b) => byFrench(a.name, b.name)) };
}

export interface PassView {
  pass: PassIaeRow;
  suspensions: SuspensionRow[];
  prolongations: ProlongationRow[];
}

export interface SalarieFile {
  salarie: SalarieRow;
  structure: StructureRow | undefined;
  /** Oldest first. */
  contracts: ContractRow[];
  /** The PASS in use: the latest by start date (an older one stays in history). */
  pass: PassView | undefined;
  /** Older PASS IAE of the person, latest first. */
  olderPasses: PassIaeRow[];
  /** Every membership of the person, latest first, with its team. */
  memberships: { membership: MembershipRow; team: TeamRow | undefined }[];
}

/** One salarié's file, or undefined when the person is not (or no longer) on this device. */
export async function salarieFile(db: DeviceDb, salarieId: string): Promise<SalarieFile | undefined> {
  const [salarie, structures, contracts, passes, suspensions, prolongations, memberships, teams] = await Promise.all([
    oneOf(db, 'salarie', salarieId), allOf(db, 'structure'),
    whereIn(db, 'contract', 'salarieId', [salarieId]), whereIn(db, 'passIae', 'salarieId', [salarieId]),
    whereIn(db, 'suspension', 'salarieId', [salarieId]), whereIn(db, 'prolongation', 'salarieId', [salarieId]),
    whereIn(db, 'membership', 'salarieId', [salarieId]), allOf(db, 'team'),
  ]);
  if (salarie === undefined) return undefined;
  const sortedPasses = [...passes].sort((a, b) => b.start.localeCompare(a.start) || b.id.localeCompare(a.id));
  const current = sortedPasses[0];
  const byStart = <T extends { start: string; id: string }>(a: T, b: T) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id);
  const teamById = new Map(teams.map((t) => [t.id, t]));
  return {
    salarie,
    structure: structures[0],
    contracts: [...contracts].sort(byStart),
    pass: current && {
      pass: current,
      suspensions: suspensions.filter((s) => s.passIaeId === current.id).sort(byStart),
      prolongations: prolongations.filter((p) => p.passIaeId === current.id).sort(byStart),
    },
    olderPasses: sortedPasses.slice(1),
    memberships: [...memberships]
      .sort((a, b) => b.from.localeCompare(a.from))
      .map((membership) => ({ membership, team: teamById.get(membership.teamId) })),
  };
}

export interface TeamBoardMember { membership: MembershipRow; salarie: SalarieRow }

export interface TeamBoardRow {
  team: TeamRow;
  /** Memberships in force today, by name. */
  members: TeamBoardMember[];
  /** Memberships starting after today, by start date. */
  upcoming: TeamBoardMember[];
}

export interface TeamsBoard {
  teams: TeamBoardRow[];
  /** Active users with the ETI role, by name: who may run a team. */
  etis: UserRow[];
  activities: ActivityRow[];
  /** Salariés not exited, by name, for « add to a team ». */
  salaries: SalarieRow[];
  /** Every live membership, for the move (closing the old one). */
  memberships: MembershipRow[];
}

export async function teamsBoard(db: DeviceDb, today: string): Promise<TeamsBoard> {
  const [teams, memberships, salaries, users, activities] = await Promise.all([
    allOf(db, 'team'), allOf(db, 'membership'), allOf(db, 'salarie'), allOf(db, 'user'), allOf(db, 'activity'),
  ]);
  const salarieById = new Map(salaries.map((s) => [s.id, s]));
  const withSalarie = (m: MembershipRow): TeamBoardMember[] => {
    const salarie = salarieById.get(m.salarieId);
    return salarie ? [{ membership: m, salarie }] : [];
  };
  return {
    teams: [...teams].sort((a, b) => byFrench(a.name, b.name)).map((team) => {
      const mine = memberships.filter((m) => m.teamId === team.id);
      return {
        team,
        members: mine.filter((m) => isCurrentMembership(m, today)).flatMap(withSalarie).sort((a, b) => byName(a.salarie, b.salarie)),
        upcoming: mine.filter((m) => m.from > today).flatMap(withSalarie).sort((a, b) => a.membership.from.localeCompare(b.membership.from)),
      };
    }),
    etis: users.filter((u) => u.role === 'eti' && u.active !== false).sort((a, b) => byFrench(a.displayName, b.displayName)),
    activities: [...activities].sort((a, b) => byFrench(a.name, b.name)),
    salaries: salaries.filter((s) => salarieStatus(s, today) !== 'sorti').sort(byName),
    memberships,
  };
}

export function structureQueries(db: DeviceDb) {
  return {
    /** The user's structure (one per device), or undefined before the first sync. */
    structure: async (): Promise<StructureRow | undefined> => (await allOf(db, 'structure'))[0],
    salariesList: (today: string) => salariesList(db, today),
    salarieFile: (salarieId: string) => salarieFile(db, salarieId),
    teamsBoard: (today: string) => teamsBoard(db, today),
  };
}

export type StructureQueries = ReturnType<typeof structureQueries>;
