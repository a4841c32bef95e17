// @vitest-environment jsdom
// The light sign-in drawn before the app is loaded (ui/boot/SignInFirst.tsx): the app is not
// asked for until the user starts on the form; signing in goes through the app's services and
// hands over; a refused sign-in says why in the same words as the app's Login; a revoked
// tablet's notice comes from the tab's flag.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { SignInFirst } from '../../../src/ui/boot/SignInFirst';
import type { FullApp } from '../../../src/ui/boot/fullApp';
import { ServicesContext } from '../../../src/ui/shell/services';
import { UpdatePrompt } from '../../../src/ui/pwa/UpdatePrompt';
import { createUpdateStore } from '../../../src/ui/pwa/updateStore';
import { revokedFlag } from '../../../src/ui/shell/revokedFlag';
import { testServices } from '../services';

afterEach(() => {
  cleanup();
  revokedFlag(false);
});

function fakeApp(login: (u: string, p: string) => Promise<void>): FullApp {
  const services = testServices(undefined, { login });
  return { services, ready: Promise.resolve(), show: async () => undefined, UpdatePrompt, ServicesContext };
}

describe('SignInFirst', () => {
  it('loads the app only once the user starts, then signs in through it and hands over', async () => {
    const login = vi.fn(async () => undefined);
    const full = fakeApp(login);
    const app = vi.fn(async () => full);
    const onSignedIn = vi.fn();
    render(<SignInFirst app={app} onSignedIn={onSignedIn} updates={createUpdateStore()} />);
    expect(screen.getByRole('button', { name: 'Se connecter' })).toBeTruthy();
    expect(app).not.toHaveBeenCalled();

    fireEvent.focus(screen.getByLabelText('Identifiant'));
    expect(app).toHaveBeenCalled();
    fireEvent.input(screen.getByLabelText('Identifiant'), { target: { value: ' eti1 ' } });
    fireEvent.input(screen.getByLabelText('Mot de passe'), { target: { value: 'tremplin' } });
    fireEvent.submit(screen.getByRole('button', { name: 'Se connecter' }));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(full));
    expect(login).toHaveBeenCalledWith('eti1', 'tremplin');
  });

  it('says why a sign-in was refused and stays on the form', async () => {
    const full = fakeApp(async () => { throw new Error('Identifiant ou mot de passe incorrect.'); });
    const onSignedIn = vi.fn();
    render(<SignInFirst app={async () => full} onSignedIn={onSignedIn} updates={createUpdateStore()} />);
    fireEvent.input(screen.getByLabelText('Identifiant'), { target: { value: 'eti1' } });
    fireEvent.input(screen.getByLabelText('Mot de passe'), { target: { value: 'x' } });
    fireEvent.submit(screen.getByRole('button', { name: 'Se connecter' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Identifiant ou mot de passe incorrect.'));
    expect(onSignedIn).not.toHaveBeenCalled();
  });

  it('asks for both fields without loading the app', () => {
    const app = vi.fn(async () => fakeApp(async () => undefined));
    render(<SignInFirst app={app} onSignedIn={() => undefined} updates={createUpdateStore()} />);
    fireEvent.submit(screen.getByRole('button', { name: 'Se connecter' }));
    expect(screen.getByRole('alert').textContent).toBe('Saisissez votre identifiant et votre mot de passe.');
    expect(app).not.toHaveBeenCalled();
  });

  it('tells a revoked tablet why it is signed out', () => {
    revokedFlag(true);
    render(<SignInFirst app={async () => fakeApp(async () => undefined)} onSignedIn={() => undefined} updates={createUpdateStore()} />);
    expect(screen.getByRole('status').textContent).toContain('déconnectée par la coordination : ses données ont été effacées');
  });

  it('shows the update prompt, with the app loaded for it, when a new version waits', async () => {
    const updates = createUpdateStore();
    const app = vi.fn(async () => fakeApp(async () => undefined));
    render(<SignInFirst app={app} onSignedIn={() => undefined} updates={updates} />);
    updates.set({ waiting: true });
    await waitFor(() => expect(screen.getByTestId('update-prompt')).toBeTruthy());
    expect(screen.getByRole('button', { name: 'Se connecter' })).toBeTruthy();
  });
});
