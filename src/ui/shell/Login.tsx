// Sign-in. The first sign-in needs the network (the server creates this device's session);
// after that the tablet works offline. It says why the tablet is back on it: revoked (data
// erased) or a session that lapsed unused (data kept for the same person). The form itself is
// LoginForm.tsx, which the light entry (ui/boot) also draws before the app is loaded.
import { useServices } from './services';
import { useExternal } from './hooks/useExternal';
import { LoginForm } from './LoginForm';

export { REVOKED_NOTICE, SESSION_EXPIRED_NOTICE, expiredKeptNotice, loginErrorMessage } from './LoginForm';

export function Login() {
  const services = useServices();
  const sync = useExternal(services.sync);
  const revoked = sync.revoked === true;
  const expired = !revoked && sync.sessionExpired === true;
  return <LoginForm login={services.login} revoked={revoked} expired={expired} expiredUserName={sync.expiredUserName} />;
}
