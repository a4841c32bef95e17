// What the demo builders share while they fill one structure: the clock ("today"), the seeded
// randomness, the ids already handed out, and the facts later steps depend on (levels, absences).
import type { EntityName } from '../../domain/entities';
import type { JsonValue } from '../../sync/protocol';
import { addMonths, dayToMs, monthStartOf, parseDay, type Day } from './dates';
import type { SalarieProfile } from './people';
import { createIdFactory, createRng, type Rng } from './random';
import type { ActivityDef, CompetenceDef } from './referentiel';
import type { Schedule } from './schedule';
import type { DemoRecord } from './types';

export interface TeamInfo {
  id: string;
  etiUserId: string;
  activity: ActivityDef;
  activityId: string;
}

export interface SalarieInfo {
  id: string;
  profile: SalarieProfile;
  team: TeamInfo;
  entry: Day;
  exit?: Day;
  schedule: Schedule;
  /** Current level (0–4) per competence key, and the random offset behind it. */
  levels: Map<string, number>;
  offsets: Map<string, number>;
  /** Days with no work at all (absence, PMSMP) and days without an afternoon on site. */
  absent: Set<Day>;
  afternoonOff: Set<Day>;
  /** Absences in date order, for log entries that refer to them. */
  absences: Array<{ day: Day; type: string }>;
  pmsmp?: { start: Day; end: Day };
}

export interface CompetenceInfo {
  id: string;
  def: CompetenceDef;
  activity: ActivityDef;
}

export interface DemoContext {
  today: Day;
  rng: Rng;
  newId: () => string;
  records: DemoRecord[];
  add(entity: EntityName, fields: Record<string, JsonValue>, id?: string): string;
  structureId: string;
  coordinatorId: string;
  etiIds: readonly [string, string];
  salarieUserIds: Map<string, string>;
  teams: TeamInfo[];
  competences: Map<string, CompetenceInfo>;
  salaries: SalarieInfo[];
  /** First day of the month before last: time entries run from here to yesterday. */
  windowStart: Day;
}

export function createContext(todayIso: string, seed: number): DemoContext {
  const today = parseDay(todayIso);
  // Ids draw from their own stream so that content changes do not reshuffle every id.
  const newId = createIdFactory(createRng(seed * 7919 + 1), dayToMs(today - 90) + 3_600_000);
  const records: DemoRecord[] = [];
  const ctx: DemoContext = {
    today,
    rng: createRng(seed),
    newId,
    records,
    add(entity, fields, id) {
      const recId = id ?? newId();
      records.push({ entity, id: recId, fields });
      return recId;
    },
    structureId: newId(),
    coordinatorId: newId(),
    etiIds: [newId(), newId()],
    salarieUserIds: new Map([['salarie1', newId()], ['salarie2', newId()]]),
    teams: [],
    competences: new Map(),
    salaries: [],
    windowStart: addMonths(monthStartOf(today), -2),
  };
  return ctx;
}

/** The salarié's user id when they have a login (salarie1, salarie2). */
export function userIdOf(ctx: DemoContext, s: SalarieInfo): string | undefined {
  return s.profile.login ? ctx.salarieUserIds.get(s.profile.login) : undefined;
}

/** Last day the salarié is present: yesterday, or their exit day. */
export function lastDayOf(ctx: DemoContext, s: SalarieInfo): Day {
  return s.exit !== undefined ? Math.min(s.exit, ctx.today - 1) : ctx.today - 1;
}
