// The « Comptes » form checks as a table: each field's French message, and a valid form.
import { describe, expect, it } from 'vitest';
import { newLoginErrors, passwordErrors, suggestLogin, type NewLoginForm } from '../../../src/ui/coordination/logins/loginForm';

const good: NewLoginForm = { role: 'eti', salarieId: '', displayName: 'Sofia B.', login: 'sofia.b', password: 'assez-long', confirm: 'assez-long' };

describe('login form checks', () => {
  it.each<[Partial<NewLoginForm>, keyof NewLoginForm, string]>([
    [{ displayName: '  ' }, 'displayName', 'Saisissez le nom affiché.'],
    [{ login: '' }, 'login', 'Saisissez un identifiant.'],
    [{ login: 'a b' }, 'login', 'L’identifiant ne peut contenir que des lettres, des chiffres et . _ @ - (sans espace).'],
    [{ login: 'a/b' }, 'login', 'L’identifiant ne peut contenir que des lettres, des chiffres et . _ @ - (sans espace).'],
    [{ password: 'court', confirm: 'court' }, 'password', 'Le mot de passe doit faire au moins 8 caractères.'],
    [{ confirm: 'autre-chose' }, 'confirm', 'Les deux mots de passe ne sont pas identiques.'],
    [{ role: 'salarie' }, 'salarieId', 'Choisissez la fiche du salarié.'],
  ])('%o → %s', (change, field, message) => {
    const errors = newLoginErrors({ ...good, ...change });
    expect(errors[field]).toBe(message);
    expect(Object.keys(errors)).toEqual([field]);
  });

  it('accepts a valid form, a salarié with their file, and a login in capitals with spaces around', () => {
    expect(newLoginErrors(good)).toEqual({});
    expect(newLoginErrors({ ...good, role: 'salarie', salarieId: 'x' })).toEqual({});
    expect(newLoginErrors({ ...good, login: '  Sofia.B ' })).toEqual({});
    expect(passwordErrors('12345678', '12345678')).toEqual({});
  });

  it('suggests a login from a name', () => {
    expect(suggestLogin('Léa Petit')).toBe('lea.petit');
    expect(suggestLogin("  Jean-Éric d'Ormesson ")).toBe('jean.eric.d.ormesson');
  });
});
