// @vitest-environment jsdom
// The sign-in screen says why a revoked tablet is back on it, and only then.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/preact';
import { Login } from '../../../src/ui/shell/Login';
import { ServicesContext } from '../../../src/ui/shell/services';
import { testServices } from '../services';

afterEach(cleanup);

describe('Login', () => {
  it('tells an ETI whose tablet was revoked that its data was erased', () => {
    render(<ServicesContext.Provider value={testServices(undefined, { sync: { revoked: true } })}><Login /></ServicesContext.Provider>);
    expect(screen.getByRole('status').textContent).toContain('déconnectée par la coordination : ses données ont été effacées');
  });

  it('says nothing of the kind on an ordinary sign-in', () => {
    render(<ServicesContext.Provider value={testServices(undefined)}><Login /></ServicesContext.Provider>);
    expect(screen.queryByText(/déconnectée par la coordination/)).toBeNull();
    expect(screen.getByRole('button', { name: 'Se connecter' })).toBeTruthy();
  });
});
