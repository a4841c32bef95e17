// Read a short text aloud in French (Web Speech API), for salariés who read with difficulty.
// Does nothing where the browser has no speech synthesis.
export function readAloud(text: string): void {
  const synth = globalThis.speechSynthesis;
  if (synth === undefined || typeof SpeechSynthesisUtterance === 'undefined') return;
  synth.cancel();
  const u = new SpeechSynthesisUtterance(text);
  u.lang = 'fr-FR';
  u.rate = 0.9;
  synth.speak(u);
}
