// Competence progress in the demo: evaluations that climb to each salarié's current level
// (production, AFEST, PMSMP and self-assessments), learning objectives and a few open badges.
import type { DemoContext, SalarieInfo } from './context';
import { lastDayOf, userIdOf } from './context';
import { formatDay, workingDayOnOrBefore, type Day } from './dates';
import { LEVEL_COMMENTS, LEVEL_NAMES, frenchDate } from './texts';

/** Objectives the ETI set: competence, level aimed for, months to get there, why. */
const OBJECTIVES: Record<string, Array<[string, number, number, string]>> = {
  mamadou: [['tailleHaie', 3, 2, 'Être autonome au taille-haie avant la taille d’automne du parc.']],
  kevin: [['debroussaillage', 3, 2, 'Autonomie sur les talus des berges ; préparer l’entrée en formation CACES.']],
  dylan: [['epi', 3, 1, 'Choisir seul les bons EPI pour chaque outil avant de passer au débroussailleur.']],
  thierry: [['epi', 3, 1, 'Connaître et porter les EPI de base sans rappel.'], ['ramassage', 2, 2, 'Participer au ramassage à son rythme.']],
  nadia: [['accueil', 4, 3, 'Pouvoir former les nouvelles à l’accueil et à la caisse.']],
  olena: [['triCategories', 3, 2, 'Trier seule les quatre catégories avec les pictogrammes.'], ['couture', 4, 3, 'Transmettre les retouches simples à l’équipe.']],
  sandrine: [['presse', 3, 2, 'Utiliser la presse à balles seule, en respectant la procédure.']],
  samir: [['prix', 3, 2, 'Appliquer seul la grille de prix de la boutique.']],
};

export function addProgress(ctx: DemoContext): void {
  for (const s of ctx.salaries) {
    const reached = addEvaluations(ctx, s);
    addObjectives(ctx, s);
    addBadge(ctx, s, reached);
  }
}

/** Evaluations for each competence up to the current level; returns when each level was met. */
function addEvaluations(ctx: DemoContext, s: SalarieInfo): Map<string, Day> {
  const reached = new Map<string, Day>();
  const last = lastDayOf(ctx, s);
  const evaluatorId = s.team.etiUserId;
  const comment = (level: number): string | undefined => (ctx.rng.chance(0.6) ? ctx.rng.pick(LEVEL_COMMENTS[level] ?? []) : undefined);
  for (const def of s.team.activity.competences) {
    const comp = ctx.competences.get(def.key);
    const level = s.levels.get(def.key) ?? 0;
    if (!comp) continue;
    if (level === 0) {
      // Newcomers are positioned on the safety-critical gestures on their first day.
      if (def.safetyCritical && ctx.today - s.entry < 120) {
        ctx.add('evaluation', { salarieId: s.id, competenceId: comp.id, level: 0, context: 'production', date: formatDay(s.entry), evaluatorId, comment: LEVEL_COMMENTS[0]?.[0] ?? '' });
      }
      continue;
    }
    const offset = s.offsets.get(def.key) ?? 0;
    for (let l = 1; l <= level; l++) {
      if (l < level && ctx.rng.chance(0.25)) continue;
      // The day the progression formula reaches level l, kept inside the parcours.
      const ideal = s.entry + Math.ceil(((l - 1 + def.difficulty - offset) / s.profile.pace) * 91) + l;
      const day = workingDayOnOrBefore(Math.min(Math.max(ideal, s.entry + 2 * l), last));
      const date = Math.max(day, s.entry);
      const fields = {
        salarieId: s.id, competenceId: comp.id, level: l, context: l >= 2 && ctx.rng.chance(0.3) ? 'afest' : 'production',
        date: formatDay(date), evaluatorId,
      };
      const text = comment(l);
      ctx.add('evaluation', text ? { ...fields, comment: text } : fields);
      if (l >= 3 && !reached.has(def.key)) reached.set(def.key, date);
    }
  }
  addPmsmpEvaluations(ctx, s);
  addSelfAssessments(ctx, s);
  return reached;
}

/** The host company's tutor observed the competences of the PMSMP; the ETI records it. */
function addPmsmpEvaluations(ctx: DemoContext, s: SalarieInfo): void {
  if (!s.pmsmp) return;
  for (const key of ['tonte', 'debroussaillage', 'equipeEv']) {
    const comp = ctx.competences.get(key);
    if (!comp) continue;
    ctx.add('evaluation', {
      salarieId: s.id, competenceId: comp.id, level: s.levels.get(key) ?? 0, context: 'pmsmp', date: formatDay(s.pmsmp.end),
      evaluatorId: s.team.etiUserId, comment: 'Avis du tuteur de l’entreprise d’accueil (Paysages Duval), recueilli par téléphone.',
    });
  }
}

/** salarie1 and salarie2 rated themselves on three competences this week. */
function addSelfAssessments(ctx: DemoContext, s: SalarieInfo): void {
  const userId = userIdOf(ctx, s);
  if (!userId) return;
  const date = formatDay(workingDayOnOrBefore(ctx.today - 2));
  for (const def of s.team.activity.competences.slice(0, 3)) {
    const comp = ctx.competences.get(def.key);
    if (!comp) continue;
    const level = Math.min(4, (s.levels.get(def.key) ?? 0) + (def.difficulty > 0 ? 1 : 0));
    ctx.add('evaluation', {
      salarieId: s.id, competenceId: comp.id, level, context: 'self', date, evaluatorId: userId,
      comment: level >= 3 ? 'Je sais le faire seul.' : 'J’ai encore besoin d’aide.',
    });
  }
}

function addObjectives(ctx: DemoContext, s: SalarieInfo): void {
  for (const [key, target, months, comment] of OBJECTIVES[s.profile.key] ?? []) {
    const comp = ctx.competences.get(key);
    const current = s.levels.get(key) ?? 0;
    if (!comp || current >= 4) continue;
    ctx.add('objective', {
      salarieId: s.id, competenceId: comp.id, targetLevel: Math.max(target, current + 1),
      dueDate: formatDay(workingDayOnOrBefore(ctx.today + Math.round(months * 30.5))), comment,
    });
  }
}

/** Long-standing salariés get a badge for their best competence, issued by the coordination. */
function addBadge(ctx: DemoContext, s: SalarieInfo, reached: Map<string, Day>): void {
  if (ctx.today - s.entry < 240) return;
  let best: { key: string; level: number; day: Day } | undefined;
  for (const [key, day] of reached) {
    const level = s.levels.get(key) ?? 0;
    if (!best || level > best.level) best = { key, level, day };
  }
  const comp = best ? ctx.competences.get(best.key) : undefined;
  if (!best || !comp) return;
  ctx.add('badge', {
    salarieId: s.id, competenceId: comp.id, issuedOn: formatDay(best.day), issuerId: ctx.coordinatorId,
    evidence: `Évaluation en situation de production du ${frenchDate(formatDay(best.day))} : « ${comp.def.label} », niveau ${LEVEL_NAMES[3]} (fait seul).`,
  });
}
