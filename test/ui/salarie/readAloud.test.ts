// The speaking state: « Écouter » starts a reading in French and marks its block as speaking; the
// end of the reading, « Arrêter » or another block's « Écouter » clears it. A fake
// speechSynthesis stands in for the browser's.
import { describe, expect, it } from 'vitest';
import { createSpeechStore } from '../../../src/ui/salarie/readAloud';

class FakeUtterance {
  lang = '';
  rate = 1;
  onend: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(public text: string) {}
}

function fakeSynth() {
  const spoken: FakeUtterance[] = [];
  let cancels = 0;
  return {
    spoken,
    get cancels() { return cancels; },
    speak: (u: SpeechSynthesisUtterance) => void spoken.push(u as unknown as FakeUtterance),
    // As browsers do, cancelling ends the utterance being spoken.
    cancel: () => { cancels++; spoken.at(-1)?.onend?.(); },
  };
}

(globalThis as { SpeechSynthesisUtterance?: unknown }).SpeechSynthesisUtterance = FakeUtterance;

describe('speech store', () => {
  it('speaks in French and says which block speaks until the reading ends', () => {
    const synth = fakeSynth();
    const store = createSpeechStore(() => synth);
    const seen: (string | null)[] = [];
    store.subscribe(() => seen.push(store.get().speaking));
    store.speak('week', 'Ma semaine.');
    expect(synth.spoken[0]).toMatchObject({ text: 'Ma semaine.', lang: 'fr-FR' });
    expect(store.get().speaking).toBe('week');
    synth.spoken[0]!.onend?.();
    expect(store.get().speaking).toBeNull();
    expect(seen).toEqual(['week', null]);
  });

  it('« Arrêter » cancels the voice; a new block takes over from the previous one', () => {
    const synth = fakeSynth();
    const store = createSpeechStore(() => synth);
    store.speak('week', 'Ma semaine.');
    store.speak('hours', 'Mes heures.');
    // The first reading's end (fired by cancel) does not clear the second.
    expect(store.get().speaking).toBe('hours');
    store.stop();
    expect(store.get().speaking).toBeNull();
    // Each reading starts by silencing the last (2), then « Arrêter » (1).
    expect(synth.cancels).toBe(3);
  });

  it('does nothing without speech synthesis', () => {
    const store = createSpeechStore(() => undefined);
    store.speak('week', 'Ma semaine.');
    expect(store.get().speaking).toBeNull();
  });
});
