// The local reads the screens make, over the device's Dexie tables. The device only holds what
// the server let this user see, so these queries never filter by role themselves.
import type { DeviceDb, LocalRecord } from '../../client/db';
import { entityTable } from '../../client/db';
import type { EntityName } from '../../domain/entities';

export type Rec = LocalRecord;

/** Every live row of a table: one getAll then a filter in memory (Dexie's `filter()` would walk
 * a cursor row by row, several times slower on a tablet). */
export async function liveAll(db: DeviceDb, entity: EntityName): Promise<Rec[]> {
  return (await entityTable(db, entity).toArray()).filter((r) => r._deleted === 0);
}

export async function getLive(db: DeviceDb, entity: EntityName, id: string): Promise<Rec | undefined> {
  const r = await entityTable(db, entity).get(id);
  return r !== undefined && r._deleted === 0 ? r : undefined;
}

export function str(r: Rec | undefined, field: string): string {
  const v = r?.[field];
  return typeof v === 'string' ? v : '';
}

export function fullName(s: Rec | undefined): string {
  if (s === undefined) return 'Salarié inconnu';
  return `${str(s, 'firstName')} ${str(s, 'lastName')}`.trim();
}

/** A salarié's log, most recent first (indexed by [salarieId+date]). */
export async function logOf(db: DeviceDb, salarieId: string): Promise<Rec[]> {
  const rows = await entityTable(db, 'logEntry')
    .where('[salarieId+date]').between([salarieId, ''], [salarieId, '\uffff'])
    .reverse().toArray();
  return rows.filter((r) => r._deleted === 0);
}

export interface TeamView { team: Rec; members: Rec[] }

/** Teams on this device with their current members, by name. */
export async function teamsWithMembers(db: DeviceDb, today: string): Promise<TeamView[]> {
  const [teams, memberships, salaries] = await Promise.all([liveAll(db, 'team'), liveAll(db, 'membership'), liveAll(db, 'salarie')]);
  return teamViews(teams, memberships, new Map(salaries.map((s) => [s.id, s])), today);
}

/** `teams` by name, each with its members on `today` (from rows already read). */
export function teamViews(teams: Rec[], memberships: Rec[], salaries: ReadonlyMap<string, Rec>, today: string): TeamView[] {
  return [...teams]
    .sort((a, b) => str(a, 'name').localeCompare(str(b, 'name'), 'fr'))
    .map((team) => ({
      team,
      members: memberships
        .filter((m) => m['teamId'] === team.id && str(m, 'from') <= today && (str(m, 'to') === '' || str(m, 'to') >= today))
        .map((m) => salaries.get(str(m, 'salarieId')))
        .filter((s): s is Rec => s !== undefined)
        .sort((a, b) => fullName(a).localeCompare(fullName(b), 'fr')),
    }));
}

export async function reviewsByEntry(db: DeviceDb): Promise<Map<string, Rec>> {
  const reviews = await liveAll(db, 'review');
  return new Map(reviews.map((r) => [str(r, 'logEntryId'), r]));
}

export async function userNames(db: DeviceDb): Promise<Map<string, string>> {
  const users = await liveAll(db, 'user');
  return new Map(users.map((u) => [u.id, str(u, 'displayName')]));
}
