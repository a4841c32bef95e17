// The demo référentiel activités-compétences and the task sheets the ETI hand out, as static
// French content. Keys tie tasks to competences; difficulty drives how fast levels rise.
import type { PictogramName } from '../../domain/competences/pictogramNames';
import type { COMPETENCE_KINDS } from '../../domain/entities';

export type CompetenceKind = (typeof COMPETENCE_KINDS)[number];

export interface CompetenceDef {
  key: string;
  label: string;
  description: string;
  kind: CompetenceKind;
  romeCode?: string;
  /** A pictogram name (drawn as SVG by the screens), never an emoji. */
  pictogram: PictogramName;
  safetyCritical?: true;
  /** 0 easy … 2 hard: how many levels behind seniority it lags. */
  difficulty: 0 | 1 | 2;
}

export interface ActivityDef {
  key: 'espacesVerts' | 'textile';
  name: string;
  romeCodes: string[];
  competences: CompetenceDef[];
}

export const ACTIVITIES: readonly ActivityDef[] = [
  {
    key: 'espacesVerts',
    name: 'Entretien des espaces verts',
    romeCodes: ['A1203'],
    competences: [
      { key: 'tonte', label: 'Tondre une pelouse à la tondeuse', description: 'Préparer la zone, régler la hauteur de coupe, tondre en bandes régulières, débourrer moteur arrêté.', kind: 'technique', romeCode: 'A1203', pictogram: 'tondeuse', difficulty: 1 },
      { key: 'debroussaillage', label: 'Utiliser le débroussailleur', description: 'Démarrer, porter le harnais, faucher les talus et bordures en respectant la zone de sécurité de 15 m.', kind: 'technique', romeCode: 'A1203', pictogram: 'moteur', safetyCritical: true, difficulty: 2 },
      { key: 'tailleHaie', label: 'Tailler une haie au taille-haie', description: 'Tailler les faces et le dessus d’une haie au taille-haie thermique ou électrique, à deux mains, sans se mettre en déséquilibre.', kind: 'technique', romeCode: 'A1203', pictogram: 'secateur', safetyCritical: true, difficulty: 2 },
      { key: 'ramassage', label: 'Ramasser et évacuer les déchets verts', description: 'Ratisser, mettre en tas, charger la remorque et trier les déchets verts en déchèterie.', kind: 'technique', pictogram: 'feuilles', difficulty: 0 },
      { key: 'desherbage', label: 'Désherber sans produit phytosanitaire', description: 'Désherbage manuel, binette et désherbeur thermique ; reconnaître les plantes à garder.', kind: 'technique', romeCode: 'A1203', pictogram: 'pousse', difficulty: 0 },
      { key: 'plantation', label: 'Planter arbustes et massifs', description: 'Creuser la fosse, amender, planter au bon niveau, arroser et pailler.', kind: 'technique', romeCode: 'A1203', pictogram: 'arbre', difficulty: 1 },
      { key: 'vegetaux', label: 'Reconnaître les végétaux courants', description: 'Nommer une vingtaine d’arbustes et de vivaces courants des espaces publics.', kind: 'technique', pictogram: 'fleur', difficulty: 2 },
      { key: 'materiel', label: 'Entretenir le petit matériel', description: 'Nettoyer, faire les pleins (mélange 2 temps), vérifier les organes de coupe, signaler une panne.', kind: 'technique', pictogram: 'cle', difficulty: 1 },
      { key: 'epi', label: 'Porter les EPI adaptés à chaque outil', description: 'Choisir et porter les équipements de protection individuelle adaptés : casque, visière, antibruit, gants, jambières, chaussures de sécurité.', kind: 'securite', pictogram: 'epi', safetyCritical: true, difficulty: 0 },
      { key: 'balisage', label: 'Baliser la zone de chantier', description: 'Poser cônes et rubalise, signaler le chantier au public, sécuriser la circulation des piétons.', kind: 'securite', pictogram: 'balisage', difficulty: 1 },
      { key: 'postures', label: 'Adopter les gestes et postures (port de charges)', description: 'Plier les jambes, garder le dos droit, se faire aider au-delà de 25 kg, utiliser la brouette.', kind: 'securite', pictogram: 'charges', difficulty: 0 },
      { key: 'horairesEv', label: 'Respecter les horaires et prévenir en cas d’absence', description: 'Arriver à l’heure au dépôt, prévenir l’encadrant avant 8 h en cas d’absence ou de retard.', kind: 'savoir_etre', pictogram: 'horaires', difficulty: 0 },
      { key: 'equipeEv', label: 'Travailler en équipe', description: 'Coopérer, s’entraider, accepter les consignes d’un collègue référent.', kind: 'savoir_etre', pictogram: 'equipe', difficulty: 0 },
      { key: 'rendreCompte', label: 'Rendre compte à l’encadrant', description: 'Signaler la fin d’une tâche, un problème, une casse ou un incident.', kind: 'savoir_etre', pictogram: 'parler', difficulty: 1 },
    ],
  },
  {
    key: 'textile',
    name: 'Tri et réemploi textile',
    romeCodes: ['H3302', 'D1507'],
    competences: [
      { key: 'triCategories', label: 'Trier les textiles par catégorie', description: 'Répartir le contenu des sacs de collecte : réemploi boutique, export, chiffons d’essuyage, recyclage.', kind: 'technique', romeCode: 'H3302', pictogram: 'vetement', difficulty: 0 },
      { key: 'etat', label: 'Évaluer l’état d’un vêtement', description: 'Repérer taches, trous, usure, fermetures cassées ; décider réemploi ou recyclage.', kind: 'technique', romeCode: 'H3302', pictogram: 'loupe', difficulty: 1 },
      { key: 'delissage', label: 'Délisser les textiles non réutilisables', description: 'Retirer boutons, fermetures éclair et étiquettes des textiles destinés au recyclage.', kind: 'technique', romeCode: 'H3302', pictogram: 'secateur', difficulty: 0 },
      { key: 'presse', label: 'Utiliser la presse à balles', description: 'Charger, fermer la porte avant de lancer le cycle, cercler et sortir la balle ; une seule personne aux commandes.', kind: 'technique', pictogram: 'presse', safetyCritical: true, difficulty: 2 },
      { key: 'pesee', label: 'Peser et étiqueter les balles', description: 'Peser, noter le poids et la catégorie sur la fiche de traçabilité.', kind: 'technique', pictogram: 'balance', difficulty: 1 },
      { key: 'prix', label: 'Étiqueter et fixer les prix', description: 'Appliquer la grille de prix de la boutique selon la marque, l’état et la saison.', kind: 'technique', romeCode: 'D1507', pictogram: 'etiquette', difficulty: 1 },
      { key: 'rayon', label: 'Mettre en rayon en boutique solidaire', description: 'Ranger par taille et par couleur, faire les vitrines et la rotation des saisons.', kind: 'technique', romeCode: 'D1507', pictogram: 'boutique', difficulty: 1 },
      { key: 'defroissage', label: 'Défroisser au défroisseur vapeur', description: 'Préparer les vêtements pour la vente sans les abîmer ; attention aux brûlures.', kind: 'technique', pictogram: 'vapeur', difficulty: 1 },
      { key: 'couture', label: 'Faire des retouches simples à la machine à coudre', description: 'Ourlets, coutures décousues, remplacement de boutons.', kind: 'technique', pictogram: 'couture', difficulty: 2 },
      { key: 'hygiene', label: 'Respecter les règles d’hygiène au poste de tri', description: 'Porter les gants, écarter les textiles souillés ou humides, se laver les mains aux pauses.', kind: 'securite', pictogram: 'gants', difficulty: 0 },
      { key: 'postureTri', label: 'Adopter les bonnes postures au poste de tri', description: 'Régler la hauteur de la table, alterner les gestes, limiter le port des sacs à 15 kg.', kind: 'securite', pictogram: 'posture', difficulty: 0 },
      { key: 'cadence', label: 'Tenir la cadence de tri', description: 'Trier environ 400 kg par jour en équipe sans baisser la qualité.', kind: 'savoir_etre', pictogram: 'chrono', difficulty: 1 },
      { key: 'accueil', label: 'Accueillir et conseiller les clients', description: 'Dire bonjour, orienter, renseigner sur les prix et tenir la caisse avec un encadrant.', kind: 'savoir_etre', pictogram: 'sourire', difficulty: 2 },
    ],
  },
];

export interface TaskDef {
  task: string;
  consignes: string;
  checklist: string[];
  epi: string[];
  competences: string[];
}

const EPI_EV = ['Chaussures de sécurité', 'Gants de manutention', 'Pantalon de travail'];
const EPI_TRI = ['Gants', 'Chaussures de sécurité', 'Blouse'];

/** Task sheets per kind of work: what a chantier or a workshop day is made of. */
export const TASKS = {
  parc: [
    { task: 'Tonte des pelouses du parc', consignes: 'Ramasser pierres et branches avant de tondre. Tondre en bandes parallèles, éjection vers le massif, jamais vers l’allée. Moteur arrêté pour débourrer.', checklist: ['Niveau d’huile et d’essence vérifié', 'Zone balisée', 'Objets ramassés'], epi: [...EPI_EV, 'Casque antibruit'], competences: ['tonte', 'epi', 'balisage'] },
    { task: 'Taille des haies le long de l’allée', consignes: 'Taille-haie tenu à deux mains, jamais au-dessus des épaules. Personne à moins de 5 m. Couper le moteur pour se déplacer.', checklist: ['Lames vérifiées', 'Zone balisée', 'Coupes ramassées'], epi: [...EPI_EV, 'Lunettes de protection', 'Casque antibruit', 'Gants anti-coupure'], competences: ['tailleHaie', 'epi', 'balisage'] },
    { task: 'Ramassage et évacuation des déchets verts', consignes: 'Mettre en tas au bord de l’allée, charger la remorque sans dépasser les ridelles, bâcher avant de partir.', checklist: ['Remorque bâchée', 'Allée balayée'], epi: EPI_EV, competences: ['ramassage', 'postures'] },
    { task: 'Désherbage manuel des massifs', consignes: 'Arracher avec la racine, garder les vivaces (demander en cas de doute), mettre les herbes dans le seau et pas sur la pelouse.', checklist: ['Massifs nets', 'Outils rangés'], epi: EPI_EV, competences: ['desherbage', 'vegetaux'] },
    { task: 'Plantation des arbustes du massif d’entrée', consignes: 'Fosse deux fois plus large que la motte, collet au niveau du sol, arroser puis pailler 5 cm.', checklist: ['Arbustes arrosés', 'Paillage posé', 'Étiquettes gardées'], epi: EPI_EV, competences: ['plantation', 'postures'] },
  ],
  berges: [
    { task: 'Débroussaillage du talus', consignes: 'Distance de sécurité 15 m. Toujours en binôme près de l’eau. Arrêt immédiat si quelqu’un entre dans la zone. Pause de 10 minutes toutes les heures.', checklist: ['Harnais réglé', 'Fil ou lame vérifié', 'Zone balisée', 'Binôme désigné'], epi: [...EPI_EV, 'Casque forestier à visière grillagée', 'Casque antibruit', 'Jambières', 'Gilet haute visibilité'], competences: ['debroussaillage', 'epi', 'balisage'] },
    { task: 'Ratissage et mise en tas des coupes', consignes: 'Ratisser vers le haut du talus, jamais dans l’eau. Tas tous les 20 m pour le chargement.', checklist: ['Berge dégagée', 'Tas accessibles'], epi: [...EPI_EV, 'Gilet haute visibilité'], competences: ['ramassage', 'postures'] },
    { task: 'Balisage du chemin de halage', consignes: 'Panneaux « chantier en cours » aux deux bouts du tronçon, rubalise côté promeneurs, vérifier le balisage à chaque pause.', checklist: ['Panneaux posés', 'Rubalise tendue'], epi: [...EPI_EV, 'Gilet haute visibilité'], competences: ['balisage'] },
  ],
  atelier: [
    { task: 'Entretien du matériel : nettoyage, affûtage, pleins', consignes: 'Moteurs froids avant de nettoyer. Mélange 2 temps à 2 %. Noter toute casse sur le cahier de l’atelier.', checklist: ['Machines nettoyées', 'Pleins faits', 'Cahier rempli'], epi: ['Gants', 'Lunettes de protection'], competences: ['materiel', 'rendreCompte'] },
  ],
  tri: [
    { task: 'Tri des sacs de collecte', consignes: 'Ouvrir les sacs sur la table, jamais à la main dans un sac fermé. Quatre bacs : boutique, export, chiffons, recyclage. Textiles humides ou souillés à part.', checklist: ['Table réglée à la bonne hauteur', 'Bacs étiquetés'], epi: EPI_TRI, competences: ['triCategories', 'hygiene', 'postureTri'] },
    { task: 'Contrôle qualité des vêtements pour la boutique', consignes: 'Regarder à la lumière : taches, trous, fermetures. En cas de doute, demander à la référente boutique.', checklist: ['Fiche qualité remplie'], epi: ['Blouse'], competences: ['etat', 'triCategories'] },
    { task: 'Délissage des textiles pour le recyclage', consignes: 'Retirer boutons, zips et étiquettes dures. Ciseaux rangés dans l’étui après usage.', checklist: ['Points durs retirés', 'Bacs pesés'], epi: EPI_TRI, competences: ['delissage', 'hygiene'] },
    { task: 'Mise en balles à la presse', consignes: 'Une seule personne aux commandes. Porte fermée avant de lancer le cycle. Jamais la main dans la chambre de compression. Arrêt d’urgence à droite.', checklist: ['Zone dégagée', 'Porte fermée', 'Balle cerclée'], epi: [...EPI_TRI, 'Lunettes de protection'], competences: ['presse', 'hygiene'] },
    { task: 'Pesée et étiquetage des balles', consignes: 'Peser chaque balle, reporter poids et catégorie sur la fiche de traçabilité, transpalette à deux.', checklist: ['Fiche de traçabilité à jour'], epi: EPI_TRI, competences: ['pesee', 'postureTri'] },
  ],
  boutique: [
    { task: 'Étiquetage et prix des vêtements', consignes: 'Appliquer la grille de prix affichée. Pièces de marque : demander à l’encadrante.', checklist: ['Grille de prix respectée', 'Portants rangés'], epi: ['Blouse'], competences: ['prix', 'etat'] },
    { task: 'Mise en rayon de la collection de saison', consignes: 'Ranger par taille puis par couleur. Retirer les pièces restées plus de 6 semaines.', checklist: ['Rayons complets', 'Cabines vidées'], epi: ['Blouse'], competences: ['rayon'] },
    { task: 'Accueil des clients et caisse', consignes: 'Saluer chaque client. Caisse ouverte avec l’encadrante, fond de caisse compté à deux.', checklist: ['Fond de caisse compté'], epi: [], competences: ['accueil'] },
    { task: 'Défroissage des vêtements avant la vente', consignes: 'Défroisseur posé sur son socle entre deux pièces. Jamais sur un vêtement porté. Vider la cuve en fin de journée.', checklist: ['Cuve vidée', 'Appareil débranché'], epi: ['Blouse'], competences: ['defroissage'] },
    { task: 'Petites retouches à la machine à coudre', consignes: 'Aiguille levée pour placer le tissu, doigts loin du pied-de-biche, machine éteinte pour changer le fil.', checklist: ['Machine éteinte et couverte'], epi: [], competences: ['couture'] },
  ],
} satisfies Record<string, TaskDef[]>;

export type WorkKind = keyof typeof TASKS;
