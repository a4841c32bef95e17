// The pictograms a structure can give its competences, by stable name (stored in records), each
// with its French words (for the picker and for read-aloud). Names, not drawings, are stored so a
// newer icon set redraws old records. The names themselves are the domain's
// (domain/competences/pictogramNames.ts: the server validates and upgrades records without any
// icon library); this file only says how each one is drawn, and `satisfies` makes a missing or
// extra name a type error (test/ui/icons/pictograms.test.ts checks it at run time too).
import {
  AlarmClock, BrickWall, BriefcaseMedical, Brush, CalendarCheck, Carrot, ChefHat, ClipboardList, Cog, CookingPot,
  Drill, Droplets, Ear, Flame, Flower2, FoldVertical, Footprints, Forklift, Glasses, Hammer, Hand, Handshake,
  HardHat, Headphones, Leaf, MessageCircle, Package, PaintRoller, Paintbrush, PersonStanding, PlugZap, Recycle,
  Ruler, Scale, Scissors, Search, ShieldCheck, Shirt, ShoppingBag, Shovel, Shrub, Smile, Sparkles, SprayCan, Spool,
  Sprout, Store, Tag, Timer, Tractor, TrafficCone, Trash2, TreeDeciduous, TriangleAlert, Truck, Users,
  Utensils, Warehouse, WashingMachine, Weight, Wrench, Axe, type IconNode,
} from 'lucide';
import { isPictogramName, PICTOGRAM_NAMES, type PictogramName } from '../../domain/competences/pictogramNames';

export interface PictogramInfo { icon: IconNode; label: string }

export const PICTOGRAMS = {
  // Espaces verts
  tondeuse: { icon: Sprout, label: 'Tonte, gazon' },
  pousse: { icon: Shrub, label: 'Plantes, désherbage' },
  feuilles: { icon: Leaf, label: 'Feuilles, déchets verts' },
  arbre: { icon: TreeDeciduous, label: 'Arbre, plantation' },
  fleur: { icon: Flower2, label: 'Fleurs, massifs' },
  secateur: { icon: Scissors, label: 'Couper, tailler' },
  pelle: { icon: Shovel, label: 'Pelle, creuser' },
  arrosage: { icon: Droplets, label: 'Arrosage' },
  moteur: { icon: Cog, label: 'Machine à moteur' },
  tracteur: { icon: Tractor, label: 'Tracteur, engin' },
  // Bâtiment, second œuvre
  marteau: { icon: Hammer, label: 'Marteau' },
  perceuse: { icon: Drill, label: 'Perceuse' },
  peinture: { icon: PaintRoller, label: 'Peinture au rouleau' },
  pinceau: { icon: Paintbrush, label: 'Pinceau, finitions' },
  metre: { icon: Ruler, label: 'Mesurer' },
  maconnerie: { icon: BrickWall, label: 'Maçonnerie' },
  electricite: { icon: PlugZap, label: 'Électricité' },
  cle: { icon: Wrench, label: 'Outils, entretien' },
  hache: { icon: Axe, label: 'Hache, bûcheronnage' },
  // Textile, ressourcerie
  vetement: { icon: Shirt, label: 'Vêtements, tri' },
  loupe: { icon: Search, label: 'Regarder, vérifier' },
  couture: { icon: Spool, label: 'Couture' },
  balance: { icon: Scale, label: 'Peser' },
  etiquette: { icon: Tag, label: 'Étiquette, prix' },
  boutique: { icon: ShoppingBag, label: 'Boutique, vente' },
  vapeur: { icon: Flame, label: 'Chaleur, vapeur' },
  presse: { icon: FoldVertical, label: 'Presse, compacter' },
  lavage: { icon: WashingMachine, label: 'Lavage' },
  recyclage: { icon: Recycle, label: 'Recyclage' },
  // Logistique
  carton: { icon: Package, label: 'Colis, carton' },
  camion: { icon: Truck, label: 'Camion, livraison' },
  chariot: { icon: Forklift, label: 'Chariot élévateur' },
  entrepot: { icon: Warehouse, label: 'Entrepôt, stock' },
  caisse: { icon: Store, label: 'Caisse, magasin' },
  liste: { icon: ClipboardList, label: 'Liste, inventaire' },
  // Nettoyage
  balai: { icon: Brush, label: 'Balai, balayer' },
  pulverisateur: { icon: SprayCan, label: 'Produit, pulvérisateur' },
  poubelle: { icon: Trash2, label: 'Poubelle, déchets' },
  proprete: { icon: Sparkles, label: 'Propreté' },
  // Cuisine
  cuisine: { icon: ChefHat, label: 'Cuisine' },
  couverts: { icon: Utensils, label: 'Service, couverts' },
  marmite: { icon: CookingPot, label: 'Cuisson' },
  legumes: { icon: Carrot, label: 'Légumes, préparation' },
  // Savoir-être
  horaires: { icon: AlarmClock, label: 'Horaires, ponctualité' },
  chrono: { icon: Timer, label: 'Cadence, rythme' },
  calendrier: { icon: CalendarCheck, label: 'Planning, rendez-vous' },
  equipe: { icon: Users, label: 'Équipe' },
  entraide: { icon: Handshake, label: 'Entraide' },
  parler: { icon: MessageCircle, label: 'Parler, rendre compte' },
  ecouter: { icon: Ear, label: 'Écouter les consignes' },
  sourire: { icon: Smile, label: 'Accueil, politesse' },
  posture: { icon: PersonStanding, label: 'Posture' },
  // Sécurité, EPI
  epi: { icon: ShieldCheck, label: 'Protections (EPI)' },
  casque: { icon: HardHat, label: 'Casque' },
  gants: { icon: Hand, label: 'Gants' },
  lunettes: { icon: Glasses, label: 'Lunettes, visière' },
  antibruit: { icon: Headphones, label: 'Casque antibruit' },
  chaussures: { icon: Footprints, label: 'Chaussures de sécurité' },
  balisage: { icon: TrafficCone, label: 'Balisage' },
  danger: { icon: TriangleAlert, label: 'Danger' },
  charges: { icon: Weight, label: 'Porter des charges' },
  secours: { icon: BriefcaseMedical, label: 'Premiers secours' },
} satisfies Record<PictogramName, PictogramInfo>;

/** The picker's groups, by trade; together they hold every name once (tested). */
export const PICTOGRAM_GROUPS: readonly { title: string; names: readonly PictogramName[] }[] = [
  { title: 'Espaces verts', names: ['tondeuse', 'pousse', 'feuilles', 'arbre', 'fleur', 'secateur', 'pelle', 'arrosage', 'moteur', 'tracteur'] },
  { title: 'Bâtiment, second œuvre', names: ['marteau', 'perceuse', 'peinture', 'pinceau', 'metre', 'maconnerie', 'electricite', 'cle', 'hache'] },
  { title: 'Textile, ressourcerie', names: ['vetement', 'loupe', 'couture', 'balance', 'etiquette', 'boutique', 'vapeur', 'presse', 'lavage', 'recyclage'] },
  { title: 'Logistique', names: ['carton', 'camion', 'chariot', 'entrepot', 'caisse', 'liste'] },
  { title: 'Nettoyage', names: ['balai', 'pulverisateur', 'poubelle', 'proprete'] },
  { title: 'Cuisine', names: ['cuisine', 'couverts', 'marmite', 'legumes'] },
  { title: 'Savoir-être', names: ['horaires', 'chrono', 'calendrier', 'equipe', 'entraide', 'parler', 'ecouter', 'sourire', 'posture'] },
  { title: 'Sécurité, EPI', names: ['epi', 'casque', 'gants', 'lunettes', 'antibruit', 'chaussures', 'balisage', 'danger', 'charges', 'secours'] },
];

/** Every name the registry draws, in the domain's order. */
export const PICTOGRAM_LIST: readonly PictogramName[] = PICTOGRAM_NAMES;

/** A stored name's drawing and words, or undefined for an unknown, empty or older value. */
export function pictogramOf(name: string | null | undefined): PictogramInfo | undefined {
  return isPictogramName(name) ? PICTOGRAMS[name] : undefined;
}
