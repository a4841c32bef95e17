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
const SalarieHome = lazyScreen(() => import('../salarie/SalarieHome').then((m) => m.SalarieHome));

function Screen({ route, user }: { route: string; user: SessionUser }) {
  const { admin } = useServices();
  const dossier = /^\/salarie\/([^/]+)(?:\/([a-z]+))?$/.exec(route);
  if (route === '/refus') return <RejectedPage />;
  if (route === '/appareil') return <DevicePage />;
  if (user.role === 'salarie') return <SalarieHome salarieId={user.salarieId ?? ''} />;
  if (dossier !== null) return <SalarieDossier salarieId={dossier[1]!} tab={dossier[2] ?? ''} user={user} />;
  if (user.role === 'coordinator') {
    const file = /^\/salaries\/([^/]+)$/.exec(route);
    if (file !== null) return <SalarieFilePage salarieId={file[1]!} />;
    if (route === '/salaries') return <SalariesPage />;
    if (route === '/equipes-structure') return <TeamsPage />;
    if (route === '/import') return <ImportPage />;
    if (route === '/premiers-pas') return <SetupPage />;
    if (route === '/comptes') return <LoginsPage admin={admin} />;
    if (route === '/tablettes') return <DevicesPage admin={admin} />;
  }
  if (route === '/matrice') return <Matrice />;
  if (route === '/referentiel') return <ReferentielEditor user={user} />;
  if (route === '/equipes') return <MyTeams />;
  const production = productionScreen(route, user);
  if (production !== null) return production;
  if (user.role === 'coordinator') return <CoordinatorHome />;
  return <MyTeams />;
}

const renderScreen = (route: string, user: SessionUser) => <Screen route={route} user={user} />;

export function App() {
  const services = useServices();
  const user = useExternal(services.session);
  const route = useRoute();
  const [logoutError, setLogoutError] = useState<string | null>(null);
  if (user === undefined) return <><UpdatePrompt /><Login /></>;
  const logout = () => services.logout().catch((e: unknown) => setLogoutError(e instanceof Error ? e.message : 'La déconnexion a échoué.'));
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
        {user.role === 'coordinator' && <a href="#/equipes-structure" aria-current={route === '/equipes-structure' ? 'page' : undefined}>Équipes</a>}
        {user.role === 'coordinator' && <a href="#/heures" aria-current={route === '/heures' ? 'page' : undefined}>Heures du mois</a>}
        {user.role !== 'salarie' && <a href="#/matrice" aria-current={route === '/matrice' ? 'page' : undefined}>Matrice</a>}
        {user.role !== 'salarie' && <a href="#/referentiel" aria-current={route === '/referentiel' ? 'page' : undefined}>Référentiel</a>}
        {user.role === 'coordinator' && <a href="#/import" aria-current={route === '/import' ? 'page' : undefined}>Importer</a>}
        {user.role === 'coordinator' && <a href="#/comptes" aria-current={route === '/comptes' ? 'page' : undefined}>Comptes</a>}
        {user.role === 'coordinator' && <a href="#/tablettes" aria-current={route === '/tablettes' ? 'page' : undefined}>Tablettes</a>}
        {user.role === 'coordinator' && <a href="#/premiers-pas" aria-current={route === '/premiers-pas' ? 'page' : undefined}>Premiers pas</a>}
        <a href="#/refus" aria-current={route === '/refus' ? 'page' : undefined}>Modifications refusées</a>
        <a href="#/appareil" aria-current={route === '/appareil' ? 'page' : undefined}>Cette tablette</a>
      </nav>
      <main>
        <UpdatePrompt />
        <UpdateBanner />
        {logoutError !== null && <p class="banner warn" role="alert">{logoutError}</p>}
        {/* A new user starts a new stack: nothing of the last user's screens is kept. */}
        <ScreenStack key={user.id} route={route} user={user} render={renderScreen} />
      </main>
    </>
  );
}
