// @vitest-environment jsdom
// On their own login, the salarié's week leads to « Mon planning sur mon téléphone » (#/agenda);
// the other pages do not repeat it.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/preact';
import { SalarieHome } from '../../../src/ui/salarie/SalarieHome';
import { ServicesContext } from '../../../src/ui/shell/services';
import { STRUCTURE_ID, testServices } from '../services';

afterEach(cleanup);

const SALARIE = '01900000-0000-7000-8000-000000000077';
const user = { id: '01900000-0000-7000-8000-000000000078', role: 'salarie' as const, structureId: STRUCTURE_ID, salarieId: SALARIE, displayName: 'Mamadou Diallo' };

describe('SalarieHome', () => {
  it('offers the phone planning below the week only', () => {
    const services = testServices(user);
    const { rerender } = render(<ServicesContext.Provider value={services}><SalarieHome salarieId={SALARIE} page="semaine" /></ServicesContext.Provider>);
    expect(screen.getByRole('link', { name: 'Mon planning sur mon téléphone' }).getAttribute('href')).toBe('#/agenda');
    rerender(<ServicesContext.Provider value={services}><SalarieHome salarieId={SALARIE} page="papiers" /></ServicesContext.Provider>);
    expect(screen.queryByRole('link', { name: 'Mon planning sur mon téléphone' })).toBeNull();
  });
});
