// @vitest-environment jsdom
// The référentiel's pictogram picker: the ETI sees pictures with their words, presses one (a
// toggle the screen reader announces as pressed), and « Aucun » clears it.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import type { PictogramName } from '../../../src/domain/competences/pictogramNames';
import { PictogramPicker } from '../../../src/ui/icons/PictogramPicker';

afterEach(cleanup);

function Harness({ start }: { start: PictogramName | null }) {
  const [value, setValue] = useState<PictogramName | null>(start);
  return <><PictogramPicker value={value} onChange={setValue} /><output>{value ?? 'aucun'}</output></>;
}

// Buttons are looked up inside their trade's group: naming every button of the grid is slow in jsdom.
const inGroup = (group: string) => within(screen.getByRole('group', { name: group }));
const pressed = (group: string, name: string) => inGroup(group).getByRole('button', { name }).getAttribute('aria-pressed');
const none = () => screen.getByText('Aucun').getAttribute('aria-pressed');

describe('PictogramPicker', () => {
  it('shows each pictogram as a labelled picture button, grouped by trade', () => {
    render(<Harness start="tondeuse" />);
    expect(screen.getByRole('group', { name: 'Pictogramme' })).toBeTruthy();
    const casque = inGroup('Sécurité, EPI').getByRole('button', { name: 'Casque' });
    expect(casque.querySelector('svg')).not.toBeNull();
    expect(pressed('Espaces verts', 'Tonte, gazon')).toBe('true');
    expect(casque.getAttribute('aria-pressed')).toBe('false');
    expect(none()).toBe('false');
  });

  it('picks one, then none', () => {
    render(<Harness start={null} />);
    expect(none()).toBe('true');
    fireEvent.click(inGroup('Sécurité, EPI').getByRole('button', { name: 'Gants' }));
    expect(screen.getByRole('status').textContent).toBe('gants');
    expect(pressed('Sécurité, EPI', 'Gants')).toBe('true');
    expect(document.querySelectorAll('[aria-pressed="true"]')).toHaveLength(1);
    fireEvent.click(screen.getByText('Aucun'));
    expect(screen.getByRole('status').textContent).toBe('aucun');
  });
});
