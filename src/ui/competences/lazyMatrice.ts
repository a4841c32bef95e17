// The matrix screen's code, loaded on first visit, in a module of its own so that « Aujourd'hui »
// can load it ahead when idle (App.tsx imports the home, so the home cannot import App.tsx).
import { lazyScreen } from '../pwa/lazyScreen';

export const Matrice = lazyScreen(() => import('./Matrice').then((m) => m.Matrice));
