// Production in the demo: four chantiers (two per team), the team planning over the previous
// and current weeks (morning and afternoon slots) and who does which task with which consignes.
import type { JsonValue } from '../../sync/protocol';
import type { DemoContext, SalarieInfo, TeamInfo } from './context';
import { addMonths, formatDay, isWorkingDay, monthKey, monthStartOf, mondayOf, weekday, type Day } from './dates';
import type { Rng } from './random';
import { TASKS, type TaskDef, type WorkKind } from './referentiel';
import { AFTERNOON, MORNING } from './schedule';

interface ChantierDef {
  name: string;
  client: string;
  place: string;
  short: string;
  kind: WorkKind;
  start: Day;
  end: Day;
  quotedHours: number;
  quoteAmount: number;
  safetyNotes: string;
}

const PHASES_RUNNING: JsonValue = [
  { name: 'commande', status: 'termine' }, { name: 'approvisionnement', status: 'termine' },
  { name: 'production', status: 'en_cours' }, { name: 'livraison', status: 'a_faire' },
];

/** The textile collection a day belongs to: autumn-winter from September to February. */
export function collectionSeason(d: Day): 'automne-hiver' | 'printemps-été' {
  const month = Number(monthKey(d).slice(5));
  return month >= 9 || month <= 2 ? 'automne-hiver' : 'printemps-été';
}

function chantierDefs(today: Day): ChantierDef[][] {
  const month = monthStartOf(today);
  const monday = mondayOf(today);
  const season = collectionSeason(today);
  return [
    [
      { name: 'Entretien du parc de la mairie', client: 'Ville de Lisses', place: 'Parc de la mairie, rue de la Mairie, Lisses', short: 'Parc de la mairie', kind: 'parc', start: addMonths(month, -2), end: addMonths(month, 2) - 1, quotedHours: 480, quoteAmount: 11_520, safetyNotes: 'Parc ouvert au public : balisage obligatoire avant toute tonte ou taille. Éjection de la tondeuse jamais vers l’allée. Taille-haie réservé aux salariés autorisés.' },
      { name: 'Débroussaillage des berges de l’Essonne', client: 'Syndicat de l’Orge', place: 'Chemin de halage, berges de l’Essonne, Corbeil-Essonnes', short: 'Berges de l’Essonne', kind: 'berges', start: monday - 14, end: monday + 25, quotedHours: 210, quoteAmount: 5_460, safetyNotes: 'Travail au bord de l’eau : jamais seul sur la berge, gilet haute visibilité pour tous. Débroussailleur : distance de 15 m, visière, antibruit, jambières. Pente glissante après la pluie.' },
    ],
    [
      { name: 'Tri des collectes des bornes textiles', client: 'Communauté d’agglomération Grand Paris Sud', place: 'Atelier de tri, 14 rue de l’Industrie, Évry-Courcouronnes', short: 'Atelier de tri', kind: 'tri', start: addMonths(month, -3), end: addMonths(month, 3) - 1, quotedHours: 1_400, quoteAmount: 18_200, safetyNotes: 'Gants obligatoires à la table de tri. Presse à balles : une seule personne aux commandes, porte fermée avant le cycle. Sacs de plus de 15 kg portés à deux.' },
      { name: `Boutique solidaire — collection ${season}`, client: 'Boutique Le Fil solidaire (vente au public)', place: 'Boutique, 3 place du Marché, Évry-Courcouronnes', short: 'Boutique', kind: 'boutique', start: addMonths(month, -1), end: addMonths(month, 2) - 1, quotedHours: 600, quoteAmount: 9_000, safetyNotes: 'Défroisseur posé sur son socle entre deux pièces. Caisse jamais seule : toujours avec l’encadrante.' },
    ],
  ];
}

interface DayPlan {
  /** Index of the team's chantier, or null for a workshop day. */
  chantier: number | null;
  kind: WorkKind;
}
const PARC: DayPlan = { chantier: 0, kind: 'parc' };
const BERGES: DayPlan = { chantier: 1, kind: 'berges' };
const ATELIER: DayPlan = { chantier: null, kind: 'atelier' };
const TRI: DayPlan = { chantier: 0, kind: 'tri' };
const BOUTIQUE: DayPlan = { chantier: 1, kind: 'boutique' };
const ATELIER_LABEL = 'Atelier : entretien du matériel';

/** Which work each team does on each weekday (0 = Monday), team by team. */
export const WEEK: ReadonlyArray<readonly DayPlan[]> = [
  [PARC, PARC, BERGES, BERGES, ATELIER],
  [TRI, TRI, TRI, BOUTIQUE, BOUTIQUE],
];

/** Tasks the salarié may be given: every safety-critical competence needs level 3 (acquis). */
export function allowedTasks(tasks: readonly TaskDef[], levelOf: (key: string) => number, isCritical: (key: string) => boolean): TaskDef[] {
  return tasks.filter((t) => t.competences.every((k) => !isCritical(k) || levelOf(k) >= 3));
}

function chooseTasks(rng: Rng, allowed: readonly TaskDef[]): [TaskDef, TaskDef] {
  const first = rng.pick(allowed);
  const others = allowed.filter((t) => t !== first);
  return [first, others.length > 0 ? rng.pick(others) : first];
}

export function addPlanning(ctx: DemoContext): void {
  const defs = chantierDefs(ctx.today);
  ctx.teams.forEach((team, t) => {
    const chantierIds = (defs[t] ?? []).map((c) => ctx.add('chantier', {
      name: c.name, teamId: team.id, client: c.client, place: c.place, activityId: team.activityId,
      start: formatDay(c.start), end: formatDay(c.end), quotedHours: c.quotedHours, quoteAmount: c.quoteAmount,
      phases: structuredClone(PHASES_RUNNING), safetyNotes: c.safetyNotes,
    }));
    const monday = mondayOf(ctx.today) - 7;
    for (let d = monday; d < monday + 14; d++) {
      if (!isWorkingDay(d)) continue;
      const plan = WEEK[t]?.[weekday(d)];
      if (!plan) continue;
      const def = plan.chantier === null ? undefined : defs[t]?.[plan.chantier];
      const chantierId = plan.chantier === null ? undefined : chantierIds[plan.chantier];
      const where = def?.short ?? ATELIER_LABEL;
      const slot = (s: typeof MORNING | typeof AFTERNOON): string => ctx.add('planningSlot', {
        teamId: team.id, date: formatDay(d), startTime: s.startTime, endTime: s.endTime, label: `${s.label} — ${where}`,
        ...(chantierId ? { chantierId } : {}),
      });
      const morning = slot(MORNING);
      const afternoon = slot(AFTERNOON);
      for (const s of membersAt(ctx, team, d)) {
        assign(ctx, s, plan.kind, d, morning, afternoon);
      }
    }
  });
}

function membersAt(ctx: DemoContext, team: TeamInfo, d: Day): SalarieInfo[] {
  return ctx.salaries.filter((s) => s.team === team && s.entry <= d && (s.exit === undefined || s.exit >= d)
    && s.schedule.days.has(weekday(d)) && !s.absent.has(d));
}

function assign(ctx: DemoContext, s: SalarieInfo, kind: WorkKind, d: Day, morning: string, afternoon: string): void {
  const isCritical = (k: string): boolean => ctx.competences.get(k)?.def.safetyCritical === true;
  const allowed = allowedTasks(TASKS[kind], (k) => s.levels.get(k) ?? 0, isCritical);
  const [am, pm] = chooseTasks(ctx.rng, allowed);
  const fle = s.profile.weeklyFormation?.weekday === weekday(d);
  const pmHours = Math.min(AFTERNOON.hours, Math.round((s.schedule.daily - MORNING.hours) * 100) / 100);
  const add = (task: TaskDef, slotId: string, hours: number): void => {
    ctx.add('assignment', {
      salarieId: s.id, slotId, task: task.task, consignes: task.consignes, checklist: [...task.checklist], epi: [...task.epi],
      competenceIds: task.competences.flatMap((k) => {
        const c = ctx.competences.get(k);
        return c ? [c.id] : [];
      }),
      hours,
    });
  };
  add(am, morning, Math.min(MORNING.hours, s.schedule.daily));
  if (pmHours > 0 && !fle && !s.afternoonOff.has(d)) add(pm, afternoon, pmHours);
}
