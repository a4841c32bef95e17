// The week view's code, loaded on first visit, in a module of its own so that « Aujourd'hui »
// can load it ahead when idle (routes.tsx imports Today, so Today cannot import routes.tsx).
import { lazyScreen } from '../pwa/lazyScreen';

export const WeekView = lazyScreen(() => import('./WeekView').then((m) => m.WeekView));
