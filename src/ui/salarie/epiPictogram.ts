// Which pictogram goes beside an EPI an ETI typed in words (« casque antibruit », « gants »):
// the assignment stores plain words, so the picture is chosen from them, the general EPI one when
// no word is known. Order matters: « casque antibruit » is ear protection, not a helmet.
const RULES: readonly [RegExp, string][] = [
  [/bruit|oreill|bouchon/i, 'antibruit'],
  [/lunette|visi[eè]re|masque|yeux/i, 'lunettes'],
  [/casque/i, 'casque'],
  [/gant/i, 'gants'],
  [/chaussure|botte|pied/i, 'chaussures'],
];

export function epiPictogram(words: string): string {
  for (const [re, name] of RULES) if (re.test(words)) return name;
  return 'epi';
}
