// The matrix made ready from a home screen when the tablet is idle: its code loaded, its data read
// into memory (matrixMemory.ts), then the screen announced so that the screen stack builds it,
// hidden (ScreenStack.tsx). The « Matrice » tab then only shows it. Used by the ETI's
// « Aujourd'hui » (after its weeks) and the coordination's home. The data module is imported
// when idle, not with the home, so the first bundle does not grow.
import type { DeviceDb } from '../../client/db';
import { screenAhead } from '../shell/hooks/screenAhead';
import { Matrice } from './lazyMatrice';

/** Runs the steps unless `alive()` turns false between them; errors leave the matrix cold. */
export async function prepareMatrix(db: DeviceDb, userId: string, today: string, alive: () => boolean): Promise<void> {
  await Matrice.preload().catch(() => undefined);
  if (!alive()) return;
  const warmed = await import('./matrixMemory').then((m) => m.warmMatrix(db, userId, today)).then(() => true, () => false);
  // Its data in memory, building the screen reads nothing.
  if (warmed && alive()) screenAhead.set('matrice', { userId, routes: ['/matrice'] });
}
