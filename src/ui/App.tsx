// The shell: header with the sync indicator, tabs by role, and the screen for the route.
import { ROLE_LABELS } from '../domain/rules/labels';
import { useServices } from './services';
import { useExternal } from './hooks/useExternal';
import { useRoute } from './hooks/useRoute';
import { SyncIndicator } from './components/SyncIndicator';
import { UpdateBanner } from './components/UpdateBanner';
import { Login } from './screens/Login';
import { Livret } from './screens/Livret';
import { RejectedPage } from './screens/RejectedPage';
import { EtiHome } from './eti/EtiHome';
import { CoordinatorHome } from './coordinator/CoordinatorHome';
import { SalarieHome } from './salarie/SalarieHome';
import type { SessionUser } from '../sync/protocol';
import { useState } from 'preact/hooks';

function Screen({ route, user }: { route: string; user: SessionUser }) {
  const dossier = /^\/salarie\/([^/]+)$/.exec(route);
  if (route === '/refus') return <RejectedPage />;
  if (user.role === 'salarie') return <SalarieHome salarieId={user.salarieId ?? ''} />;
  if (dossier !== null) return <Livret salarieId={dossier[1]!} user={user} />;
  if (user.role === 'coordinator') return <CoordinatorHome />;
  return <EtiHome />;
}

export function App() {
  const services = useServices();
  const user = useExternal(services.session);
  const route = useRoute();
  const [logoutError, setLogoutError] = useState<string | null>(null);
  if (user === undefined) return <Login />;
  const logout = () => services.logout().catch((e: unknown) => setLogoutError(e instanceof Error ? e.message : 'La déconnexion a échoué.'));
  const home = user.role === 'coordinator' ? 'À lire' : user.role === 'eti' ? 'Mes équipes' : 'Mon espace';
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
        <a href="#/refus" aria-current={route === '/refus' ? 'page' : undefined}>Modifications refusées</a>
      </nav>
      <main>
        <UpdateBanner />
        {logoutError !== null && <p class="banner warn" role="alert">{logoutError}</p>}
        <Screen route={route} user={user} />
      </main>
    </>
  );
}
