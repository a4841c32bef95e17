// The follow-up side of the demo: socio-professional diagnostics (at entry and six months on),
// livret de suivi entries with their visibility and two alerts, the coordination's reviews and
// the month already closed for payroll.
import { DIAGNOSTIC_DIMENSIONS, type LogCategory, type Visibility } from '../../domain/entities';
import type { DemoContext, SalarieInfo } from './context';
import { lastDayOf } from './context';
import { addMonths, formatDay, isoAt, monthKey, monthStartOf, workingDayOnOrAfter, workingDayOnOrBefore, type Day } from './dates';
import type { DiagnosticLevels } from './people';
import { DIMENSION_LABELS } from './texts';

type When = { daysAgo: number } | { entryPlus: number } | { absence: string; which: 'first' | 'last' } | { pmsmpEnd: true } | { exitMinus: number };

interface LogScript {
  key: string;
  when: When;
  category: LogCategory;
  visibility: Visibility;
  /** The CIP (a coordination account) rather than the team's ETI. */
  byCoordination?: true;
  text: string;
}

const LOGS: readonly LogScript[] = [
  { key: 'mamadou', when: { entryPlus: 1 }, category: 'integration', visibility: 'team', text: 'Premier jour : visite du dépôt, remise des EPI, présentation de l’équipe. Attentif, pose des questions. Bon contact avec Ahmed.' },
  { key: 'mamadou', when: { daysAgo: 12 }, category: 'atouts', visibility: 'salarie', text: 'Très bon travail sur les haies de l’allée : gestes sûrs, zone bien balisée, chantier propre. Bravo !' },
  { key: 'mamadou', when: { daysAgo: 4 }, category: 'technique', visibility: 'team', text: 'Autonome sur la tonte. Au taille-haie, encore de l’appréhension sur le dessus des haies hautes : à reprendre en séquence AFEST.' },
  { key: 'kevin', when: { daysAgo: 20 }, category: 'freins', visibility: 'team', text: 'Retards quand il rate le bus de 7 h 10 (rien avant 7 h 40). Piste : vélo à assistance électrique de la plateforme mobilité, à voir avec la CIP.' },
  { key: 'kevin', when: { daysAgo: 30 }, category: 'entretien', visibility: 'team', byCoordination: true, text: 'Entretien de parcours : projet d’agent d’entretien des espaces verts confirmé. Inscription au code de la route, demande d’aide au permis à monter.' },
  { key: 'jeanPierre', when: { daysAgo: 9 }, category: 'entretien', visibility: 'team', byCoordination: true, text: 'Fin du PASS IAE dans un mois : demande de prolongation au titre de la RQTH transmise à Cap emploi, décision attendue. Contrat à ajuster selon la réponse.' },
  { key: 'jeanPierre', when: { daysAgo: 25 }, category: 'atouts', visibility: 'salarie', text: 'Tu reconnais toutes les vivaces du massif et tu les expliques aux nouveaux. Merci pour ta patience avec Thierry !' },
  { key: 'jeanPierre', when: { daysAgo: 40 }, category: 'freins', visibility: 'private', text: 'Douleurs au dos plus fréquentes, il ne veut pas en parler devant les autres. Lui proposer un rendez-vous avec la médecine du travail.' },
  { key: 'yacine', when: { absence: 'absence_injustifiee', which: 'last' }, category: 'alerte', visibility: 'team', text: 'Deuxième absence sans prévenir en quelques jours, téléphone éteint. La semaine dernière il paraissait très fatigué. Merci à la CIP de le contacter rapidement.' },
  { key: 'yacine', when: { daysAgo: 35 }, category: 'comportement', visibility: 'private', text: 'Échange tendu avec Dylan au dépôt ce matin, recadré calmement à part. À surveiller sans en faire une affaire.' },
  { key: 'yacine', when: { daysAgo: 60 }, category: 'technique', visibility: 'team', text: 'Apprend vite mais veut aller trop vite : rappel des distances de sécurité autour du débroussailleur.' },
  { key: 'dylan', when: { entryPlus: 0 }, category: 'integration', visibility: 'team', text: 'Accueil : visite du dépôt, règles de sécurité, remise des EPI. Réservé le premier jour, s’est détendu l’après-midi.' },
  { key: 'dylan', when: { daysAgo: 6 }, category: 'comportement', visibility: 'salarie', text: 'Trois retards ce mois-ci. On en a parlé : si tu es en retard, tu préviens avant 8 h.' },
  { key: 'thierry', when: { entryPlus: 0 }, category: 'integration', visibility: 'team', text: 'Premier jour (Premières heures en chantier) : visite, remise des EPI, Jean-Pierre sera son tuteur. Discret mais attentif.' },
  { key: 'thierry', when: { daysAgo: 3 }, category: 'freins', visibility: 'team', text: 'Fatigué en fin de matinée, nuits difficiles au CHRS. On garde 12 h pour l’instant ; point prévu avec la référente RSA.' },
  { key: 'ahmed', when: { pmsmpEnd: true }, category: 'bilan', visibility: 'salarie', text: 'Bilan de la PMSMP chez Paysages Duval : très bon retour du tuteur, ponctuel et autonome. Une embauche en CDD de six mois est envisagée au printemps.' },
  { key: 'ahmed', when: { daysAgo: 45 }, category: 'atouts', visibility: 'team', text: 'Référent naturel sur le matériel : montre aux nouveaux comment faire les pleins et nettoyer le débroussailleur.' },
  { key: 'julien', when: { exitMinus: 0 }, category: 'bilan', visibility: 'team', byCoordination: true, text: 'Dernier jour avant son embauche en CDI chez Jardins de l’Essonne Paysage. Sortie en emploi durable. Ses badges lui ont été remis.' },
  { key: 'nadia', when: { daysAgo: 15 }, category: 'atouts', visibility: 'salarie', text: 'Tu repères très vite les pièces de marque pour la boutique. Tu peux montrer ta méthode aux nouvelles !' },
  { key: 'nadia', when: { daysAgo: 5 }, category: 'technique', visibility: 'team', text: 'Autonome à la caisse avec l’encadrante à côté. Objectif : ouvrir la caisse seule d’ici trois mois.' },
  { key: 'fatoumata', when: { daysAgo: 28 }, category: 'technique', visibility: 'team', text: 'Tri rapide et juste. Les pictogrammes sur les bacs l’aident beaucoup : à mettre sur tous les postes.' },
  { key: 'fatoumata', when: { daysAgo: 50 }, category: 'entretien', visibility: 'team', byCoordination: true, text: 'Point avec l’organisme de formation : assidue au cours de FLE du jeudi, progrès à l’oral. Renouvellement du contrat à préparer.' },
  { key: 'sandrine', when: { daysAgo: 18 }, category: 'freins', visibility: 'private', text: 'Garde difficile le mercredi (son fils est suivi en IME). Horaires du mercredi à aménager : à voir avec la coordination.' },
  { key: 'olena', when: { daysAgo: 22 }, category: 'integration', visibility: 'team', text: 'Comprend maintenant les consignes simples, expliquées avec les photos des postes. Couturière de métier : à valoriser en boutique.' },
  { key: 'olena', when: { daysAgo: 2 }, category: 'atouts', visibility: 'salarie', text: 'Merci Olena pour les retouches des manteaux : ils sont tous partis en boutique en deux jours !' },
  { key: 'marieChristine', when: { absence: 'accident_travail', which: 'first' }, category: 'alerte', visibility: 'team', text: 'Chute dans l’atelier ce matin (sol glissant près de la presse à balles), douleur au poignet droit. Accompagnée aux urgences ; déclaration d’accident du travail à faire par la coordination.' },
  { key: 'marieChristine', when: { daysAgo: 8 }, category: 'comportement', visibility: 'salarie', text: 'Plus de douleur au poignet depuis la reprise. Tu peux reprendre la presse à balles, en binôme pour commencer.' },
  { key: 'samir', when: { daysAgo: 11 }, category: 'atouts', visibility: 'salarie', text: 'Très à l’aise avec les clients de la boutique, ils te demandent conseil. Super !' },
  { key: 'aurelie', when: { daysAgo: 33 }, category: 'bilan', visibility: 'team', byCoordination: true, text: 'Bilan à 18 mois : autonomie complète sur le tri et la presse. Recherche d’emploi en logistique engagée, CV à jour.' },
  { key: 'aurelie', when: { daysAgo: 14 }, category: 'technique', visibility: 'team', text: 'Forme Samir au contrôle qualité, très pédagogue. Pourrait devenir référente de l’atelier de tri.' },
];

export function addDiagnostics(ctx: DemoContext): void {
  for (const s of ctx.salaries) {
    const p = s.profile;
    const first = workingDayOnOrAfter(s.entry + 2);
    ctx.add('diagnostic', { salarieId: s.id, date: formatDay(first), levels: levelsObject(p.diagnostic), comment: p.diagnosticComment });
    const later = workingDayOnOrBefore(Math.min(s.entry + 183, lastDayOf(ctx, s) - 7));
    if (p.diagnosticLater && later > first + 90) {
      ctx.add('diagnostic', { salarieId: s.id, date: formatDay(later), levels: levelsObject(p.diagnosticLater), comment: progressComment(p.diagnostic, p.diagnosticLater) });
    }
  }
}

function levelsObject(levels: DiagnosticLevels): Record<string, number> {
  return Object.fromEntries(DIAGNOSTIC_DIMENSIONS.map((d, i) => [d, levels[i] ?? 1]));
}

function progressComment(before: DiagnosticLevels, after: DiagnosticLevels): string {
  const better = DIAGNOSTIC_DIMENSIONS.filter((_, i) => (after[i] ?? 0) > (before[i] ?? 0)).map((d) => DIMENSION_LABELS[d]);
  return better.length > 0
    ? `Point d’étape à six mois : progrès sur ${better.join(', ')}.`
    : 'Point d’étape à six mois : situation stable.';
}

function dayOf(ctx: DemoContext, s: SalarieInfo, when: When): Day | undefined {
  if ('daysAgo' in when) return workingDayOnOrBefore(ctx.today - when.daysAgo);
  if ('entryPlus' in when) return workingDayOnOrAfter(s.entry + when.entryPlus);
  if ('exitMinus' in when) return s.exit === undefined ? undefined : workingDayOnOrBefore(s.exit - when.exitMinus);
  if ('pmsmpEnd' in when) return s.pmsmp?.end;
  const matches = s.absences.filter((a) => a.type === when.absence);
  return (when.which === 'first' ? matches[0] : matches[matches.length - 1])?.day;
}

/** Log entries, then the coordination's reviews of what is older than a week. */
export function addLogEntries(ctx: DemoContext): void {
  for (const script of LOGS) {
    const s = ctx.salaries.find((x) => x.profile.key === script.key);
    const day = s ? dayOf(ctx, s, script.when) : undefined;
    if (!s || day === undefined) continue;
    const date = Math.max(s.entry, Math.min(day, lastDayOf(ctx, s)));
    const authorId = script.byCoordination ? ctx.coordinatorId : s.team.etiUserId;
    const alert = script.category === 'alerte';
    const id = ctx.add('logEntry', { salarieId: s.id, authorId, date: formatDay(date), category: script.category, text: script.text, visibility: script.visibility, alert });
    if (script.visibility !== 'private' && !script.byCoordination && date <= ctx.today - 7) {
      ctx.add('review', { logEntryId: id, reviewerId: ctx.coordinatorId, at: isoAt(workingDayOnOrAfter(date + 1), 8, 45), salarieId: s.id });
    }
  }
}

/** The month before last is closed: its hours went to payroll and to the state declaration. */
export function addMonthClose(ctx: DemoContext): void {
  const lastMonth = addMonths(monthStartOf(ctx.today), -1);
  ctx.add('monthClose', { month: monthKey(ctx.windowStart), closedBy: ctx.coordinatorId, closedAt: isoAt(workingDayOnOrAfter(lastMonth + 3), 15, 30) });
}
