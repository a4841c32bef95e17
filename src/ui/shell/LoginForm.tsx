// The sign-in form and its notices, with no dependency on the device layer: the full app's
// Login (Login.tsx) feeds it from its services, and the light entry (ui/boot/SignInFirst.tsx)
// draws it before the app is loaded, on a tablet where nobody is signed in.
import { useState } from 'preact/hooks';

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

export interface LoginFormProps {
  /** Signs in, or throws an Error whose message (in French) is shown. */
  login(user: string, password: string): Promise<void>;
  revoked: boolean;
  expired: boolean;
  expiredUserName?: string | undefined;
  /** The user focused or typed in a field (the light entry starts loading the app then). */
  onInteract?: () => void;
}

export function LoginForm({ login, revoked, expired, expiredUserName, onInteract }: LoginFormProps) {
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
            <p>{expiredKeptNotice(expiredUserName)}</p>
          </div>
        )}
        <div class="field">
          <label for="login-user">Identifiant</label>
          <input id="login-user" name="username" autocomplete="username" value={user} onFocus={onInteract} onInput={(e) => { onInteract?.(); setUser(e.currentTarget.value); }} />
        </div>
        <div class="field">
          <label for="login-password">Mot de passe</label>
          <input id="login-password" name="password" type="password" autocomplete="current-password" value={password} onFocus={onInteract} onInput={(e) => { onInteract?.(); setPassword(e.currentTarget.value); }} />
        </div>
        {error !== null && <p class="error-text" role="alert">{error}</p>}
        <button type="submit" disabled={busy}>Se connecter</button>
      </form>
      {/* For an employer handed a badge: no account needed (the check is public). */}
      <p class="login-aside"><a href="#/verifier">Vérifier un badge Tremplin</a></p>
    </main>
  );
}
