// The production screens by hash route, so App.tsx needs one line: null when the route is not
// one of ours. « Aujourd'hui » is the ETI's home ('/').
import type { SessionUser } from '../../sync/protocol';
import { Today } from './Today';
import { lazyScreen } from '../pwa/lazyScreen';
import { WeekView } from './lazyWeekView';

// Everything but the ETI's home loads on first visit (precached by the service worker), so the
// first screen's JavaScript stays small.
const Releve = lazyScreen(() => import('./Releve').then((m) => m.Releve));
const DaySheet = lazyScreen(() => import('./DaySheet').then((m) => m.DaySheet));
const Chantiers = lazyScreen(() => import('./Chantiers').then((m) => m.Chantiers));
const ChantierEditor = lazyScreen(() => import('./ChantierEditor').then((m) => m.ChantierEditor));
const MonthHours = lazyScreen(() => import('./MonthHours').then((m) => m.MonthHours));

const DATE = '(\\d{4}-\\d{2}-\\d{2})';

export function productionScreen(route: string, user: SessionUser) {
  if (user.role === 'salarie') return null;
  if (route === '/heures') return <MonthHours />;
  let m = new RegExp(`^/releve/([^/]+)(?:/${DATE})?$`).exec(route);
  if (m) return <Releve teamId={m[1]!} date={m[2]} />;
  m = new RegExp(`^/semaine/([^/]+)(?:/${DATE})?$`).exec(route);
  if (m) return <WeekView teamId={m[1]!} monday={m[2]} />;
  m = new RegExp(`^/fiche/([^/]+)(?:/${DATE})?$`).exec(route);
  if (m) return <DaySheet teamId={m[1]!} date={m[2]} />;
  if (route === '/chantiers') return <Chantiers />;
  if (route === '/chantier/nouveau') return <ChantierEditor chantierId={null} />;
  m = /^\/chantier\/([^/]+)$/.exec(route);
  if (m) return <ChantierEditor chantierId={m[1]!} />;
  if (user.role === 'eti' && (route === '/' || route === '/aujourdhui')) return <Today />;
  return null;
}
