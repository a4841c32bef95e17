// The structure screens' reads (client/queries/structure.ts) taken from the services' queries.
// Typed so it compiles whether or not `structure` is already wired into createQueries: until it
// is, a missing entry is a clear error rather than a silent empty screen.
import type { Queries } from '../../../client/queries';
import type { StructureQueries } from '../../../client/queries/structure';
import { useServices } from '../../shell/services';

export function useStructureQueries(): StructureQueries {
  const queries: Queries & { structure?: StructureQueries } = useServices().queries;
  if (queries.structure === undefined) throw new Error('queries.structure manquant (client/queries/index.ts)');
  return queries.structure;
}
