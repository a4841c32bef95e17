// @vitest-environment jsdom
// States the domain names are drawn, not typed: a production check shows its severity as an SVG
// icon beside its French word (« info » as a named icon), never as ⛔ or ⚠ text.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/preact';
import { check } from '../../../src/domain/production/check';
import { CheckList } from '../../../src/ui/production/CheckList';

afterEach(cleanup);

describe('CheckList', () => {
  it('draws each severity as an icon beside its word', () => {
    const { container } = render(<CheckList checks={[
      check('a', 'refus', 'Contrat terminé.'),
      check('b', 'alerte', 'Moins de 20 h cette semaine.'),
      check('c', 'info', 'PMSMP demain.'),
    ]} />);
    const items = [...container.querySelectorAll('li')];
    expect(items.map((li) => li.textContent?.trim())).toEqual(['Refusé Contrat terminé.', 'Attention Moins de 20 h cette semaine.', 'PMSMP demain.']);
    for (const li of items) expect(li.querySelector('svg.icon')).not.toBeNull();
    expect(screen.getByRole('img', { name: 'Information' })).toBeTruthy();
    expect(container.textContent).not.toMatch(/\p{Extended_Pictographic}|[\u26A0\u26D4\u2139]/u);
  });
});
