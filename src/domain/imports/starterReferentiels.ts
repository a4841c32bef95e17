// Two starter référentiels for a structure that has none yet, for activities many ACI run, so a
// first run can begin with a grid the team then adapts rather than an empty page. Data only, in
// the shape of the référentiel CSV's rows, so they are written by the same plan as an import
// (competences/referentielCsv.ts `planImport`): matched by name, so choosing one twice updates
// rather than duplicates, and nothing is deleted. No pictograms: a tablet without emoji fonts
// would show boxes.
import { planImport, type ActivityLike, type CompetenceLike, type CompetenceKind, type ImportWrite, type ReferentielRow } from '../competences/referentielCsv';

export interface StarterReferentiel {
  key: 'espaces_verts' | 'textile';
  activity: string;
  romeCodes: string[];
  competences: { label: string; description?: string; kind: CompetenceKind; safetyCritical: boolean }[];
}

export const STARTER_REFERENTIELS: readonly StarterReferentiel[] = [
  {
    key: 'espaces_verts',
    activity: 'Entretien des espaces verts',
    romeCodes: ['A1203'],
    competences: [
      { label: 'Tondre une pelouse', description: 'Tondeuse poussée ou autoportée : régler la hauteur, tondre en bandes, vider le bac.', kind: 'technique', safetyCritical: true },
      { label: 'Débroussailler', description: 'Débroussailleuse à fil ou à lame, zone dégagée, distance de sécurité avec les collègues.', kind: 'technique', safetyCritical: true },
      { label: 'Tailler une haie', description: 'Taille-haie ou cisaille, coupe droite, ramassage des coupes.', kind: 'technique', safetyCritical: true },
      { label: 'Désherber sans produit chimique', description: 'Binage, désherbage manuel ou thermique.', kind: 'technique', safetyCritical: false },
      { label: 'Planter et pailler un massif', kind: 'technique', safetyCritical: false },
      { label: 'Ramasser et évacuer les déchets verts', kind: 'technique', safetyCritical: false },
      { label: 'Entretenir le matériel après usage', description: 'Nettoyer, contrôler, signaler une panne, ranger.', kind: 'technique', safetyCritical: false },
      { label: 'Porter ses EPI', description: 'Chaussures de sécurité, gants, protection auditive et visière selon la machine.', kind: 'securite', safetyCritical: true },
      { label: 'Baliser la zone de travail', description: 'Public, circulation, projections.', kind: 'securite', safetyCritical: true },
      { label: 'Être ponctuel et prévenir en cas d’absence', kind: 'savoir_etre', safetyCritical: false },
    ],
  },
  {
    key: 'textile',
    activity: 'Tri et valorisation textile',
    romeCodes: ['K2304'],
    competences: [
      { label: 'Trier les articles par catégorie', description: 'Réemploi, recyclage, chiffon, déchet.', kind: 'technique', safetyCritical: false },
      { label: 'Reconnaître les matières', description: 'Coton, laine, synthétique, mélanges.', kind: 'technique', safetyCritical: false },
      { label: 'Contrôler la qualité d’un article pour la revente', description: 'Taches, trous, fermetures, odeurs.', kind: 'technique', safetyCritical: false },
      { label: 'Peser et enregistrer les lots', kind: 'technique', safetyCritical: false },
      { label: 'Utiliser la presse à balles', kind: 'technique', safetyCritical: true },
      { label: 'Déplacer des charges au transpalette', kind: 'technique', safetyCritical: true },
      { label: 'Appliquer les gestes et postures', description: 'Port de charges, travail debout, pauses.', kind: 'securite', safetyCritical: true },
      { label: 'Étiqueter et mettre en rayon', kind: 'technique', safetyCritical: false },
      { label: 'Accueillir un client en boutique', kind: 'savoir_etre', safetyCritical: false },
      { label: 'Travailler en équipe et transmettre les consignes', kind: 'savoir_etre', safetyCritical: false },
    ],
  },
];

export function starterRows(s: StarterReferentiel): ReferentielRow[] {
  return s.competences.map((c) => ({
    activity: s.activity, activityRomeCodes: s.romeCodes, label: c.label, description: c.description ?? '',
    kind: c.kind, romeCode: null, pictogram: null, safetyCritical: c.safetyCritical,
  }));
}

/** The writes of a starter référentiel into what the structure already has (new records carry the structure). */
export function planStarter(s: StarterReferentiel, existing: { activities: readonly ActivityLike[]; competences: readonly CompetenceLike[] }, structureId: string, newId: () => string): ImportWrite[] {
  const known = new Set([...existing.activities.map((a) => a.id), ...existing.competences.map((c) => c.id)]);
  return planImport(existing, starterRows(s), newId).map((w) => (known.has(w.id) ? w : { ...w, set: { structureId, ...w.set } }));
}
