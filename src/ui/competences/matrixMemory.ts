// The matrix's memory as the home screens reach it. The memory itself (frames by user, day, team
// and activity; each salarié's levels) and its warming live with the matrix's reads, in the query
// object made once per device database (client/queries/matrix.ts): one per device, keyed by user.
// This module keeps the name the home screens and tests import.
import type { Queries } from '../../client/queries';

export { frameKey } from '../../client/queries/competences';

/**
 * Reads the matrix as it first opens (all the user's teams, their activity) into memory, unless it
 * is there already, so that its first open paints at once.
 */
export function warmMatrix(queries: Queries, userId: string, today: string): Promise<void> {
  return queries.competences.warmMatrix(userId, today);
}
