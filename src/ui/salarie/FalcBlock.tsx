// One block of the salarié's space: a title with its pictogram, « Écouter » for the whole block
// (the block gives the words to read), then its content. Every block looks and sounds the same.
import type { ComponentChildren } from 'preact';
import type { IconNode } from 'lucide';
import { Icon } from '../icons/Icon';
import { ListenButton } from './ListenButton';

export function FalcBlock({ id, icon, title, speech, children }: { id: string; icon: IconNode; title: string; speech: string; children: ComponentChildren }) {
  return (
    <section class="falc-block" aria-labelledby={`${id}-title`} data-testid={`block-${id}`}>
      <div class="falc-block-head">
        <h2 id={`${id}-title`}><Icon icon={icon} size={40} /> {title}</h2>
        <ListenButton id={id} text={`${title}. ${speech}`} what={title} />
      </div>
      {children}
    </section>
  );
}
