// The checks of the « Comptes » forms, pure so they are tested as a table and shown as the
// coordinator types. They mirror the server's (server/users/input.ts: same login characters,
// same minimum length), which stays the judge: a login taken elsewhere is only known there.
import type { Role } from '../../../domain/entities';

export const MIN_PASSWORD_LENGTH = 8;
const LOGIN_RE = /^[\p{L}\p{N}._@-]{1,100}$/u;

export interface NewLoginForm {
  role: Role;
  salarieId: string;
  displayName: string;
  login: string;
  password: string;
  confirm: string;
}

export type FormErrors<K extends string> = Partial<Record<K, string>>;

/** The login as the server stores it: trimmed, lower case. */
export function normalizedLogin(login: string): string {
  return login.normalize('NFC').trim().toLowerCase();
}

export function passwordErrors(password: string, confirm: string): FormErrors<'password' | 'confirm'> {
  const e: FormErrors<'password' | 'confirm'> = {};
  if (password.length < MIN_PASSWORD_LENGTH) e.password = `Le mot de passe doit faire au moins ${MIN_PASSWORD_LENGTH} caractères.`;
  else if (password.length > 200) e.password = 'Le mot de passe doit faire 200 caractères au plus.';
  if (confirm !== password) e.confirm = 'Les deux mots de passe ne sont pas identiques.';
  return e;
}

export function newLoginErrors(f: NewLoginForm): FormErrors<keyof NewLoginForm> {
  const e: FormErrors<keyof NewLoginForm> = {};
  if (f.role === 'salarie' && f.salarieId === '') e.salarieId = 'Choisissez la fiche du salarié.';
  if (f.displayName.trim() === '') e.displayName = 'Saisissez le nom affiché.';
  else if (f.displayName.length > 200) e.displayName = 'Le nom affiché doit faire 200 caractères au plus.';
  const login = normalizedLogin(f.login);
  if (login === '') e.login = 'Saisissez un identifiant.';
  else if (!LOGIN_RE.test(login)) e.login = 'L’identifiant ne peut contenir que des lettres, des chiffres et . _ @ - (sans espace).';
  return { ...e, ...passwordErrors(f.password, f.confirm) };
}

/** A login proposed from a name: « Léa Petit » → « lea.petit ». */
export function suggestLogin(displayName: string): string {
  return displayName.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim()
    .replace(/[^a-z0-9]+/g, '.').replace(/^\.+|\.+$/g, '').slice(0, 100);
}
