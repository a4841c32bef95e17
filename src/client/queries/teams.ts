// Reads several features share: the teams with their members on a day, the names of users and
// the review of each log entry. Every row is typed (EntityRow) from entities.ts.
import { byFrench, fullName } from '../../domain/people';
import { preferReview } from '../../domain/review/alerts';
import type { EntityRow } from '../rows';
import type { DeviceDb } from '../db';
import { allOf } from './tables';

export type TeamRow = EntityRow<'team'>;
export type SalarieRow = EntityRow<'salarie'>;
export type MembershipRow = EntityRow<'membership'>;

export interface TeamView { team: TeamRow; members: SalarieRow[] }

/** `teams` by name, each with its members on `today` (from rows already read). */
export function teamViews(teams: readonly TeamRow[], memberships: readonly MembershipRow[], salaries: ReadonlyMap<string, SalarieRow>, today: string): TeamView[] {
  return [...teams]
    .sort((a, b) => byFrench(a.name, b.name))
    .map((team) => ({
      team,
      members: memberships
        .filter((m) => m.teamId === team.id && m.from <= today && (m.to == null || m.to === '' || m.to >= today))
        .map((m) => salaries.get(m.salarieId))
        .filter((s): s is SalarieRow => s !== undefined)
        .sort((a, b) => byFrench(fullName(a), fullName(b))),
    }));
}

/** Teams on this device with their current members, by name. */
export async function teamsWithMembers(db: DeviceDb, today: string): Promise<TeamView[]> {
  const [teams, memberships, salaries] = await Promise.all([allOf(db, 'team'), allOf(db, 'membership'), allOf(db, 'salarie')]);
  return teamViews(teams, memberships, new Map(salaries.map((s) => [s.id, s])), today);
}

/** Display name of every user on the device, by id. */
export async function userNames(db: DeviceDb): Promise<Map<string, string>> {
  const users = await allOf(db, 'user');
  return new Map(users.map((u) => [u.id, u.displayName]));
}

/**
 * The coordination's review of each log entry, by entry id: the one that handled it (a
 * follow-up) if any, otherwise the first reading — several coordinators may each have read it.
 */
export async function reviewsByEntry(db: DeviceDb): Promise<Map<string, EntityRow<'review'>>> {
  const reviews = await allOf(db, 'review');
  const out = new Map<string, EntityRow<'review'>>();
  for (const r of reviews) {
    const kept = out.get(r.logEntryId);
    out.set(r.logEntryId, kept === undefined ? r : preferReview(kept, r));
  }
  return out;
}
