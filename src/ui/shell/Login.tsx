// Sign-in. The first sign-in needs the network (the server creates this device's session);
// after that the tablet works offline. It says why the tablet is back on it: revoked (data
// erased) or a session that lapsed unused (data kept for the same person).
import { useState } from 'preact/hooks';
import { useServices } from './services';
import { useExternal } from './hooks/useExternal';

/** Said once the tablet was revoked: otherwise the ETI finds a blank sign-in and no reason. */
export const REVOKED_NOTICE = 'Cette tablette a été déconnectée par la coordination : ses données ont été effacées. Reconnectez-vous, ou rendez la tablette à la coordination.';

/** Said once the session lapsed unused (server: 401 session_expired); nothing was erased. */
export const SESSION_EXPIRED_NOTICE = 'Votre session a expiré : reconnectez-vous. Vos saisies non envoyées sont gardées sur cette tablette.';

/** Who gets the kept changes: the same person sends them, anyone else erases them unsent. */
export function expiredKeptNotice(name: string | undefined): string {
  const who = name !== undefined && name !== '' ? name : 'la même personne';
  return `Elles partiront dès que ${who} se reconnecte. Si une autre personne se connecte, elles seront effacées sans être envoyées.`;
}

export function loginErrorMessage(e: unknown): string {
  return e instanceof Error && e.message !== '' ? e.message : 'La connexion a échoué. Réessayez.';
}

export function Login() {
  const services = useServices();
  const { login } = services;
  const sync = useExternal(services.sync);
  const revoked = sync.revoked === true;
  const expired = !revoked && sync.sessionExpired === true;
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(ev: Event) {
    ev.preventDefault();
    if (user.trim() === '' || password === '') {
      setError('Saisissez votre identifiant et votre mot de passe.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await login(user.trim(), password);
    } catch (e) {
      setError(loginErrorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main>
      <form class="login" onSubmit={submit} noValidate>
        <h1>Tremplin</h1>
        <p class="hint">Planning, compétences et livret de suivi, même sans réseau.</p>
        {revoked && <p class="banner warn" role="status">{REVOKED_NOTICE}</p>}
        {expired && (
          <div class="banner warn" role="status">
            <p>{SESSION_EXPIRED_NOTICE}</p>
            <p>{expiredKeptNotice(sync.expiredUserName)}</p>
          </div>
        )}
        <div class="field">
          <label for="login-user">Identifiant</label>
          <input id="login-user" name="username" autocomplete="username" value={user} onInput={(e) => setUser(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="login-password">Mot de passe</label>
          <input id="login-password" name="password" type="password" autocomplete="current-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        </div>
        {error !== null && <p class="error-text" role="alert">{error}</p>}
        <button type="submit" disabled={busy}>Se connecter</button>
      </form>
      {/* For an employer handed a badge: no account needed (the check is public). */}
      <p class="login-aside"><a href="#/verifier">Vérifier un badge Tremplin</a></p>
    </main>
  );
}
