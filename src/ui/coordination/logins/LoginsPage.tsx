// « Comptes » (coordination): the structure's logins — role, active or not, last sign-in — a
// form to create one for an ETI, a coordinator or a salarié linked to their file, a password
// reset, and deactivation with a confirmation that says the person's tablets are revoked at
// once. Online only (client/admin.ts): offline, the screen says so and keeps what was typed, so
// the coordinator sends it once connected. The salariés' names come from the device's own data.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { AdminApi, AdminUser } from '../../../client/admin';
import { adminErrorMessage, errorField } from '../../../client/admin';
import type { SalarieRow } from '../../../client/queries';
import { ROLES, type Role } from '../../../domain/entities';
import { byFrench, fullName } from '../../../domain/people';
import { ROLE_LABELS } from '../../../domain/rules/labels';
import { useServices } from '../../shell/services';
import { useExternal } from '../../shell/hooks/useExternal';
import { useLiveQuery } from '../../shell/hooks/useLiveQuery';
import { frenchSince, useAdminConnection, type AdminConnection } from './adminConnection';
import { newLoginErrors, normalizedLogin, passwordErrors, suggestLogin, type NewLoginForm } from './loginForm';

export const OFFLINE_ACCOUNTS = 'Connexion nécessaire pour gérer les comptes.';

type Notice = { ok: boolean; text: string } | null;

/** Coordination first, then ETI, then salariés; active before inactive; by name. */
function sortUsers(users: AdminUser[]): AdminUser[] {
  const rank = (u: AdminUser) => ROLES.indexOf(u.role);
  return [...users].sort((a, b) => Number(!a.active) - Number(!b.active) || rank(a) - rank(b) || byFrench(a.displayName, b.displayName));
}

export function LoginsPage({ admin }: { admin: AdminApi }) {
  const services = useServices();
  const me = useExternal(services.session);
  const conn = useAdminConnection();
  const salaries = useLiveQuery(() => services.queries.records.list('salarie'), [], [] as SalarieRow[]);
  const [users, setUsers] = useState<AdminUser[] | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [attempt, setAttempt] = useState(0);

  // Read again when the connection comes back (or « Réessayer »).
  useEffect(() => {
    if (!conn.online && attempt === 0) return;
    let alive = true;
    void conn.run(async () => {
      const list = await admin.listUsers();
      if (alive) setUsers(sortUsers(list));
    }, (e) => alive && setNotice({ ok: false, text: adminErrorMessage(e) }));
    return () => { alive = false; };
  }, [admin, conn.online, attempt]);

  const reload = () => setAttempt((n) => n + 1);
  const salarieById = useMemo(() => new Map(salaries.map((s) => [s.id, s])), [salaries]);
  if (me === undefined) return null;

  return (
    <section aria-labelledby="logins-title" class="logins">
      <h2 id="logins-title">Comptes</h2>
      {!conn.online && (
        <div class="banner warn" role="status">
          <p>{OFFLINE_ACCOUNTS} Ce que vous avez saisi est gardé : envoyez-le une fois la tablette connectée.</p>
          <button type="button" class="secondary" onClick={reload}>Réessayer</button>
        </div>
      )}
      {notice !== null && <p class={notice.ok ? 'banner info' : 'banner error'} role={notice.ok ? 'status' : 'alert'}>{notice.text}</p>}
      {users === null
        ? conn.online && <p>Chargement des comptes…</p>
        : (
          <ul class="list" aria-label="Comptes de la structure">
            {users.map((u) => (
              <UserEntry key={u.id} user={u} self={u.id === me.id} salarie={u.salarieId !== undefined ? salarieById.get(u.salarieId) : undefined}
                admin={admin} conn={conn} now={services.now()} onChanged={(text) => { setNotice({ ok: true, text }); reload(); }} />
            ))}
          </ul>
        )}
      <NewLogin admin={admin} conn={conn} salaries={salaries} users={users ?? []}
        onCreated={(text) => { setNotice({ ok: true, text }); reload(); }} />
    </section>
  );
}

function UserEntry({ user, self, salarie, admin, conn, now, onChanged }: {
  user: AdminUser; self: boolean; salarie: SalarieRow | undefined; admin: AdminApi; conn: AdminConnection; now: Date; onChanged: (text: string) => void;
}) {
  const [open, setOpen] = useState<'password' | 'toggle' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const name = user.displayName;

  async function toggle() {
    if (!conn.online) return;
    const active = !user.active;
    const ok = await conn.run(async () => { await admin.updateUser(user.id, { active }); }, (e) => setError(adminErrorMessage(e)));
    if (ok) {
      setOpen(null);
      onChanged(active ? `Le compte de ${name} est réactivé.` : `Le compte de ${name} est désactivé et ses tablettes sont révoquées.`);
    }
  }

  return (
    <li class={`entry logins-entry${user.active ? '' : ' logins-inactive'}`}>
      <header>
        <strong>{name}</strong>
        <span class="meta">{user.login}</span>
        <span class="tag">{ROLE_LABELS[user.role]}</span>
        <span class={user.active ? 'tag logins-active' : 'tag logins-off'}>{user.active ? 'Actif' : 'Désactivé'}</span>
        {self && <span class="meta">(vous)</span>}
      </header>
      {salarie !== undefined && <p class="meta">Fiche : <a href={`#/salarie/${salarie.id}`}>{fullName(salarie)}</a></p>}
      <p class="meta">{user.lastLoginAt !== undefined ? `Dernière connexion ${frenchSince(user.lastLoginAt, now)}` : 'Jamais connecté'}</p>
      {error !== null && <p class="error-text" role="alert">{error}</p>}
      <div class="actions">
        <button type="button" class="secondary" aria-label={`Nouveau mot de passe pour ${name}`} aria-expanded={open === 'password'}
          onClick={() => { setError(null); setOpen(open === 'password' ? null : 'password'); }}>Nouveau mot de passe</button>
        {self
          ? <p class="hint">Votre propre compte ne se désactive pas ici.</p>
          : (
            <button type="button" class="secondary" aria-label={`${user.active ? 'Désactiver' : 'Réactiver'} le compte de ${name}`} aria-expanded={open === 'toggle'}
              onClick={() => { setError(null); setOpen(open === 'toggle' ? null : 'toggle'); }}>{user.active ? 'Désactiver' : 'Réactiver'}</button>
          )}
      </div>
      {open === 'password' && (
        <PasswordReset user={user} admin={admin} conn={conn} onDone={() => { setOpen(null); onChanged(`Nouveau mot de passe enregistré pour ${name}.`); }} />
      )}
      {open === 'toggle' && (
        <div class="card logins-confirm" role="group" aria-label={user.active ? `Désactiver le compte de ${name}` : `Réactiver le compte de ${name}`}>
          {user.active
            ? <p>Désactiver le compte de {name} ? Ses tablettes sont révoquées tout de suite : leurs données seront effacées à leur prochaine connexion, et les modifications qu’elles n’ont pas encore envoyées seront perdues. {name} ne pourra plus se connecter tant que le compte n’est pas réactivé.</p>
            : <p>Réactiver le compte de {name} ? Cette personne pourra se connecter de nouveau avec son mot de passe ; ses anciennes tablettes restent révoquées.</p>}
          {!conn.online && <p class="error-text" role="alert">{OFFLINE_ACCOUNTS}</p>}
          <div class="actions">
            <button type="button" class={user.active ? 'danger' : undefined} disabled={!conn.online} onClick={() => void toggle()}>
              {user.active ? 'Oui, désactiver et révoquer ses tablettes' : 'Oui, réactiver'}
            </button>
            <button type="button" class="secondary" onClick={() => setOpen(null)}>Annuler</button>
          </div>
        </div>
      )}
    </li>
  );
}

function PasswordReset({ user, admin, conn, onDone }: { user: AdminUser; admin: AdminApi; conn: AdminConnection; onDone: () => void }) {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [touched, setTouched] = useState({ password: false, confirm: false });
  const [error, setError] = useState<string | null>(null);
  const errors = passwordErrors(password, confirm);
  const shown = { password: touched.password ? errors.password : undefined, confirm: touched.confirm ? errors.confirm : undefined };
  const idp = `pw-${user.id}`;

  async function save(ev: Event) {
    ev.preventDefault();
    setTouched({ password: true, confirm: true });
    if (errors.password !== undefined || errors.confirm !== undefined) return;
    if (!conn.online) { setError(OFFLINE_ACCOUNTS); return; }
    setError(null);
    const ok = await conn.run(async () => { await admin.updateUser(user.id, { password }); }, (e) => setError(adminErrorMessage(e)));
    if (ok) onDone();
    else setError((prev) => prev ?? OFFLINE_ACCOUNTS);
  }

  return (
    <form class="card" onSubmit={(e) => void save(e)} aria-label={`Nouveau mot de passe pour ${user.displayName}`} noValidate>
      <p class="hint">Ses tablettes restent connectées : seul le mot de passe change.</p>
      <div class="row">
        <PasswordField id={`${idp}-new`} label="Nouveau mot de passe" value={password} error={shown.password}
          onInput={(v) => { setPassword(v); setTouched((t) => ({ ...t, password: true })); }} />
        <PasswordField id={`${idp}-confirm`} label="Confirmer le mot de passe" value={confirm} error={shown.confirm}
          onInput={(v) => { setConfirm(v); setTouched((t) => ({ ...t, confirm: true })); }} />
      </div>
      {error !== null && <p class="error-text" role="alert">{error}</p>}
      <div class="actions"><button type="submit">Enregistrer le mot de passe</button></div>
    </form>
  );
}

function PasswordField({ id, label, value, error, onInput }: { id: string; label: string; value: string; error: string | undefined; onInput: (v: string) => void }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input id={id} type="password" autoComplete="new-password" value={value} onInput={(e) => onInput(e.currentTarget.value)}
        aria-invalid={error !== undefined} aria-describedby={error !== undefined ? `${id}-error` : undefined} />
      {error !== undefined && <p id={`${id}-error`} class="error-text">{error}</p>}
    </div>
  );
}

const EMPTY_FORM: NewLoginForm = { role: 'eti', salarieId: '', displayName: '', login: '', password: '', confirm: '' };
const CREATABLE: readonly Role[] = ['eti', 'coordinator', 'salarie'];

function NewLogin({ admin, conn, salaries, users, onCreated }: {
  admin: AdminApi; conn: AdminConnection; salaries: SalarieRow[]; users: AdminUser[]; onCreated: (text: string) => void;
}) {
  const [f, setF] = useState<NewLoginForm>(EMPTY_FORM);
  const [touched, setTouched] = useState<Partial<Record<keyof NewLoginForm, boolean>>>({});
  const [serverError, setServerError] = useState<{ field: string | undefined; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  /** Name and login typed by hand: no longer filled from the salarié or the name. */
  const [byHand, setByHand] = useState({ displayName: false, login: false });
  const errors = newLoginErrors(f);
  const shown = (k: keyof NewLoginForm): string | undefined =>
    (touched[k] === true ? errors[k] : undefined) ?? (serverError?.field === k ? serverError.text : undefined);

  // A salarié who already has a login is not offered again.
  const linked = new Set(users.flatMap((u) => (u.salarieId !== undefined ? [u.salarieId] : [])));
  const choosable = salaries.filter((s) => !linked.has(s.id)).sort((a, b) => byFrench(fullName(a), fullName(b)));

  const change = (k: keyof NewLoginForm, v: string) => {
    const next = { ...f, [k]: v };
    // Name and login follow the salarié chosen, and the login follows the name, until typed by hand.
    if (k === 'salarieId' && !byHand.displayName) next.displayName = v === '' ? '' : fullName(salaries.find((s) => s.id === v));
    if ((k === 'displayName' || k === 'salarieId') && !byHand.login) next.login = suggestLogin(next.displayName);
    if (k === 'displayName' || k === 'login') setByHand({ ...byHand, [k]: v !== '' });
    setF(next);
    setTouched({ ...touched, [k]: true });
    if (serverError?.field === k) setServerError(null);
  };

  async function save(ev: Event) {
    ev.preventDefault();
    setTouched({ salarieId: true, displayName: true, login: true, password: true, confirm: true });
    if (Object.keys(errors).length > 0) return;
    if (!conn.online) { setServerError({ field: undefined, text: OFFLINE_ACCOUNTS }); return; }
    setBusy(true);
    setServerError(null);
    const login = normalizedLogin(f.login);
    const ok = await conn.run(async () => {
      await admin.createUser({
        login, password: f.password, role: f.role, displayName: f.displayName.trim(), ...(f.role === 'salarie' ? { salarieId: f.salarieId } : {}),
      });
    }, (e) => setServerError({ field: errorField(e), text: adminErrorMessage(e) }));
    setBusy(false);
    if (!ok) {
      setServerError((prev) => prev ?? { field: undefined, text: OFFLINE_ACCOUNTS });
      return;
    }
    setF(EMPTY_FORM);
    setTouched({});
    setByHand({ displayName: false, login: false });
    onCreated(`Compte « ${login} » créé. Donnez à la personne son identifiant et son mot de passe.`);
  }

  return (
    <section aria-labelledby="new-login-title">
      <h3 id="new-login-title">Nouveau compte</h3>
      <form onSubmit={(e) => void save(e)} noValidate>
        <fieldset>
          <legend>Pour qui ?</legend>
          <div class="choices">
            {CREATABLE.map((r) => (
              <label key={r}><input type="radio" name="new-login-role" value={r} checked={f.role === r} onChange={() => setF({ ...f, role: r })} />{ROLE_LABELS[r]}</label>
            ))}
          </div>
        </fieldset>
        {f.role === 'salarie' && (
          <div class="field">
            <label for="new-login-salarie">Fiche du salarié</label>
            <select id="new-login-salarie" value={f.salarieId} onChange={(e) => change('salarieId', e.currentTarget.value)}
              aria-invalid={shown('salarieId') !== undefined} aria-describedby={shown('salarieId') !== undefined ? 'new-login-salarie-error' : undefined}>
              <option value="">— Choisir —</option>
              {choosable.map((s) => <option key={s.id} value={s.id}>{fullName(s)}</option>)}
            </select>
            {choosable.length === 0 && <p class="hint">Tous les salariés de cette tablette ont déjà un compte.</p>}
            {shown('salarieId') !== undefined && <p id="new-login-salarie-error" class="error-text">{shown('salarieId')}</p>}
          </div>
        )}
        <div class="row">
          <TextField id="new-login-name" label="Nom affiché" value={f.displayName} error={shown('displayName')} onInput={(v) => change('displayName', v)} />
          <TextField id="new-login-login" label="Identifiant" value={f.login} error={shown('login')} onInput={(v) => change('login', v)}
            hint="Lettres, chiffres et . _ @ -, sans espace." />
        </div>
        <div class="row">
          <PasswordField id="new-login-password" label="Mot de passe (8 caractères au moins)" value={f.password} error={shown('password')} onInput={(v) => change('password', v)} />
          <PasswordField id="new-login-confirm" label="Confirmer le mot de passe" value={f.confirm} error={shown('confirm')} onInput={(v) => change('confirm', v)} />
        </div>
        {serverError !== null && serverError.field === undefined && <p class="error-text" role="alert">{serverError.text}</p>}
        <div class="actions"><button type="submit" disabled={busy}>Créer le compte</button></div>
      </form>
    </section>
  );
}

function TextField({ id, label, value, error, hint, onInput }: { id: string; label: string; value: string; error: string | undefined; hint?: string; onInput: (v: string) => void }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input id={id} value={value} autoComplete="off" onInput={(e) => onInput(e.currentTarget.value)}
        aria-invalid={error !== undefined} aria-describedby={error !== undefined ? `${id}-error` : hint !== undefined ? `${id}-hint` : undefined} />
      {hint !== undefined && error === undefined && <p id={`${id}-hint`} class="hint">{hint}</p>}
      {error !== undefined && <p id={`${id}-error`} class="error-text">{error}</p>}
    </div>
  );
}
