// @vitest-environment jsdom
// A pictogram is real SVG geometry (no text glyph that needs a font), hidden from screen readers
// beside a label, and named when it stands alone.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/preact';
import { Hammer } from 'lucide';
import { Icon } from '../../../src/ui/icons/Icon';

afterEach(cleanup);

describe('Icon', () => {
  it('draws the lucide shapes as SVG elements, with no text content', () => {
    const { container } = render(<Icon icon={Hammer} size={48} />);
    const svg = container.querySelector('svg');
    expect(svg?.getAttribute('width')).toBe('48');
    expect(svg?.querySelectorAll('path').length).toBe(Hammer.length);
    expect(svg?.textContent).toBe('');
    expect(svg?.getAttribute('aria-hidden')).toBe('true');
  });

  it('is announced with its label when it stands alone', () => {
    render(<Icon icon={Hammer} label="Outils" />);
    expect(screen.getByRole('img', { name: 'Outils' })).toBeTruthy();
  });
});
