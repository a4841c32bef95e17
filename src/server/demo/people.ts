// The demo's salariés en insertion: who they are, when they came, their hours, their freins and
// atouts. Dates are offsets from "today" so the demo always looks like the current month.
import type { ExitKind } from '../../domain/rules/exits';

export type DiagnosticLevels = readonly [number, number, number, number, number, number, number, number];

export interface SalarieProfile {
  key: string;
  firstName: string;
  lastName: string;
  /** Age today and a birthday that exists every year. */
  age: number;
  birthday: string;
  team: 0 | 1;
  /** Days since hiring (the PASS IAE starts the same day). */
  entryDaysAgo: number;
  weeklyHours: number;
  /** Hours of the earlier contracts when they differ (hours went up at a renewal). */
  earlierWeeklyHours?: number;
  lowHoursReason?: 'aci_waiver';
  contractNotes?: string;
  rqth?: true;
  amenagements?: string;
  phone: string;
  prescriber: string;
  confidentialNotes?: string;
  login?: 'salarie1' | 'salarie2';
  /** Left the structure that many days ago. */
  exit?: { daysAgo: number; kind: ExitKind };
  /** Learning speed (1 = one level per quarter). */
  pace: number;
  /** Diagnostic at entry, then (for longer parcours) the latest one. Order: DIAGNOSTIC_DIMENSIONS. */
  diagnostic: DiagnosticLevels;
  diagnosticLater?: DiagnosticLevels;
  diagnosticComment: string;
  /** A weekly training half-day (FLE): fewer hours that day and no afternoon on site. */
  weeklyFormation?: { weekday: number; hours: number };
}

export const PROFILES: readonly SalarieProfile[] = [
  // Équipe Espaces verts (eti1)
  { key: 'mamadou', firstName: 'Mamadou', lastName: 'Diallo', age: 31, birthday: '03-14', team: 0, entryDaysAgo: 215, weeklyHours: 26, phone: '06 71 42 18 93', prescriber: 'France Travail — agence d’Évry', login: 'salarie1', pace: 1.3,
    diagnostic: [2, 3, 2, 3, 3, 2, 4, 3], diagnosticLater: [3, 4, 3, 3, 3, 3, 4, 4], diagnosticComment: 'Français oral correct, écrit à travailler (cours FLE à la médiathèque). Hébergé chez un cousin, recherche de logement en cours.' },
  { key: 'kevin', firstName: 'Kévin', lastName: 'Lefèvre', age: 24, birthday: '09-02', team: 0, entryDaysAgo: 330, weeklyHours: 26, phone: '07 62 15 84 30', prescriber: 'Mission locale Centre Essonne', pace: 1.0,
    diagnostic: [4, 2, 3, 3, 2, 2, 4, 3], diagnosticLater: [4, 3, 3, 4, 2, 3, 4, 3], diagnosticComment: 'Pas de permis, dépend du bus de 7 h 10. Premier emploi durable, besoin de repères sur les horaires.' },
  { key: 'jeanPierre', firstName: 'Jean-Pierre', lastName: 'Morel', age: 56, birthday: '11-23', team: 0, entryDaysAgo: 700, weeklyHours: 24, rqth: true, amenagements: 'Pas de port de charges de plus de 15 kg. Pause de 10 minutes toutes les deux heures. Éviter le débroussailleur plus d’une heure d’affilée.', phone: '06 08 55 21 47', prescriber: 'Cap emploi Essonne', pace: 0.9,
    diagnostic: [4, 2, 3, 2, 3, 2, 4, 3], diagnosticLater: [4, 3, 4, 4, 3, 3, 4, 4], diagnosticComment: 'Lombalgie chronique reconnue (RQTH). Très bonne connaissance des végétaux, ancien jardinier. Dossier de retraite à anticiper.' },
  { key: 'yacine', firstName: 'Yacine', lastName: 'Boukhari', age: 27, birthday: '06-30', team: 0, entryDaysAgo: 122, weeklyHours: 26, phone: '06 45 90 12 66', prescriber: 'SPIP de l’Essonne', confidentialNotes: 'Sortie de détention il y a six mois, suivi SPIP en cours, obligation de soins. Ne pas en parler à l’équipe.', pace: 1.1,
    diagnostic: [4, 2, 2, 2, 3, 1, 2, 3], diagnosticComment: 'Suivi SPIP en cours. Hébergé en résidence sociale. Dettes en cours d’examen (dossier de surendettement à monter avec l’ASP).' },
  { key: 'dylan', firstName: 'Dylan', lastName: 'Petit', age: 22, birthday: '01-19', team: 0, entryDaysAgo: 62, weeklyHours: 20, phone: '07 81 33 47 02', prescriber: 'Mission locale Centre Essonne', pace: 1.0,
    diagnostic: [4, 2, 3, 3, 3, 3, 4, 2], diagnosticComment: 'Décrochage scolaire en seconde. Vit chez sa mère. Souhaite passer le permis et le CACES.' },
  { key: 'thierry', firstName: 'Thierry', lastName: 'Garnier', age: 53, birthday: '05-07', team: 0, entryDaysAgo: 21, weeklyHours: 12, lowHoursReason: 'aci_waiver', contractNotes: 'Dispositif « Premières heures en chantier » : reprise progressive, passage à 20 h prévu au renouvellement.', phone: '06 14 26 38 50', prescriber: 'Conseil départemental (référent RSA)', pace: 0.8,
    diagnostic: [3, 2, 2, 2, 2, 1, 4, 2], diagnosticComment: 'Hébergé en CHRS après une période à la rue. Sans activité depuis 6 ans. Reprise en douceur.' },
  { key: 'ahmed', firstName: 'Ahmed', lastName: 'Saïdi', age: 40, birthday: '10-12', team: 0, entryDaysAgo: 455, weeklyHours: 35, earlierWeeklyHours: 26, phone: '06 52 77 09 81', prescriber: 'France Travail — agence de Corbeil-Essonnes', pace: 1.1,
    diagnostic: [3, 3, 3, 3, 3, 2, 4, 3], diagnosticLater: [3, 4, 4, 4, 4, 3, 4, 4], diagnosticComment: 'Ancien manutentionnaire. Permis B, voiture. Projet : agent d’entretien des espaces verts en entreprise.' },
  { key: 'julien', firstName: 'Julien', lastName: 'Mercier', age: 34, birthday: '07-21', team: 0, entryDaysAgo: 420, weeklyHours: 26, phone: '06 23 64 80 15', prescriber: 'France Travail — agence d’Évry', exit: { daysAgo: 40, kind: 'cdd_6_mois_plus' }, pace: 1.2,
    diagnostic: [4, 3, 3, 3, 2, 2, 4, 3], diagnosticLater: [4, 4, 4, 4, 3, 3, 4, 4], diagnosticComment: 'Reconversion après un licenciement économique. Très motivé, projet paysagiste.' },
  // Équipe Textile (eti2)
  { key: 'nadia', firstName: 'Nadia', lastName: 'Haddad', age: 35, birthday: '02-08', team: 1, entryDaysAgo: 245, weeklyHours: 26, phone: '06 98 12 43 57', prescriber: 'PLIE Cœur Essonne', login: 'salarie2', pace: 1.3,
    diagnostic: [4, 3, 3, 3, 3, 2, 4, 2], diagnosticLater: [4, 4, 3, 4, 3, 3, 4, 3], diagnosticComment: 'Mère de deux enfants, garde organisée avec la crèche municipale. Expérience en vente à l’étranger.' },
  { key: 'fatoumata', firstName: 'Fatoumata', lastName: 'Traoré', age: 38, birthday: '12-03', team: 1, entryDaysAgo: 395, weeklyHours: 26, phone: '07 55 28 91 64', prescriber: 'France Travail — agence d’Évry', pace: 1.0, weeklyFormation: { weekday: 3, hours: 2.5 },
    diagnostic: [2, 3, 3, 2, 3, 2, 4, 3], diagnosticLater: [2, 4, 3, 3, 3, 3, 4, 3], diagnosticComment: 'Relève d’une formation FLE (cours le jeudi après-midi). Titre de séjour renouvelé, droits CAF à jour.' },
  { key: 'sandrine', firstName: 'Sandrine', lastName: 'Dubois', age: 47, birthday: '04-26', team: 1, entryDaysAgo: 150, weeklyHours: 20, phone: '06 31 72 05 88', prescriber: 'Conseil départemental (référent RSA)', pace: 0.9,
    diagnostic: [4, 3, 3, 3, 3, 2, 4, 1], diagnosticComment: 'Parent isolé, trois enfants dont un en situation de handicap. Disponibilité à organiser : pas de mercredi.' },
  { key: 'aurelie', firstName: 'Aurélie', lastName: 'Lambert', age: 30, birthday: '08-17', team: 1, entryDaysAgo: 540, weeklyHours: 26, phone: '06 77 40 13 29', prescriber: 'Mission locale Centre Essonne', pace: 1.1,
    diagnostic: [4, 2, 2, 3, 3, 2, 4, 3], diagnosticLater: [4, 3, 3, 4, 3, 3, 4, 4], diagnosticComment: 'Première période interrompue (fin de contrat), revenue après deux mois. Logement stable depuis le retour.' },
  { key: 'olena', firstName: 'Olena', lastName: 'Kovalenko', age: 42, birthday: '10-05', team: 1, entryDaysAgo: 185, weeklyHours: 24, phone: '07 49 60 82 17', prescriber: 'France Travail — agence de Massy', pace: 1.2, weeklyFormation: { weekday: 1, hours: 2 },
    diagnostic: [1, 3, 2, 3, 3, 2, 4, 3], diagnosticLater: [2, 3, 3, 3, 3, 3, 4, 3], diagnosticComment: 'Bénéficiaire de la protection temporaire. Couturière de métier, débute en français (cours FLE le mardi après-midi).' },
  { key: 'marieChristine', firstName: 'Marie-Christine', lastName: 'Roux', age: 59, birthday: '06-11', team: 1, entryDaysAgo: 300, weeklyHours: 26, phone: '06 86 04 37 92', prescriber: 'France Travail — agence d’Évry', pace: 0.8,
    diagnostic: [4, 3, 3, 3, 2, 2, 4, 4], diagnosticLater: [4, 3, 4, 4, 2, 3, 4, 4], diagnosticComment: 'Chômage de longue durée après la fermeture de son entreprise. Pas de véhicule, habite à 40 minutes en bus.' },
  { key: 'samir', firstName: 'Samir', lastName: 'Belkacem', age: 33, birthday: '09-28', team: 1, entryDaysAgo: 95, weeklyHours: 35, phone: '06 59 18 73 40', prescriber: 'PLIE Cœur Essonne', pace: 1.2,
    diagnostic: [4, 3, 2, 3, 4, 2, 4, 4], diagnosticComment: 'Logement temporaire chez un ami. Très à l’aise avec le public, projet : vendeur en magasin.' },
];
