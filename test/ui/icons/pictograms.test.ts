// @vitest-environment jsdom
// The pictogram registry draws exactly the names the domain stores (no name the screens cannot
// draw, none the server would not know), each as real SVG geometry with its French words; the
// picker's groups hold every name once; a stored name (or an older emoji, once upgraded) draws
// the same picture.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/preact';
import { h } from 'preact';
import { EMOJI_PICTOGRAMS, PICTOGRAM_NAMES, pictogramNameOf } from '../../../src/domain/competences/pictogramNames';
import { PICTOGRAM_GROUPS, PICTOGRAMS, pictogramOf } from '../../../src/ui/icons/pictograms';
import { Pictogram } from '../../../src/ui/icons/Pictogram';

afterEach(cleanup);

describe('the pictogram registry', () => {
  it('draws exactly the domain’s names, each with French words', () => {
    expect(Object.keys(PICTOGRAMS).sort()).toEqual([...PICTOGRAM_NAMES].sort());
    expect(new Set(PICTOGRAM_NAMES).size).toBe(PICTOGRAM_NAMES.length);
    for (const name of PICTOGRAM_NAMES) expect(pictogramOf(name)?.label, name).toMatch(/^\p{Lu}[\p{L} ,'’()-]+$/u);
  });

  it('gives the picker every name once, in groups by trade', () => {
    const grouped = PICTOGRAM_GROUPS.flatMap((g) => g.names);
    expect([...grouped].sort()).toEqual([...PICTOGRAM_NAMES].sort());
    expect(new Set(grouped).size).toBe(grouped.length);
  });

  it.each(PICTOGRAM_NAMES)('%s draws an SVG with shapes and no text', (name) => {
    const { container } = render(h(Pictogram, { name, size: 32 }));
    const svg = container.querySelector('svg');
    expect(svg).not.toBeNull();
    expect(svg!.children.length).toBeGreaterThan(0);
    expect(svg!.textContent).toBe('');
    expect(svg!.getAttribute('aria-hidden')).toBe('true');
  });

  it('names the picture when it stands alone', () => {
    render(h(Pictogram, { name: 'casque', label: PICTOGRAMS.casque.label }));
    expect(screen.getByRole('img', { name: 'Casque' })).toBeTruthy();
  });

  it('draws nothing for an empty, unknown or emoji value (never a broken glyph)', () => {
    for (const name of [null, undefined, '', 'licorne', '\u{1F331}', 'toString', '__proto__']) {
      const { container } = render(h(Pictogram, { name }));
      expect(container.innerHTML, String(name)).toBe('');
      cleanup();
    }
  });

  it('maps every known emoji to a name the registry draws', () => {
    for (const [emoji, name] of EMOJI_PICTOGRAMS) {
      expect(pictogramOf(pictogramNameOf(emoji)), emoji).toBe(PICTOGRAMS[name]);
      expect(pictogramNameOf(`${emoji}\uFE0F`), `${emoji} with its variation selector`).toBe(name);
    }
  });
});
