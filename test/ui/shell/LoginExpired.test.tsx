// @vitest-environment jsdom
// The sign-in screen after a session lapsed unused: it asks to sign in again, says the unsent
// changes are kept on the tablet and whose they are — and says nothing of an erasure.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/preact';
import { Login } from '../../../src/ui/shell/Login';
import { ServicesContext } from '../../../src/ui/shell/services';
import { testServices } from '../services';

afterEach(cleanup);

describe('Login after an expired session', () => {
  it('asks to sign in again and says the unsent changes are kept for the same person', () => {
    render(<ServicesContext.Provider value={testServices(undefined, { sync: { sessionExpired: true, expiredUserName: 'Karim Benali' } })}><Login /></ServicesContext.Provider>);
    const notice = screen.getByRole('status').textContent ?? '';
    expect(notice).toContain('Votre session a expiré : reconnectez-vous. Vos saisies non envoyées sont gardées sur cette tablette.');
    expect(notice).toContain('Elles partiront dès que Karim Benali se reconnecte.');
    expect(notice).toContain('Si une autre personne se connecte, elles seront effacées sans être envoyées.');
    expect(screen.queryByText(/déconnectée par la coordination/)).toBeNull();
    expect(screen.getByRole('button', { name: 'Se connecter' })).toBeTruthy();
  });

  it('says nothing of it on an ordinary sign-in', () => {
    render(<ServicesContext.Provider value={testServices(undefined)}><Login /></ServicesContext.Provider>);
    expect(screen.queryByText(/session a expiré/)).toBeNull();
  });
});
