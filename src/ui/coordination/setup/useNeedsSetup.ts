// For the router: should this signed-in user land on « Premiers pas »? A coordinator whose
// structure has no team yet, on a tablet that holds its structure record (it has synced once),
// per the pure rule domain/imports/setup.ts `needsSetup`. Undefined while the device is read.
import { needsSetup } from '../../../domain/imports/setup';
import { useServices } from '../../shell/services';
import { useExternal } from '../../shell/hooks/useExternal';
import { useLiveQuery } from '../../shell/hooks/useLiveQuery';

export function useNeedsSetup(): boolean | undefined {
  const services = useServices();
  const user = useExternal(services.session);
  const structureId = user?.structureId;
  const facts = useLiveQuery(async () => {
    if (structureId === undefined) return { teamCount: 0, synced: false };
    const [teams, structure] = await Promise.all([services.queries.records.list('team'), services.queries.records.get('structure', structureId)]);
    return { teamCount: teams.length, synced: structure !== undefined };
  }, [structureId]);
  if (facts === undefined) return undefined;
  return needsSetup({ role: user?.role, ...facts });
}
