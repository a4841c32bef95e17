// Checks the fields of a new login, shared by POST /api/users and the administration command,
// so both refuse the same things with the same French messages.
import { ROLES, type Role } from '../../domain/entities';
import { isRecordId } from '../../domain/ids';
import { normalizeLogin } from '../auth/routes';
import { isSafeText } from '../http/text';

export interface NewUserInput {
  login: string;
  password: string;
  role: Role;
  displayName: string;
  salarieId?: string;
}

export type InputCheck<T> = { ok: true; value: T } | { ok: false; field: string; message: string };

export const MIN_PASSWORD_LENGTH = 8;
const LOGIN_RE = /^[\p{L}\p{N}._@-]{1,100}$/u;

export function checkNewUser(raw: Record<string, unknown>): InputCheck<NewUserInput> {
  const { login, password, role, displayName, salarieId } = raw;
  if (typeof login !== 'string' || !LOGIN_RE.test(normalizeLogin(login))) {
    return { ok: false, field: 'login', message: 'identifiant : 1 à 100 lettres, chiffres ou . _ @ -, sans espace' };
  }
  if (typeof password !== 'string' || password.length < MIN_PASSWORD_LENGTH || password.length > 200 || !isSafeText(password)) {
    return { ok: false, field: 'password', message: `mot de passe : ${MIN_PASSWORD_LENGTH} caractères au moins` };
  }
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) {
    return { ok: false, field: 'role', message: 'rôle : coordinator, eti ou salarie' };
  }
  if (typeof displayName !== 'string' || displayName.trim().length === 0 || displayName.length > 200 || !isSafeText(displayName)) {
    return { ok: false, field: 'displayName', message: 'nom affiché requis (200 caractères au plus)' };
  }
  if (role === 'salarie') {
    if (!isRecordId(salarieId)) return { ok: false, field: 'salarieId', message: 'un compte salarié doit désigner sa fiche salarié (salarieId)' };
  } else if (salarieId !== undefined && salarieId !== null) {
    return { ok: false, field: 'salarieId', message: 'salarieId ne concerne que le rôle salarié' };
  }
  return {
    ok: true,
    value: {
      login: normalizeLogin(login),
      password,
      role: role as Role,
      displayName: displayName.trim(),
      ...(role === 'salarie' && typeof salarieId === 'string' ? { salarieId } : {}),
    },
  };
}

/** The fields PATCH /api/users/:id may change; at least one is given. */
export interface UserPatch {
  displayName?: string;
  role?: Role;
  active?: boolean;
  password?: string;
}

const PATCH_FIELDS = new Set(['displayName', 'role', 'active', 'password']);

export function checkUserPatch(raw: Record<string, unknown>): InputCheck<UserPatch> {
  // An unknown field is refused rather than ignored: a typo must not look like a success.
  const unknown = Object.keys(raw).find((k) => !PATCH_FIELDS.has(k));
  if (unknown !== undefined) return { ok: false, field: unknown, message: `champ inconnu : seuls displayName, role, active et password se modifient` };
  const { displayName, role, active, password } = raw;
  const out: UserPatch = {};
  if (displayName !== undefined) {
    if (typeof displayName !== 'string' || displayName.trim().length === 0 || displayName.length > 200 || !isSafeText(displayName)) {
      return { ok: false, field: 'displayName', message: 'nom affiché requis (200 caractères au plus)' };
    }
    out.displayName = displayName.trim();
  }
  if (role !== undefined) {
    if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) return { ok: false, field: 'role', message: 'rôle : coordinator, eti ou salarie' };
    out.role = role as Role;
  }
  if (active !== undefined) {
    if (typeof active !== 'boolean') return { ok: false, field: 'active', message: 'actif : true ou false' };
    out.active = active;
  }
  if (password !== undefined) {
    if (typeof password !== 'string' || password.length < MIN_PASSWORD_LENGTH || password.length > 200 || !isSafeText(password)) {
      return { ok: false, field: 'password', message: `mot de passe : ${MIN_PASSWORD_LENGTH} caractères au moins` };
    }
    out.password = password;
  }
  if (Object.keys(out).length === 0) return { ok: false, field: 'body', message: 'rien à modifier : displayName, role, active ou password attendu' };
  return { ok: true, value: out };
}
