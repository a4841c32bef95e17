// Reads for the accueil checklist: a salarié's onboarding records (usually one; two when two
// tablets started it offline) merged into one state, and who still has items left.
import { entityTable, type DeviceDb } from '../../client/db';
import { mergeOnboarding, needsOnboardingReminder, onboardingProgress, type OnboardingState } from '../../domain/competences/onboarding';
import { liveAll, str, teamsWithMembers, type Rec } from '../shell/legacyQueries';

export async function onboardingOf(db: DeviceDb, salarieId: string): Promise<{ records: Rec[]; state: OnboardingState }> {
  const records = (await entityTable(db, 'onboarding').where('salarieId').equals(salarieId).toArray()).filter((r) => r._deleted === 0)
    .sort((a, b) => a.id.localeCompare(b.id));
  return { records, state: mergeOnboarding(records) };
}

export interface PendingAccueil { salarie: Rec; done: number; total: number }

/** The salariés of this device's teams (or of `members`, when the screen has them already)
 * whose accueil is incomplete in their first weeks. */
export async function pendingAccueils(db: DeviceDb, today: string, members?: readonly Rec[]): Promise<PendingAccueil[]> {
  const [people, records] = await Promise.all([
    members ?? teamsWithMembers(db, today).then((teams) => teams.flatMap((t) => t.members)),
    liveAll(db, 'onboarding'),
  ]);
  const seen = new Set<string>();
  const out: PendingAccueil[] = [];
  for (const s of people) {
    if (seen.has(s.id)) continue;
    seen.add(s.id);
    const state = mergeOnboarding(records.filter((r) => r['salarieId'] === s.id));
    if (!needsOnboardingReminder(state, str(s, 'entryDate') || null, today)) continue;
    const p = onboardingProgress(state);
    out.push({ salarie: s, done: p.done, total: p.total });
  }
  return out;
}
