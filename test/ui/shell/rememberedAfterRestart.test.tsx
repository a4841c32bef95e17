// @vitest-environment jsdom
// A screen reopened after the app restarted (useRememberedQuery over a memory kept across
// restarts): the answer saved for this key paints before the live read answers, then the live
// answer replaces it; a live answer that comes first is never replaced by the saved one.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/preact';
import { queryMemory, type QueryMemory } from '../../../src/client/queries/memory';
import { useRememberedQuery } from '../../../src/ui/shell/hooks/useRememberedQuery';

afterEach(() => { cleanup(); });

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => { resolve = r; });
  return { promise, resolve };
}

/** An in-memory memory whose saved answer (from an earlier run) comes when `saved` resolves. */
function restarted(saved: Promise<string | undefined>): QueryMemory<string> {
  return { ...queryMemory<string>(2), load: () => saved };
}

function Shown({ memory, read }: { memory: QueryMemory<string>; read: () => Promise<string> }) {
  const value = useRememberedQuery(memory, 'coord|2026-11-20', read);
  return <p>{value ?? 'Chargement…'}</p>;
}

describe('useRememberedQuery after a restart', () => {
  it('paints the saved answer, then the live one', async () => {
    const live = deferred<string>();
    render(<Shown memory={restarted(Promise.resolve('Réponse enregistrée'))} read={() => live.promise} />);
    expect(await screen.findByText('Réponse enregistrée')).toBeTruthy();
    live.resolve('Réponse lue');
    expect(await screen.findByText('Réponse lue')).toBeTruthy();
  });

  it('starts the live read only once the saved answer is on screen', async () => {
    // Started together, the live read's records would be deserialized before the saved answer's
    // frame is painted: the saved answer would gain nothing.
    const live = deferred<string>();
    let shownWhenRead: boolean | undefined;
    const read = () => {
      shownWhenRead ??= screen.queryByText('Réponse enregistrée') !== null;
      return live.promise;
    };
    render(<Shown memory={restarted(Promise.resolve('Réponse enregistrée'))} read={read} />);
    expect(await screen.findByText('Réponse enregistrée')).toBeTruthy();
    await new Promise((r) => setTimeout(r, 50));
    expect(shownWhenRead).toBe(true);
    live.resolve('Réponse lue');
    expect(await screen.findByText('Réponse lue')).toBeTruthy();
  });

  it('does not wait long for a saved answer that is slow to come', async () => {
    const saved = deferred<string | undefined>();
    render(<Shown memory={restarted(saved.promise)} read={() => Promise.resolve('Réponse lue')} />);
    expect(await screen.findByText('Réponse lue')).toBeTruthy();
    saved.resolve(undefined);
  });

  it('keeps the live answer when the saved one comes later', async () => {
    const saved = deferred<string | undefined>();
    render(<Shown memory={restarted(saved.promise)} read={() => Promise.resolve('Réponse lue')} />);
    expect(await screen.findByText('Réponse lue')).toBeTruthy();
    saved.resolve('Réponse enregistrée');
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByText('Réponse enregistrée')).toBeNull();
    expect(screen.getByText('Réponse lue')).toBeTruthy();
  });

  it('nothing saved for this key: loading, then the live answer', async () => {
    const live = deferred<string>();
    render(<Shown memory={restarted(Promise.resolve(undefined))} read={() => live.promise} />);
    expect(screen.getByText('Chargement…')).toBeTruthy();
    live.resolve('Réponse lue');
    expect(await screen.findByText('Réponse lue')).toBeTruthy();
  });
});
