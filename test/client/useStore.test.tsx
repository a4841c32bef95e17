// @vitest-environment jsdom
// The Preact hook over the vanilla stores: a component shows the store's current slice and
// re-renders when (and only when) that slice changes.
import { describe, expect, it } from 'vitest';
import { act, render } from '@testing-library/preact';
import { createStore } from 'zustand/vanilla';
import { useStore } from '../../src/client/stores/useStore';

describe('useStore', () => {
  it('follows the selected slice of a store', async () => {
    const store = createStore<{ pending: number; syncing: boolean }>()(() => ({ pending: 2, syncing: false }));
    let renders = 0;
    function Badge() {
      renders++;
      const pending = useStore(store, (s) => s.pending);
      return <span>{pending} en attente</span>;
    }
    const { container } = render(<Badge />);
    expect(container.textContent).toBe('2 en attente');
    const before = renders;
    await act(() => store.setState({ syncing: true }));
    expect(renders).toBe(before); // another slice changed: no re-render
    await act(() => store.setState({ pending: 0 }));
    expect(container.textContent).toBe('0 en attente');
  });
});
