// French material for the generated history: names of past salariés, prescribers, host
// companies, past chantiers and livret de suivi wording per category ({p} = first name).
import type { LogCategory } from '../../domain/entities';
import type { ExitKind } from '../../domain/rules/exits';

export const FIRST_NAMES = [
  'Abdou', 'Adama', 'Alain', 'Alexandre', 'Amina', 'Anaïs', 'Ange', 'Aïcha', 'Bakary', 'Brahim', 'Brigitte', 'Bruno',
  'Céline', 'Chantal', 'Cheikh', 'Christophe', 'Cyril', 'David', 'Djamel', 'Émilie', 'Éric', 'Fabrice', 'Farid', 'Fatima',
  'Florian', 'Franck', 'Grégory', 'Hawa', 'Hélène', 'Ibrahima', 'Isabelle', 'Jérémy', 'Jessica', 'Jonathan', 'Josiane', 'Karima',
  'Kader', 'Laetitia', 'Laurent', 'Leïla', 'Ludovic', 'Malik', 'Mariama', 'Mathieu', 'Mélanie', 'Mickaël', 'Moussa', 'Nathalie',
  'Nicolas', 'Omar', 'Pascal', 'Patricia', 'Rachid', 'Rémi', 'Sabrina', 'Salif', 'Sébastien', 'Séverine', 'Sofiane', 'Stéphane',
  'Sylvie', 'Tatiana', 'Valérie', 'Vanessa', 'Walid', 'Yannick', 'Yasmina', 'Youssouf', 'Zohra', 'Ioana', 'Mihai', 'Svetlana',
] as const;

export const LAST_NAMES = [
  'Bernard', 'Thomas', 'Robert', 'Richard', 'Durand', 'Moreau', 'Laurent', 'Simon', 'Michel', 'Garcia', 'David', 'Bertrand',
  'Roux', 'Vincent', 'Fournier', 'Girard', 'Bonnet', 'Dupont', 'Lambert', 'Fontaine', 'Rousseau', 'Blanc', 'Guerin', 'Muller',
  'Henry', 'Roussel', 'Nicolas', 'Perrin', 'Mathieu', 'Clément', 'Gauthier', 'Dumont', 'Lopez', 'Barbier', 'Meunier', 'Lemoine',
  'Camara', 'Keïta', 'Coulibaly', 'Konaté', 'Sow', 'Ndiaye', 'Ba', 'Cissé', 'Mendy', 'Benhamou', 'Mansouri', 'Amrani',
  'Bouzid', 'Cherif', 'Hamidi', 'Khelifi', 'Ferreira', 'Da Silva', 'Pereira', 'Popescu', 'Ionescu', 'Nowak', 'Yilmaz', 'Nguyen',
] as const;

export const PRESCRIBERS = [
  'France Travail — agence d’Évry', 'France Travail — agence de Corbeil-Essonnes', 'Mission locale Centre Essonne',
  'Conseil départemental (référent RSA)', 'PLIE Cœur Essonne', 'Cap emploi Essonne', 'SPIP de l’Essonne', 'CCAS d’Évry-Courcouronnes',
] as const;

/** Exit kinds (see the exits rules) with how often an ACI sees them. */
export const EXIT_KIND_WEIGHTS: ReadonlyArray<readonly [ExitKind, number]> = [
  ['cdi', 10], ['cdd_6_mois_plus', 8], ['interim_6_mois_plus', 4], ['creation_activite', 1], ['cdd_moins_6_mois', 10],
  ['interim_moins_6_mois', 6], ['contrat_aide', 4], ['autre_siae', 5], ['formation_qualifiante', 10], ['retraite', 2],
  ['chomage', 24], ['inactivite', 6], ['longue_maladie', 3], ['maternite', 2], ['faute_grave', 2], ['decision_justice', 1],
];

export const PMSMP_COMPANIES = [
  ['Paysages Duval (SARL), Mennecy', 'Jardins de l’Essonne Paysage, Lisses', 'Ville de Villabé — service espaces verts', 'Pépinières du Val, Ormoy', 'Golf du Coudray, Le Coudray-Montceaux'],
  ['Boutique Mode & Cie, Évry-Courcouronnes', 'Emmaüs Alternatives, Évry', 'Blanchisserie du Centre, Corbeil-Essonnes', 'Entrepôt LogiSud, Lisses', 'Supermarché Coop’Essonne, Ris-Orangis'],
] as const;

/** Past chantiers per team and per stream (the two columns of the team's week). */
export const PAST_CHANTIERS = [
  [
    { names: ['Entretien des espaces verts — Résidence Les Peupliers', 'Entretien du cimetière communal', 'Espaces verts du collège Jean-Moulin', 'Entretien du parc du château', 'Square des Aunettes', 'Abords du stade municipal', 'Zone d’activités du Bois-Briard', 'Jardin partagé des Tarterêts'],
      clients: ['Essonne Habitat', 'Ville de Lisses', 'Département de l’Essonne', 'Ville de Mennecy', 'Ville d’Évry-Courcouronnes', 'Ville de Villabé', 'Grand Paris Sud'] },
    { names: ['Débroussaillage des berges de l’Essonne', 'Talus de la voie verte', 'Coulée verte de Courcouronnes', 'Bassin de rétention des Loges', 'Bords de l’Orge', 'Sentier du marais de Fontenay', 'Fauche tardive des prairies du Perray'],
      clients: ['Syndicat de l’Orge', 'Grand Paris Sud', 'Département de l’Essonne', 'SIARCE'] },
  ],
  [
    { names: ['Tri des collectes des bornes textiles'], clients: ['Communauté d’agglomération Grand Paris Sud'] },
    { names: ['Boutique solidaire', 'Braderie solidaire', 'Vente au kilo'], clients: ['Boutique Le Fil solidaire (vente au public)'] },
  ],
] as const;

export const LOG_TEXTS: Readonly<Record<LogCategory, readonly string[]>> = {
  integration: [
    'Premier jour de {p} : visite du site, remise des EPI, présentation de l’équipe.',
    '{p} trouve sa place dans l’équipe et pose des questions en cas de doute.',
    'Fin du premier mois : {p} connaît les règles de sécurité et les horaires.',
    'Accueil de {p} avec un binôme référent, bon premier contact.',
  ],
  comportement: [
    'Deux retards cette semaine pour {p}, rappel fait : prévenir avant 8 h.',
    'Bonne humeur et entraide : {p} aide spontanément les nouveaux.',
    'Tension avec un collègue à la pause, désamorcée. À suivre.',
    '{p} a quitté le chantier une demi-heure avant la fin sans prévenir. Recadrage fait.',
    'Très bonne implication de {p} cette semaine, a proposé d’organiser le rangement.',
  ],
  technique: [
    '{p} progresse sur le geste, encore besoin d’un rappel des consignes.',
    'Séquence AFEST avec {p} : explicitation du geste, puis reprise seul·e.',
    '{p} est autonome sur la tâche, travail soigné.',
    'Difficultés à tenir la cadence en fin de journée : prévoir des pauses.',
    '{p} a montré la procédure à une nouvelle recrue, avec patience.',
  ],
  atouts: [
    '{p} est ponctuel·le et fiable, un point d’appui pour l’équipe.',
    'Très bon contact avec le public.',
    '{p} a le sens de l’organisation et range le matériel sans qu’on le demande.',
    'Bravo à {p} pour le chantier terminé dans les temps !',
  ],
  freins: [
    'Transport : {p} dépend d’un seul bus le matin.',
    '{p} évoque des difficultés de logement, orientation vers la CIP.',
    'Garde d’enfants compliquée pendant les vacances scolaires.',
    'Grande fatigue, {p} dit mal dormir. Point à prévoir avec la CIP.',
    'Lecture des consignes écrites difficile : utiliser les pictogrammes.',
  ],
  entretien: [
    'Entretien de suivi avec {p} : projet professionnel et démarches en cours.',
    'Point ETI / CIP / {p} : objectifs des trois prochains mois fixés.',
    'Entretien de renouvellement : accord pour un nouveau contrat de six mois.',
    'Recherche d’emploi : CV mis à jour, deux candidatures envoyées.',
  ],
  bilan: [
    'Bilan de mi-parcours : progrès nets sur les gestes techniques et la ponctualité.',
    'Bilan de fin de contrat avec {p} : compétences acquises récapitulées, badges remis.',
    'Bilan de PMSMP : retour positif de l’entreprise d’accueil.',
  ],
  alerte: [
    'Absence de {p} sans prévenir depuis deux jours, téléphone coupé. Merci à la CIP de prendre contact.',
    'Malaise de {p} sur le chantier, pompiers appelés. Retour à domicile accompagné.',
    '{p} parle d’une expulsion imminente de son logement. Urgence à traiter avec la CIP.',
    'Altercation sur le chantier, {p} est parti·e. Entretien à organiser rapidement.',
  ],
};

export const LOG_CATEGORY_WEIGHTS: ReadonlyArray<readonly [LogCategory, number]> = [
  ['technique', 25], ['comportement', 15], ['atouts', 15], ['freins', 12], ['entretien', 10], ['integration', 6], ['bilan', 5], ['alerte', 2],
];
