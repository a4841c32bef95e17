// Moving a salarié between teams as dated memberships: joining a team on day D opens a membership
// from D and closes the ones still open in other teams on D − 1, so history stays (who was in
// which team when: the planning and the hours of past weeks read it) and the ETI's scope follows.
// Pure, so the screen and its tests share it; the writes go together in one writeMany.
import type { BatchChange } from '../../../client/repository';
import type { MembershipRow } from '../../../client/queries/structure';
import { uuidv7 } from '../../../domain/ids';
import { addDays } from '../../../domain/rules/dates';
import { frDate } from '../../../domain/rules/problem';

export type MovePlan = { ok: true; changes: BatchChange[]; closed: MembershipRow[] } | { ok: false; message: string };

function isOpenOn(m: MembershipRow, day: string): boolean {
  return m.to == null || m.to === '' || m.to >= day;
}

/** Join `teamId` on `from`, leaving any other team the day before. */
export function planJoin(memberships: readonly MembershipRow[], salarieId: string, teamId: string, from: string, structureId: string, teamNames: ReadonlyMap<string, string>): MovePlan {
  const open = memberships.filter((m) => m.salarieId === salarieId && isOpenOn(m, from));
  if (open.some((m) => m.teamId === teamId && m.from <= from)) return { ok: false, message: 'Ce salarié est déjà dans cette équipe à cette date.' };
  const later = open.find((m) => m.from >= from);
  if (later) {
    return { ok: false, message: `Ce salarié entre dans l’équipe « ${teamNames.get(later.teamId) ?? '?'} » le ${frDate(later.from)} : choisissez une date après, ou corrigez d’abord cette entrée.` };
  }
  const dayBefore = addDays(from, -1);
  const changes: BatchChange[] = open.map((m) => ({ entity: 'membership', id: m.id, set: { to: dayBefore } }));
  changes.push({ entity: 'membership', id: uuidv7(), set: { structureId, teamId, salarieId, from, to: null } });
  return { ok: true, changes, closed: open };
}

/** Leave the team after `lastDay` (included). */
export function planLeave(m: MembershipRow, lastDay: string): MovePlan {
  if (lastDay < m.from) return { ok: false, message: `Le dernier jour doit être le ${frDate(m.from)} (entrée dans l’équipe) ou après.` };
  return { ok: true, changes: [{ entity: 'membership', id: m.id, set: { to: lastDay } }], closed: [m] };
}
