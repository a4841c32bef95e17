// @vitest-environment jsdom
// The référentiel shows each competence's pictogram as a drawing (SVG, no emoji font needed),
// and the coordination changes it by pressing a picture in the picker, not by typing a symbol.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { ReferentielEditor } from '../../../src/ui/competences/ReferentielEditor';
import { COORDINATOR, W, mount, seedWorld } from './world';

afterEach(cleanup);

describe('Référentiel: pictograms', () => {
  it('draws each pictogram and lets the coordination pick another one', async () => {
    const { services } = mount(COORDINATOR, <ReferentielEditor user={COORDINATOR} />);
    await seedWorld(services);
    await waitFor(() => expect(screen.getAllByTestId('ref-competence')).toHaveLength(3));
    const tonte = screen.getAllByTestId('ref-competence').find((li) => li.textContent?.includes('Tondre une pelouse'))!;
    expect(tonte.querySelector('svg.icon')).not.toBeNull();
    expect(tonte.textContent).not.toMatch(/\p{Extended_Pictographic}/u);

    fireEvent.click(within(tonte).getByRole('button', { name: /Modifier/ }));
    const form = within(await screen.findByRole('form', { name: 'Modifier la compétence' }));
    expect(form.getByRole('button', { name: 'Tonte, gazon' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(form.getByRole('button', { name: 'Arrosage' }));
    expect(form.getByRole('button', { name: 'Arrosage' }).getAttribute('aria-pressed')).toBe('true');
    expect(form.getByRole('button', { name: 'Tonte, gazon' }).getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(form.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(async () => expect(await services.db.table('competence').get(W.tonte)).toMatchObject({ pictogram: 'arrosage' }), { timeout: 5000 });
    expect(screen.getByText('Compétence enregistrée.')).toBeTruthy();
  });
});
