// The demo's structure, référentiel, teams and salariés with their dossiers (membership,
// CDDI chain, PASS IAE, suspensions, a prolongation, PMSMP): the administrative backbone.
import type { JsonValue } from '../../sync/protocol';
import type { DemoContext, SalarieInfo, TeamInfo } from './context';
import { formatDay, mondayOf, workingDayOnOrAfter, workingDayOnOrBefore, yearOf, type Day } from './dates';
import { PROFILES, type SalarieProfile } from './people';
import { contractPeriods, passEnd, passNumber } from './parcours';
import { ACTIVITIES } from './referentiel';
import { drawCeiling, levelAfter, scheduleFor } from './schedule';

export const STRUCTURE_NAME = 'ACI Les Jardins du Val (démonstration)';
/** Renewals are signed ahead: a current contract always runs at least two more weeks. */
const RENEWAL_NOTICE = 14;
const TEAM_NAMES = ['Équipe Espaces verts', 'Équipe Textile'] as const;

/** Suspensions of the PASS: a long hospitalisation (contract kept) and a contract that ended. */
const SUSPENSIONS: Record<string, { afterDays: number; days: number; reason: 'contract_suspended' | 'finished_contract' }> = {
  ahmed: { afterDays: 240, days: 35, reason: 'contract_suspended' },
  aurelie: { afterDays: 0, days: 61, reason: 'finished_contract' },
};

export function addStructure(ctx: DemoContext): void {
  ctx.add('structure', { name: STRUCTURE_NAME, type: 'ACI', etiMayEditReferentiel: false, lowHoursWaiver: true }, ctx.structureId);
}

/** Activities and competences; returns each activity's record id. */
export function addReferentiel(ctx: DemoContext): string[] {
  return ACTIVITIES.map((activity) => {
    const activityId = ctx.add('activity', { name: activity.name, romeCodes: activity.romeCodes });
    for (const def of activity.competences) {
      const fields: Record<string, JsonValue> = { activityId, label: def.label, description: def.description, kind: def.kind, pictogram: def.pictogram };
      if (def.romeCode) fields['romeCode'] = def.romeCode;
      if (def.safetyCritical) fields['safetyCritical'] = true;
      ctx.competences.set(def.key, { id: ctx.add('competence', fields), def, activity });
    }
    return activityId;
  });
}

/** One team per activity, each run by one ETI (eti1: espaces verts, eti2: textile). */
export function addTeams(ctx: DemoContext, activityIds: readonly string[]): void {
  ACTIVITIES.forEach((activity, i) => {
    const activityId = activityIds[i];
    const etiUserId = ctx.etiIds[i === 0 ? 0 : 1];
    if (activityId === undefined) throw new Error(`activité manquante : ${activity.name}`);
    const id = ctx.add('team', { name: TEAM_NAMES[i === 0 ? 0 : 1], etiUserIds: [etiUserId], activityId });
    ctx.teams.push({ id, etiUserId, activity, activityId } satisfies TeamInfo);
  });
}

export function addSalaries(ctx: DemoContext): void {
  const passNumbers = new Set<string>();
  for (const profile of PROFILES) {
    const s = makeSalarie(ctx, profile);
    ctx.salaries.push(s);
    addSalarieRecord(ctx, s);
    ctx.add('membership', { teamId: s.team.id, salarieId: s.id, from: formatDay(s.entry), ...(s.exit !== undefined ? { to: formatDay(s.exit) } : {}) });
    addParcours(ctx, s, passNumbers);
  }
  addPmsmps(ctx);
}

function makeSalarie(ctx: DemoContext, profile: SalarieProfile): SalarieInfo {
  const team = ctx.teams[profile.team];
  if (!team) throw new Error('équipe manquante');
  const entry = workingDayOnOrAfter(ctx.today - profile.entryDaysAgo);
  const exit = profile.exit ? workingDayOnOrBefore(ctx.today - profile.exit.daysAgo) : undefined;
  const levels = new Map<string, number>();
  const offsets = new Map<string, number>();
  const daysIn = (exit ?? ctx.today) - entry;
  for (const def of team.activity.competences) {
    const offset = Math.round((ctx.rng.next() - 0.5) * 100) / 100;
    offsets.set(def.key, offset);
    levels.set(def.key, levelAfter(daysIn, profile.pace, def.difficulty, offset, drawCeiling(ctx.rng.next, def.difficulty)));
  }
  return {
    id: ctx.newId(), profile, team, entry, schedule: scheduleFor(profile.weeklyHours), levels, offsets,
    absent: new Set(), afternoonOff: new Set(), absences: [], ...(exit !== undefined ? { exit } : {}),
  };
}

function addSalarieRecord(ctx: DemoContext, s: SalarieInfo): void {
  const p = s.profile;
  const fields: Record<string, JsonValue> = {
    firstName: p.firstName, lastName: p.lastName, birthDate: `${yearOf(ctx.today) - p.age}-${p.birthday}`,
    entryDate: formatDay(s.entry), phone: p.phone, prescriber: p.prescriber,
  };
  if (s.exit !== undefined && p.exit) {
    fields['exitDate'] = formatDay(s.exit);
    fields['exitKind'] = p.exit.kind;
  }
  if (p.rqth) fields['rqth'] = true;
  if (p.amenagements) fields['amenagements'] = p.amenagements;
  if (p.confidentialNotes) fields['confidentialNotes'] = p.confidentialNotes;
  ctx.add('salarie', fields, s.id);
}

/** PASS IAE, its suspension if any, the chain of CDDI, and Jean-Pierre's RQTH prolongation. */
function addParcours(ctx: DemoContext, s: SalarieInfo, passNumbers: Set<string>): void {
  const p = s.profile;
  const susp = SUSPENSIONS[p.key];
  let periods: Array<{ start: Day; end: Day }>;
  let suspension: { start: Day; end: Day } | undefined;
  if (susp?.reason === 'finished_contract') {
    const first = contractPeriods(s.entry, s.entry)[0];
    if (!first) throw new Error('contrat manquant');
    suspension = { start: first.end + 1, end: first.end + susp.days };
    const pass = passEnd(s.entry, [suspension]);
    periods = [first, ...contractPeriods(suspension.end + 1, ctx.today + RENEWAL_NOTICE, pass)];
  } else {
    if (susp) suspension = { start: s.entry + susp.afterDays, end: s.entry + susp.afterDays + susp.days - 1 };
    const pass = passEnd(s.entry, suspension ? [suspension] : []);
    periods = contractPeriods(s.entry, s.exit ?? ctx.today + RENEWAL_NOTICE, Math.min(s.exit ?? pass, pass));
  }
  const passId = ctx.add('passIae', { salarieId: s.id, number: passNumber(ctx.rng, s.entry, passNumbers), start: formatDay(s.entry) });
  if (suspension && susp) {
    ctx.add('suspension', { salarieId: s.id, passIaeId: passId, start: formatDay(suspension.start), end: formatDay(suspension.end), reason: susp.reason });
  }
  periods.forEach((period, i) => {
    const current = i === periods.length - 1;
    const fields: Record<string, JsonValue> = {
      salarieId: s.id, type: 'cddi', start: formatDay(period.start), end: formatDay(period.end),
      weeklyHours: current || p.earlierWeeklyHours === undefined ? p.weeklyHours : p.earlierWeeklyHours,
    };
    if (p.lowHoursReason) fields['lowHoursReason'] = p.lowHoursReason;
    if (p.contractNotes) fields['notes'] = p.contractNotes;
    ctx.add('contract', fields);
  });
  if (p.rqth && ctx.today - s.entry > 600) {
    // A prolongation starts on the PASS end date, suspensions included (validateProlongation).
    const start = passEnd(s.entry, suspension ? [suspension] : []);
    ctx.add('prolongation', {
      salarieId: s.id, passIaeId: passId, start: formatDay(start), end: formatDay(start + 364), reason: 'rqth', decision: 'pending',
      notes: 'Demande transmise au prescripteur (Cap emploi) avec l’avis de l’encadrant et de la CIP.',
    });
  }
}

/** Ahmed's immersion last week (done, with its outcome) and Nadia's, planned in two weeks. */
function addPmsmps(ctx: DemoContext): void {
  const ahmed = ctx.salaries.find((s) => s.profile.key === 'ahmed');
  const nadia = ctx.salaries.find((s) => s.profile.key === 'nadia');
  const comp = (k: string): string => {
    const c = ctx.competences.get(k);
    if (!c) throw new Error(`compétence manquante : ${k}`);
    return c.id;
  };
  if (ahmed) {
    const start = mondayOf(ctx.today) - 7;
    ahmed.pmsmp = { start, end: start + 4 };
    ctx.add('pmsmp', {
      salarieId: ahmed.id, company: 'Paysages Duval (SARL), Mennecy', start: formatDay(start), end: formatDay(start + 4),
      objective: 'Découvrir le métier d’ouvrier paysagiste en entreprise et confirmer le projet professionnel.',
      outcome: 'Tuteur très satisfait : ponctuel, autonome sur la tonte et le débroussaillage, bon contact avec l’équipe. Piste d’embauche en CDD de six mois au printemps.',
      competenceIds: [comp('tonte'), comp('debroussaillage'), comp('equipeEv')],
    });
  }
  if (nadia) {
    const start = mondayOf(ctx.today) + 14;
    ctx.add('pmsmp', {
      salarieId: nadia.id, company: 'Boutique Mode & Cie, Évry-Courcouronnes', start: formatDay(start), end: formatDay(start + 11),
      objective: 'Découvrir la vente en magasin de prêt-à-porter : accueil, encaissement, mise en rayon.',
      competenceIds: [comp('accueil'), comp('rayon'), comp('prix')],
    });
  }
}
