// « Écouter » reads a block aloud; while that block speaks, the same place shows « Arrêter », so
// the way to stop is where the salarié just tapped. One voice for the page (readAloud.ts).
import { Square, Volume2 } from 'lucide';
import { Icon } from '../icons/Icon';
import { useExternal } from '../shell/hooks/useExternal';
import { speech } from './readAloud';

export function ListenButton({ id, text, what }: { id: string; text: string; what: string }) {
  const { speaking } = useExternal(speech);
  if (speaking === id) {
    return (
      <button type="button" class="listen stop" onClick={() => speech.stop()}>
        <Icon icon={Square} size={28} /> Arrêter<span class="sr-only"> la lecture : {what}</span>
      </button>
    );
  }
  return (
    <button type="button" class="secondary listen" onClick={() => speech.speak(id, text)}>
      <Icon icon={Volume2} size={28} /> Écouter<span class="sr-only"> : {what}</span>
    </button>
  );
}
