// The names a competence's pictogram may have, and the emoji older records held instead.
// Records store a NAME (« casque », « tondeuse »…), never a drawing: the UI maps each name to an
// SVG icon (ui/icons/pictograms.ts), so a tablet without an emoji font still shows it, and a newer
// icon set redraws old records. The names live here, in the domain, because the server validates
// and upgrades records without the UI (and the domain imports no icon library); a test checks
// that the UI draws exactly these names.

/** Every pictogram name, grouped by trade as the picker shows them. Append only: names are stored. */
export const PICTOGRAM_NAMES = [
  // Espaces verts
  'tondeuse', 'pousse', 'feuilles', 'arbre', 'fleur', 'secateur', 'pelle', 'arrosage', 'moteur', 'tracteur',
  // Bâtiment, second œuvre
  'marteau', 'perceuse', 'peinture', 'pinceau', 'metre', 'maconnerie', 'electricite', 'cle', 'hache',
  // Textile, ressourcerie
  'vetement', 'loupe', 'couture', 'balance', 'etiquette', 'boutique', 'vapeur', 'presse', 'lavage', 'recyclage',
  // Logistique
  'carton', 'camion', 'chariot', 'entrepot', 'caisse', 'liste',
  // Nettoyage
  'balai', 'pulverisateur', 'poubelle', 'proprete',
  // Cuisine
  'cuisine', 'couverts', 'marmite', 'legumes',
  // Savoir-être
  'horaires', 'chrono', 'calendrier', 'equipe', 'entraide', 'parler', 'ecouter', 'sourire', 'posture',
  // Sécurité, EPI
  'epi', 'casque', 'gants', 'lunettes', 'antibruit', 'chaussures', 'balisage', 'danger', 'charges', 'secours',
] as const;

export type PictogramName = (typeof PICTOGRAM_NAMES)[number];

const NAMES: ReadonlySet<string> = new Set(PICTOGRAM_NAMES);

export function isPictogramName(v: unknown): v is PictogramName {
  return typeof v === 'string' && NAMES.has(v);
}

/**
 * The emoji earlier releases stored (the demo référentiel and what ETI typed), to the name that
 * now draws the same idea. Keys are written without variation selectors (U+FE0F), which
 * `pictogramNameOf` strips before looking up. Written with escapes so no emoji sits in the source.
 */
export const EMOJI_PICTOGRAMS: ReadonlyMap<string, PictogramName> = new Map<string, PictogramName>([
  // The demo référentiel of the first releases
  ['\u{1F331}', 'tondeuse'], // seedling (tonte)
  ['\u2699', 'moteur'], // gear (débroussailleuse)
  ['\u2702', 'secateur'], // scissors (taille de haie)
  ['\u{1F342}', 'feuilles'], // fallen leaf
  ['\u{1F33F}', 'pousse'], // herb (désherbage)
  ['\u{1F333}', 'arbre'], // deciduous tree
  ['\u{1F332}', 'arbre'], // evergreen tree
  ['\u{1F33C}', 'fleur'], // blossom
  ['\u{1F338}', 'fleur'], // cherry blossom
  ['\u{1F337}', 'fleur'], // tulip
  ['\u{1F527}', 'cle'], // wrench
  ['\u{1F9BA}', 'epi'], // safety vest
  ['\u{1F6A7}', 'balisage'], // construction sign
  ['\u{1F3CB}', 'charges'], // weight lifter (postures)
  ['\u23F0', 'horaires'], // alarm clock
  ['\u{1F91D}', 'entraide'], // handshake
  ['\u{1F4AC}', 'parler'], // speech balloon
  ['\u{1F455}', 'vetement'], // t-shirt
  ['\u{1F50D}', 'loupe'], // magnifying glass
  ['\u{1FAA1}', 'couture'], // sewing needle
  ['\u{1F5DC}', 'presse'], // clamp (presse à balles)
  ['\u2696', 'balance'], // scales
  ['\u{1F3F7}', 'etiquette'], // label
  ['\u{1F6CD}', 'boutique'], // shopping bags
  ['\u2668', 'vapeur'], // hot springs (défroisseur)
  ['\u{1F9F5}', 'couture'], // thread
  ['\u{1F9E4}', 'gants'], // gloves
  ['\u{1F9CD}', 'posture'], // person standing
  ['\u23F1', 'chrono'], // stopwatch
  ['\u{1F642}', 'sourire'], // slightly smiling face
  ['\u{1F60A}', 'sourire'], // smiling face
  // Others an ETI was likely to type for a worksite competence
  ['\u{1F69C}', 'tracteur'], // tractor
  ['\u{1F4A7}', 'arrosage'], // droplet
  ['\u{1FAB4}', 'pousse'], // potted plant
  ['\u{1F528}', 'marteau'], // hammer
  ['\u{1F6E0}', 'cle'], // hammer and wrench
  ['\u{1FA9B}', 'cle'], // screwdriver
  ['\u{1F58C}', 'pinceau'], // paintbrush
  ['\u{1F3A8}', 'peinture'], // palette
  ['\u{1F4CF}', 'metre'], // ruler
  ['\u{1F9F1}', 'maconnerie'], // bricks
  ['\u26A1', 'electricite'], // high voltage
  ['\u{1F50C}', 'electricite'], // plug
  ['\u{1FA93}', 'hache'], // axe
  ['\u{1F454}', 'vetement'], // necktie shirt
  ['\u{1F456}', 'vetement'], // jeans
  ['\u{1F457}', 'vetement'], // dress
  ['\u{1F6D2}', 'boutique'], // shopping cart
  ['\u{1F9FA}', 'lavage'], // basket
  ['\u267B', 'recyclage'], // recycling
  ['\u{1F4E6}', 'carton'], // package
  ['\u{1F69A}', 'camion'], // delivery truck
  ['\u{1F69B}', 'camion'], // articulated lorry
  ['\u{1F3ED}', 'entrepot'], // factory
  ['\u{1F4CB}', 'liste'], // clipboard
  ['\u{1F4DD}', 'liste'], // memo
  ['\u{1F4B6}', 'caisse'], // euro banknote
  ['\u{1F9F9}', 'balai'], // broom
  ['\u{1F9FD}', 'proprete'], // sponge
  ['\u{1F9FC}', 'proprete'], // soap
  ['\u2728', 'proprete'], // sparkles
  ['\u{1F5D1}', 'poubelle'], // wastebasket
  ['\u{1F373}', 'cuisine'], // cooking
  ['\u{1F468}\u200D\u{1F373}', 'cuisine'], // cook
  ['\u{1F374}', 'couverts'], // fork and knife
  ['\u{1F37D}', 'couverts'], // plate with cutlery
  ['\u{1F958}', 'marmite'], // shallow pan of food
  ['\u{1F372}', 'marmite'], // pot of food
  ['\u{1F955}', 'legumes'], // carrot
  ['\u{1F96C}', 'legumes'], // leafy green
  ['\u{1F34E}', 'legumes'], // apple
  ['\u{1F570}', 'horaires'], // mantelpiece clock
  ['\u{1F552}', 'horaires'], // clock face
  ['\u231A', 'horaires'], // watch
  ['\u23F3', 'chrono'], // hourglass
  ['\u{1F4C5}', 'calendrier'], // calendar
  ['\u{1F4C6}', 'calendrier'], // tear-off calendar
  ['\u{1F465}', 'equipe'], // busts in silhouette
  ['\u{1F46B}', 'equipe'], // two people
  ['\u{1F5E3}', 'parler'], // speaking head
  ['\u{1F442}', 'ecouter'], // ear
  ['\u{1F600}', 'sourire'], // grinning face
  ['\u263A', 'sourire'], // smiling face
  ['\u26D1', 'casque'], // rescue worker's helmet
  ['\u{1F477}', 'casque'], // construction worker
  ['\u{1F97D}', 'lunettes'], // goggles
  ['\u{1F453}', 'lunettes'], // glasses
  ['\u{1F3A7}', 'antibruit'], // headphones
  ['\u{1F462}', 'chaussures'], // boot
  ['\u{1F97E}', 'chaussures'], // hiking boot
  ['\u26A0', 'danger'], // warning
  ['\u{1F4AA}', 'charges'], // flexed biceps
  ['\u{1F691}', 'secours'], // ambulance
  ['\u26D1\u200D\u{1F691}', 'secours'],
  ['\u{1FA79}', 'secours'], // adhesive bandage
]);

/** Variation selectors and skin tones: not part of the meaning of a stored pictogram. */
// (Alternatives, not a character class: a skin-tone modifier alone in a class misleads readers.)
const DECORATION = /\uFE0E|\uFE0F|\u{1F3FB}|\u{1F3FC}|\u{1F3FD}|\u{1F3FE}|\u{1F3FF}/gu;

/**
 * The pictogram name a stored value stands for: a name stays itself, an emoji an earlier release
 * stored becomes the name that draws the same idea, anything else (empty, unknown, not text) null.
 */
export function pictogramNameOf(value: unknown): PictogramName | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (isPictogramName(text)) return text;
  return EMOJI_PICTOGRAMS.get(text.replace(DECORATION, '')) ?? null;
}
