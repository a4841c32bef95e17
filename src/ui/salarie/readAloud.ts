// Read a short text aloud in French (Web Speech API), for salariés who read with difficulty, and
// a small store of what is being read, so the block that speaks shows « Arrêter » in place of
// « Écouter » for as long as it speaks. Does nothing where the browser has no speech synthesis.
// The synthesis is looked up at each call (not at import), so tests can install a fake one.

export interface SpeechState {
  /** The id of the block being read aloud, or null when silent. */
  speaking: string | null;
}

interface SynthLike {
  speak(u: SpeechSynthesisUtterance): void;
  cancel(): void;
}

export interface SpeechStore {
  get(): SpeechState;
  subscribe(fn: () => void): () => void;
  /** Read `text` for block `id`, stopping whatever was being read. */
  speak(id: string, text: string): void;
  stop(): void;
}

export function createSpeechStore(synth: () => SynthLike | undefined = () => globalThis.speechSynthesis): SpeechStore {
  let state: SpeechState = { speaking: null };
  let current: SpeechSynthesisUtterance | null = null;
  const listeners = new Set<() => void>();
  const set = (speaking: string | null) => {
    if (state.speaking === speaking) return;
    state = { speaking };
    listeners.forEach((f) => f());
  };
  return {
    get: () => state,
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    speak(id, text) {
      const s = synth();
      if (s === undefined || typeof SpeechSynthesisUtterance === 'undefined') return;
      current = null; // the cancelled utterance's end must not clear the new one
      s.cancel();
      const u = new SpeechSynthesisUtterance(text);
      u.lang = 'fr-FR';
      u.rate = 0.9;
      const done = () => {
        if (current !== u) return;
        current = null;
        set(null);
      };
      u.onend = done;
      u.onerror = done;
      current = u;
      set(id);
      s.speak(u);
    },
    stop() {
      current = null;
      synth()?.cancel();
      set(null);
    },
  };
}

/** The page's one voice: a new reading stops the previous one, wherever it was started. */
export const speech = createSpeechStore();

/** Read a text aloud outside any block (kept for callers that only speak). */
export function readAloud(text: string): void {
  speech.speak('', text);
}
