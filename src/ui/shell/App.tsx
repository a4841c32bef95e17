// The shell: header with the sync indicator, tabs by role, and the screen for the route.
import { ROLE_LABELS } from '../../domain/rules/labels';
import { useServices } from './services';
import { useExternal } from './hooks/useExternal';
import { useRoute } from './hooks/useRoute';
import { SyncIndicator } from './SyncIndicator';
import { UpdateBanner } from '../pwa/UpdateBanner';
import { Login } from './Login';
import { productionScreen } from '../production/routes';
import { UpdatePrompt } from '../pwa/UpdatePrompt';
import { lazyScreen } from '../pwa/lazyScreen';
import { Matrice } from '../competences/lazyMatrice';
import { ScreenStack } from './ScreenStack';
import type { SessionUser } from '../../sync/protocol';
import { useState } from 'preact/hooks';
import { LazyReportsPage } from '../coordination/reports/lazyReportsPage';
import { SetupRedirect } from '../coordination/setup/SetupRedirect';
import { consultationStore } from '../../client/consultation';
import { salariePageOf } from '../salarie/pages';
import { SalarieTabs } from '../salarie/SalarieTabs';
import { RefusedBanner } from '../salarie/RefusedBanner';
import { LogOut, UserRound } from 'lucide';
import { Icon } from '../icons/Icon';
import { isStructureRoute, STRUCTURE_ROUTE } from '../coordination/structure/structurePages';
import { StructureSubPage } from '../coordination/structure/StructureSubPage';

// Screens other than sign-in and the ETI's home load on first visit (precached for offline),
// so the first screen's JavaScript stays small.
const DevicePage = lazyScreen(() => import('../pwa/DevicePage').then((m) => m.DevicePage));
const SalarieDossier = lazyScreen(() => import('../livret/SalarieDossier').then((m) => m.SalarieDossier));
const ReferentielEditor = lazyScreen(() => import('../competences/ReferentielEditor').then((m) => m.ReferentielEditor));
const RejectedPage = lazyScreen(() => import('../pwa/RejectedPage').then((m) => m.RejectedPage));
const MyTeams = lazyScreen(() => import('../production/MyTeams').then((m) => m.MyTeams));
const CoordinatorHome = lazyScreen(() => import('../coordination/CoordinatorHome').then((m) => m.CoordinatorHome));
const SalariesPage = lazyScreen(() => import('../coordination/salaries/SalariesPage').then((m) => m.SalariesPage));
const SalarieFilePage = lazyScreen(() => import('../coordination/salaries/SalarieFilePage').then((m) => m.SalarieFilePage));
const TeamsPage = lazyScreen(() => import('../coordination/teams/TeamsPage').then((m) => m.TeamsPage));
const ImportPage = lazyScreen(() => import('../coordination/imports/ImportPage').then((m) => m.ImportPage));
const SetupPage = lazyScreen(() => import('../coordination/setup/SetupPage').then((m) => m.SetupPage));
const LoginsPage = lazyScreen(() => import('../coordination/logins/LoginsPage').then((m) => m.LoginsPage));
const DevicesPage = lazyScreen(() => import('../coordination/devices/DevicesPage').then((m) => m.DevicesPage));
const AuditPage = lazyScreen(() => import('../coordination/audit/AuditPage').then((m) => m.AuditPage));
const DocumentsPage = lazyScreen(() => import('../coordination/documents/DocumentsPage').then((m) => m.DocumentsPage));
const RetentionPage = lazyScreen(() => import('../coordination/rgpd/RetentionPage').then((m) => m.RetentionPage));
const StructurePage = lazyScreen(() => import('../coordination/structure/StructurePage').then((m) => m.StructurePage));
const CalendarPage = lazyScreen(() => import('../calendar/CalendarPage').then((m) => m.CalendarPage));
const VerifyPage = lazyScreen(() => import('../badges/VerifyPage').then((m) => m.VerifyPage));
const BoardPage = lazyScreen(() => import('../coordination/board/BoardPage').then((m) => m.BoardPage));
const SalarieHome = lazyScreen(() => import('../salarie/SalarieHome').then((m) => m.SalarieHome));
// The ETI's tablet lent to one salarié (consultation mode): their space only, until the PIN.
const ConsultationShell = lazyScreen(() => import('../salarie/consultation/ConsultationShell').then((m) => m.ConsultationShell));

function Screen({ route, user }: { route: string; user: SessionUser }) {
  const { admin, calendar, audit } = useServices();
  const dossier = /^\/salarie\/([^/]+)(?:\/([a-z]+))?$/.exec(route);
  if (route === '/refus') return <RejectedPage />;
  if (route === '/appareil') return <DevicePage />;
  if (route === '/agenda' && user.role !== 'coordinator') return <CalendarPage calendar={calendar} />;
  if (user.role === 'salarie') return <SalarieHome salarieId={user.salarieId ?? ''} page={salariePageOf(route)} />;
  if (dossier !== null) return <SalarieDossier salarieId={dossier[1]!} tab={dossier[2] ?? ''} user={user} />;
  if (user.role === 'coordinator') {
    const file = /^\/salaries\/([^/]+)$/.exec(route);
    if (file !== null) return <SalarieFilePage salarieId={file[1]!} />;
    const doc = /^\/salaries\/([^/]+)\/(livret-imprime|bilan|attestation)$/.exec(route);
    if (doc !== null) return <DocumentsPage salarieId={doc[1]!} doc={doc[2] === 'livret-imprime' ? 'livret' : doc[2] === 'bilan' ? 'bilan' : 'attestation'} />;
    if (route === '/salaries') return <SalariesPage />;
    if (route === '/parcours') return <BoardPage />;
    if (route === '/rapports') return <LazyReportsPage />;
    // « Structure » and its pages (structurePages.ts); each page under its way back to the hub.
    if (route === STRUCTURE_ROUTE) return <StructurePage />;
    if (route === '/equipes-structure') return <StructureSubPage><TeamsPage /></StructureSubPage>;
    if (route === '/import') return <StructureSubPage><ImportPage /></StructureSubPage>;
    if (route === '/premiers-pas') return <StructureSubPage><SetupPage /></StructureSubPage>;
    if (route === '/conservation') return <StructureSubPage><RetentionPage /></StructureSubPage>;
    if (route === '/comptes') return <StructureSubPage><LoginsPage admin={admin} /></StructureSubPage>;
    if (route === '/tablettes') return <StructureSubPage><DevicesPage admin={admin} /></StructureSubPage>;
    if (route === '/journal-des-acces') return <StructureSubPage><AuditPage audit={audit} /></StructureSubPage>;
  }
  if (route === '/matrice') return <Matrice />;
  if (route === '/referentiel') return <ReferentielEditor user={user} />;
  if (route === '/equipes') return <MyTeams />;
  const production = productionScreen(route, user);
  if (production !== null) return production;
  if (user.role === 'coordinator') return <CoordinatorHome />;
  return <MyTeams />;
}

/** A plain boolean, not a type guard: the shared shell below still reads every role. */
function hasSalarieShell(user: SessionUser): boolean {
  return user.role === 'salarie';
}

const renderScreen = (route: string, user: SessionUser) => <Screen route={route} user={user} />;

export function App() {
  const services = useServices();
  const user = useExternal(services.session);
  const route = useRoute();
  const [logoutError, setLogoutError] = useState<string | null>(null);
  const lent = useExternal(consultationStore());
  // Public: an employer checks a badge without an account (POST /api/credentials/verify).
  if (route === '/verifier') return <><UpdatePrompt /><VerifyPage /></>;
  if (user === undefined) return <><UpdatePrompt /><Login /></>;
  // A tablet lent to a salarié shows their space only, whatever the route, until the ETI's PIN.
  if (lent !== undefined && lent.userId === user.id) return <><UpdatePrompt /><ConsultationShell lending={lent} user={user} route={route} /></>;
  const logout = () => services.logout().catch((e: unknown) => setLogoutError(e instanceof Error ? e.message : 'La déconnexion a échoué.'));
  if (hasSalarieShell(user)) {
    // The salarié's shell: their three tabs in their words (SalarieTabs), no « Modifications
    // refusées » nor « Cette tablette » tab (a banner leads there when a change was refused),
    // everything under `.falc` (salarie.css: AAA contrast, 48 px targets).
    return (
      <div class="falc falc-app">
        <header class="app-header">
          <h1>Tremplin</h1>
          <span class="who"><Icon icon={UserRound} size={28} /> {user.displayName ?? ''}</span>
          <button type="button" onClick={() => void logout()}><Icon icon={LogOut} size={28} /> Se déconnecter</button>
        </header>
        <SalarieTabs route={route} />
        <main>
          <UpdatePrompt />
          <UpdateBanner />
          <RefusedBanner />
          {logoutError !== null && <p class="banner warn" role="alert">{logoutError}</p>}
          <ScreenStack key={user.id} route={route} user={user} render={renderScreen} />
        </main>
      </div>
    );
  }
  const home = user.role === 'coordinator' ? 'À lire' : user.role === 'eti' ? 'Aujourd’hui' : 'Mon espace';
  return (
    <>
      <header class="app-header">
        <h1>Tremplin</h1>
        <SyncIndicator />
        <span class="who">{user.displayName ?? ''} · {ROLE_LABELS[user.role]}</span>
        <button type="button" onClick={() => void logout()}>Se déconnecter</button>
      </header>
      <nav class="tabs" aria-label="Navigation principale">
        <a href="#/" aria-current={route === '/' ? 'page' : undefined}>{home}</a>
        {user.role === 'eti' && <a href="#/equipes" aria-current={route === '/equipes' ? 'page' : undefined}>Mes équipes</a>}
        {user.role !== 'salarie' && <a href="#/chantiers" aria-current={route.startsWith('/chantier') ? 'page' : undefined}>Chantiers</a>}
        {user.role === 'coordinator' && <a href="#/salaries" aria-current={route.startsWith('/salaries') ? 'page' : undefined}>Salariés</a>}
        {user.role === 'coordinator' && <a href="#/parcours" aria-current={route === '/parcours' ? 'page' : undefined}>Parcours</a>}
        {user.role === 'coordinator' && <a href="#/heures" aria-current={route === '/heures' ? 'page' : undefined}>Heures du mois</a>}
        {user.role !== 'salarie' && <a href="#/matrice" aria-current={route === '/matrice' ? 'page' : undefined}>Matrice</a>}
        {user.role === 'eti' && <a href="#/agenda" aria-current={route === '/agenda' ? 'page' : undefined}>Agenda du téléphone</a>}
        {user.role !== 'salarie' && <a href="#/referentiel" aria-current={route === '/referentiel' ? 'page' : undefined}>Référentiel</a>}
        {user.role === 'coordinator' && <a href="#/rapports" aria-current={route === '/rapports' ? 'page' : undefined}>Rapports</a>}
        {/* Équipes, Importer, Comptes, Tablettes, Premiers pas, Conservation: one tab, current on each. */}
        {user.role === 'coordinator' && <a href={`#${STRUCTURE_ROUTE}`} aria-current={isStructureRoute(route) ? 'page' : undefined}>Structure</a>}
        <a href="#/refus" aria-current={route === '/refus' ? 'page' : undefined}>Modifications refusées</a>
        <a href="#/appareil" aria-current={route === '/appareil' ? 'page' : undefined}>Cette tablette</a>
      </nav>
      <main>
        <UpdatePrompt />
        <UpdateBanner />
        {user.role === 'coordinator' && <SetupRedirect key={user.id} route={route} />}
        {logoutError !== null && <p class="banner warn" role="alert">{logoutError}</p>}
        {/* A new user starts a new stack: nothing of the last user's screens is kept. */}
        <ScreenStack key={user.id} route={route} user={user} render={renderScreen} />
      </main>
    </>
  );
}
