// The matrix made ready from a home screen when the tablet is idle: its code loaded, its data read
// into memory (warmMatrix), then the screen announced so that the screen stack builds it, hidden
// (ScreenStack.tsx). The « Matrice » tab then only shows it. Used by the ETI's « Aujourd'hui »
// (after its weeks) and the coordination's home. The screen's code is loaded when idle, not with
// the home, so the first bundle does not grow.
import type { Queries } from '../../client/queries';
import { screenAhead } from '../shell/hooks/screenAhead';
import { Matrice } from './lazyMatrice';
import { warmMatrix } from './matrixMemory';

export { warmMatrix };

/** Runs the steps unless `alive()` turns false between them; errors leave the matrix cold. */
export async function prepareMatrix(queries: Queries, userId: string, today: string, alive: () => boolean): Promise<void> {
  await Matrice.preload().catch(() => undefined);
  if (!alive()) return;
  const warmed = await warmMatrix(queries, userId, today).then(() => true, () => false);
  // Its data in memory, building the screen reads nothing.
  if (warmed && alive()) screenAhead.set('matrice', { userId, routes: ['/matrice'] });
}
