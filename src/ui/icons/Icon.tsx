// Pictograms as inline SVG drawn from lucide's icon data (bundled, tree-shaken per icon): no icon
// font and no emoji, so a tablet without an emoji font (Debian's Chromium, many cheap Android
// tablets) still shows every picture. lucide-preact only accepts Preact 10, so the vanilla
// package's node lists are rendered here; the drawing stays lucide's.
import { h } from 'preact';
import type { IconNode } from 'lucide';

export type { IconNode };

interface IconProps {
  icon: IconNode;
  /** Pixels; the stroke scales with it. */
  size?: number;
  /** When the picture carries meaning on its own (no text beside it). Otherwise it is hidden from screen readers. */
  label?: string;
  class?: string;
}

export function Icon({ icon, size = 24, label, class: className }: IconProps) {
  const named = label !== undefined && label !== '';
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      stroke-width={2}
      stroke-linecap="round"
      stroke-linejoin="round"
      class={className === undefined ? 'icon' : `icon ${className}`}
      focusable="false"
      role={named ? 'img' : undefined}
      aria-label={named ? label : undefined}
      aria-hidden={named ? undefined : 'true'}
    >
      {icon.map(([tag, attrs], i) => h(tag, { key: i, ...attrs }))}
    </svg>
  );
}
