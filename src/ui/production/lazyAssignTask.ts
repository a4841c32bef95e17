// The assignment panel's code (AssignTask.tsx, with the competence pictograms and the assignment
// rules), loaded when « Aujourd'hui » first opens it rather than with the home: most mornings
// open the home without giving a task. The service worker precaches the chunk (offline too).
import { lazyScreen } from '../pwa/lazyScreen';

export const AssignTask = lazyScreen(() => import('./AssignTask').then((m) => m.AssignTask));
