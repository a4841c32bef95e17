// « Rapports » loaded on first visit (its code, its stylesheet, and uPlot after it), so the
// coordination's other screens do not carry them. For the route #/rapports.
import { lazyScreen } from '../../pwa/lazyScreen';

export const LazyReportsPage = lazyScreen(() => import('./ReportsPage').then((m) => m.ReportsPage));
