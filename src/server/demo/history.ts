// Years of plausible past for the demo structure — past salariés and their dossiers, daily time
// entries, team planning and assignments, evaluations, livret entries and reviews — for the
// first-sync benchmark. Pure and deterministic: (demo, years, seed) always gives the same records.
import type { JsonValue } from '../../sync/protocol';
import { dayToMs, formatDay, isoAt, isWorkingDay, weekday, workingDayOnOrAfter, yearOf, type Day } from './dates';
import { WEEK, allowedTasks, collectionSeason } from './demoPlanning';
import { LOG_CATEGORY_WEIGHTS, LOG_TEXTS, PAST_CHANTIERS } from './historyContent';
import { indexDemo, type DemoIndex, type HistoryTeam } from './historyIndex';
import { levelOf, pastPeople, type Person, type Sink } from './historyPeople';
import { createIdFactory, createRng } from './random';
import { TASKS, type TaskDef } from './referentiel';
import { AFTERNOON, MORNING, scheduleFor } from './schedule';
import { LEVEL_COMMENTS } from './texts';
import type { DemoData, DemoRecord } from './types';

/** Tuned so that two years give about 50,000 records: two teams of up to 18 places (part-time contracts). */
const PLACES_PER_TEAM = 18;
const EVALUATION_RATE = 0.6;
const LOG_RATE = 0.25;
const REVIEW_RATE = 0.75;

type Slots = Map<Day, readonly [string, string]>;

export function buildHistory(demo: DemoData, opts: { years: number; seed?: number }): DemoRecord[] {
  const index = indexDemo(demo);
  const seed = opts.seed ?? 1;
  const horizon = index.timeStart - Math.round(opts.years * 365.25);
  const records: DemoRecord[] = [];
  const newId = createIdFactory(createRng(seed * 104_729 + 7), dayToMs(horizon) + 12 * 3_600_000);
  const sink: Sink = {
    rng: createRng(seed + 0x5eed),
    newId,
    add(entity, fields, id) {
      const recId = id ?? newId();
      records.push({ entity, id: recId, fields });
      return recId;
    },
  };
  if (horizon >= index.timeStart) return records;

  const slots = new Map<string, Slots>();
  for (const team of index.teams) slots.set(team.id, teamPlanning(sink, team, horizon, index.planStart));

  const people: Person[] = [
    ...pastPeople(sink, index, horizon, PLACES_PER_TEAM),
    ...index.members.map((m) => ({
      salarieId: m.salarieId, firstName: m.firstName, team: m.team, from: m.from, to: m.to ?? index.planStart, schedule: scheduleFor(m.weeklyHours),
      pauses: m.pauses, generated: false, pace: 1, offsets: new Map(), ceilings: new Map(),
    } satisfies Person)),
  ];
  for (const p of people) personDays(sink, index, p, horizon, slots.get(p.team.id) ?? new Map());
  return records;
}

/** Past chantiers in two streams per team, and a morning and an afternoon slot per working day. */
function teamPlanning(sink: Sink, team: HistoryTeam, horizon: Day, end: Day): Slots {
  const { rng } = sink;
  const streams = [0, 1].map((stream) => {
    const def = PAST_CHANTIERS[team.kind][stream === 0 ? 0 : 1];
    const list: Array<{ id: string; start: Day; end: Day; place: string }> = [];
    for (let start = horizon - rng.int(0, 40); start < end;) {
      const stop = Math.min(start + rng.int(40, 100), end - 1);
      const name = nameFor(rng.pick(def.names), team.kind, stream, start);
      const days = stop - start + 1;
      const quotedHours = Math.round(days * (team.kind === 0 ? 14 : 22) / 10) * 10;
      const id = sink.add('chantier', {
        name, teamId: team.id, client: rng.pick(def.clients), place: placeOf(name, team.kind, stream), activityId: team.activityId,
        start: formatDay(start), end: formatDay(stop), quotedHours, quoteAmount: quotedHours * 24,
        phases: ['commande', 'approvisionnement', 'production', 'livraison'].map((n) => ({ name: n, status: 'termine' })),
      });
      list.push({ id, start, end: stop, place: name });
      start = stop + 1;
    }
    return list;
  });
  const slots: Slots = new Map();
  for (let d = horizon; d < end; d++) {
    if (!isWorkingDay(d)) continue;
    const plan = WEEK[team.kind]?.[weekday(d)];
    const chantier = plan?.chantier === null || plan === undefined ? undefined : streams[plan.chantier]?.find((c) => c.start <= d && d <= c.end);
    const label = chantier ? chantier.place : 'Atelier : entretien du matériel';
    const slot = (s: typeof MORNING | typeof AFTERNOON): string => sink.add('planningSlot', {
      teamId: team.id, date: formatDay(d), startTime: s.startTime, endTime: s.endTime, label: `${s.label} — ${label}`,
      ...(chantier ? { chantierId: chantier.id } : {}),
    });
    slots.set(d, [slot(MORNING), slot(AFTERNOON)]);
  }
  return slots;
}

const TEXTILE_PLACES = ['Atelier de tri, 14 rue de l’Industrie, Évry-Courcouronnes', 'Boutique, 3 place du Marché, Évry-Courcouronnes'] as const;

function placeOf(name: string, kind: 0 | 1, stream: number): string {
  if (kind === 1) return TEXTILE_PLACES[stream === 0 ? 0 : 1];
  const at = name.indexOf(' — ');
  return at >= 0 ? name.slice(at + 3) : name;
}

function nameFor(base: string, kind: 0 | 1, stream: number, start: Day): string {
  if (kind === 0) return base;
  const season = collectionSeason(start);
  const year = yearOf(start);
  return stream === 0 ? `${base} — ${season} ${year}` : `${base} — collection ${season} ${year}`;
}

const ABSENCES: ReadonlyArray<readonly [string, number, number, number]> = [
  // type, probability of starting on a given day, shortest and longest run in worked days
  ['maladie', 0.012, 1, 6], ['conge', 0.008, 3, 8], ['absence_injustifiee', 0.006, 1, 2], ['formation', 0.004, 1, 3], ['accident_travail', 0.0008, 3, 15],
];

/** Every worked day of a person: time entry, assignments, and for past salariés their progress. */
function personDays(sink: Sink, index: DemoIndex, p: Person, horizon: Day, slots: Slots): void {
  const { rng } = sink;
  const end = Math.min(p.to, index.planStart - 1);
  const kind = p.team.kind;
  const isCritical = (k: string): boolean => p.team.activity.competences.find((c) => c.key === k)?.safetyCritical === true;
  let run: { type: string; left: number } | undefined;
  let logs = 0;
  for (let d = Math.max(p.from, horizon); d <= end; d++) {
    if (!isWorkingDay(d) || !p.schedule.days.has(weekday(d))) continue;
    if (p.pauses.some((x) => x.start <= d && d <= x.end)) continue;
    const daily = p.schedule.daily;
    const inPmsmp = p.pmsmp !== undefined && p.pmsmp.start <= d && d <= p.pmsmp.end;
    if (!run && !inPmsmp) {
      for (const [type, prob, min, max] of ABSENCES) {
        if (rng.chance(prob)) {
          run = { type, left: rng.int(min, max) };
          break;
        }
      }
    }
    const absence = inPmsmp ? 'pmsmp' : run?.type;
    if (run && !inPmsmp && --run.left <= 0) run = undefined;
    const iso = formatDay(d);
    const fle = p.fle?.weekday === weekday(d) && !absence;
    if (d < index.timeStart) {
      const fields: Record<string, JsonValue> = { salarieId: p.salarieId, date: iso, hours: absence ? 0 : fle ? daily - 2.5 : daily };
      if (absence) Object.assign(fields, { absence, absenceHours: daily });
      else if (fle) Object.assign(fields, { absence: 'formation', absenceHours: 2.5 });
      else if (rng.chance(0.03)) {
        const late = rng.pick([5, 10, 15, 20, 30]);
        Object.assign(fields, { lateMinutes: late, hours: Math.round((daily - late / 60) * 100) / 100 });
      }
      sink.add('timeEntry', fields);
    }
    const present = !absence && !index.absent.has(`${p.salarieId}|${iso}`);
    const daySlots = slots.get(d);
    const plan = WEEK[kind]?.[weekday(d)];
    if (present && daySlots && plan) {
      const levelFor = (k: string): number => {
        const def = p.team.activity.competences.find((c) => c.key === k);
        return def ? levelOf(p, rng, k, def.difficulty, d) : 0;
      };
      const allowed = allowedTasks(TASKS[plan.kind], levelFor, isCritical);
      assign(sink, index, p, rng.pick(allowed), daySlots[0], Math.min(MORNING.hours, daily));
      const pm = Math.min(AFTERNOON.hours, Math.round((daily - MORNING.hours) * 100) / 100);
      if (pm > 0 && !fle) assign(sink, index, p, rng.pick(allowed), daySlots[1], pm);
    }
    if (present && p.generated && rng.chance(EVALUATION_RATE)) evaluate(sink, index, p, d);
    if (present && rng.chance(p.generated ? LOG_RATE : LOG_RATE / 2)) addLog(sink, index, p, d, logs++ === 0 && d - p.from < 30 ? 'integration' : undefined);
  }
}

function assign(sink: Sink, index: DemoIndex, p: Person, task: TaskDef, slotId: string, hours: number): void {
  sink.add('assignment', {
    salarieId: p.salarieId, slotId, task: task.task, consignes: task.consignes, checklist: [...task.checklist], epi: [...task.epi],
    competenceIds: task.competences.flatMap((k) => {
      const id = index.competenceIds.get(k);
      return id ? [id] : [];
    }),
    hours,
  });
}

function evaluate(sink: Sink, index: DemoIndex, p: Person, d: Day): void {
  const { rng } = sink;
  const def = rng.pick(p.team.activity.competences);
  const competenceId = index.competenceIds.get(def.key);
  if (!competenceId) return;
  const level = levelOf(p, rng, def.key, def.difficulty, d);
  const fields: Record<string, JsonValue> = {
    salarieId: p.salarieId, competenceId, level, context: rng.chance(0.2) ? 'afest' : 'production', date: formatDay(d), evaluatorId: p.team.etiUserId,
  };
  if (rng.chance(0.4)) fields['comment'] = rng.pick(LEVEL_COMMENTS[level] ?? LEVEL_COMMENTS[1] ?? ['']);
  sink.add('evaluation', fields);
}

function addLog(sink: Sink, index: DemoIndex, p: Person, d: Day, forced?: 'integration'): void {
  const { rng } = sink;
  const category = forced ?? rng.weighted(LOG_CATEGORY_WEIGHTS);
  const byCoordination = (category === 'entretien' || category === 'bilan') && rng.chance(0.6);
  const visibility = category === 'alerte' ? 'team' : rng.weighted([['team', 65], ['salarie', category === 'atouts' || category === 'technique' ? 35 : 5], ['private', 12]] as const);
  const text = rng.pick(LOG_TEXTS[category]).replaceAll('{p}', p.firstName || 'le salarié');
  const logEntryId = sink.add('logEntry', {
    salarieId: p.salarieId, authorId: byCoordination ? index.coordinatorId : p.team.etiUserId, date: formatDay(d), category, text, visibility, alert: category === 'alerte',
  });
  if (!byCoordination && visibility !== 'private' && (category === 'alerte' || rng.chance(REVIEW_RATE))) {
    const at = workingDayOnOrAfter(d + (category === 'alerte' ? 1 : rng.int(1, 6)));
    sink.add('review', { logEntryId, reviewerId: index.coordinatorId, at: isoAt(at, rng.int(7, 16), rng.int(0, 59)), salarieId: p.salarieId });
  }
}

