// Choosing a competence's pictogram: a grid of icon buttons with their French words, grouped by
// trade, instead of a free-text field (where ETI typed emoji, which many tablets cannot draw).
// Each button is a toggle (aria-pressed) at least 44 px; « Aucun » clears the choice.
import { Icon } from './Icon';
import { PICTOGRAM_GROUPS, PICTOGRAMS } from './pictograms';
import type { PictogramName } from '../../domain/competences/pictogramNames';

export function PictogramPicker({ value, onChange, legend = 'Pictogramme' }: { value: PictogramName | null; onChange(name: PictogramName | null): void; legend?: string }) {
  return (
    <fieldset class="picto-picker">
      <legend>{legend}</legend>
      <button type="button" class="picto-choice" aria-pressed={value === null} onClick={() => onChange(null)}>Aucun</button>
      {PICTOGRAM_GROUPS.map((g) => (
        <div key={g.title} class="picto-group" role="group" aria-label={g.title}>
          <p class="picto-group-title" aria-hidden="true">{g.title}</p>
          <div class="picto-grid">
            {g.names.map((name) => (
              <button key={name} type="button" class="picto-choice" aria-pressed={value === name} onClick={() => onChange(name)}>
                <Icon icon={PICTOGRAMS[name].icon} size={28} />
                <span>{PICTOGRAMS[name].label}</span>
              </button>
            ))}
          </div>
        </div>
      ))}
    </fieldset>
  );
}
