// The edits of the convergence scenario: what a coordinator, an ETI or a salarié does on their
// tablet, chosen by numbers that fast-check generates and read against what the tablet holds
// right now (a stale tablet may well attempt what the server will refuse — that is the point).
import { uuidv7 } from '../../src/domain/ids';
import type { Role } from '../../src/domain/entities';
import { ValidationError } from '../../src/client/repository';
import type { TestDevice } from './harness';

export interface SimDevice {
  name: string;
  login: string;
  role: Role;
  userId: string;
  salarieId?: string;
  d: TestDevice;
}

export interface EditStep {
  t: 'edit';
  dev: number;
  kind: number;
  a: number;
  b: number;
  c: number;
}

export type Step =
  | EditStep
  | { t: 'sync'; devs: number[] }
  /** Syncs running while the users keep typing (pulls then meet pending changes). */
  | { t: 'busySync'; devs: number[]; edits: EditStep[] }
  /** Two tablets edit the same field of a record both see, the second while it syncs. */
  | { t: 'contend'; x: number; y: number; a: number; b: number }
  /** The coordinator moves a salarié to another team: the ETI's views change (resets). */
  | { t: 'move'; a: number; b: number }
  | { t: 'offline'; dev: number; on: boolean }
  | { t: 'restart' };

export interface ScenarioContext {
  today: string;
  /** A month the coordinator has closed (ETI time entries there are refused). */
  closedMonth: string | undefined;
}

const VIS = ['private', 'team', 'salarie'] as const;
const pick = <T>(list: readonly T[], n: number): T | undefined => (list.length === 0 ? undefined : list[n % list.length]);
/** Mostly one of the same few records, so that tablets edit the same fields at once. */
export const pickHot = <T>(list: readonly T[], n: number): T | undefined => pick(list, n % 10 < 7 ? n % 3 : n);

export function localToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** Salariés currently in one of the ETI's teams, as this tablet sees it. */
async function scopeOf(s: SimDevice, today: string): Promise<string[]> {
  if (s.role === 'coordinator') return (await s.d.queries.records.list('salarie')).map((x) => x.id).sort();
  const teams = new Set((await s.d.queries.records.list('team')).filter((t) => t.etiUserIds.includes(s.userId)).map((t) => t.id));
  const members = (await s.d.queries.records.list('membership')).filter((m) => teams.has(m.teamId) && m.from <= today && (m.to == null || m.to >= today));
  return [...new Set(members.map((m) => m.salarieId))].sort();
}

function dayOf(ctx: ScenarioContext, n: number): string {
  if (n % 5 === 0 && ctx.closedMonth !== undefined) return `${ctx.closedMonth}-${String(1 + (n % 28)).padStart(2, '0')}`;
  const day = Math.min(Number(ctx.today.slice(8, 10)), 1 + (n % 28));
  return `${ctx.today.slice(0, 8)}${String(day).padStart(2, '0')}`;
}

export const byId = <T extends { id: string }>(list: T[]) => [...list].sort((x, y) => (x.id < y.id ? -1 : 1));

/** Perform one edit; returns a short description (for failure reports). */
export async function performEdit(s: SimDevice, step: EditStep, ctx: ScenarioContext): Promise<string> {
  const { repo } = s.d;
  const { a, b, c } = step;
  try {
    if (s.role === 'salarie') {
      if (step.kind % 2 === 0 && s.salarieId !== undefined) {
        const comp = pick(byId(await s.d.queries.records.list('competence')), a);
        if (!comp) return 'noop';
        const id = uuidv7();
        await repo.write('evaluation', id, { salarieId: s.salarieId, competenceId: comp.id, level: b % 5, context: 'self', date: ctx.today, evaluatorId: s.userId });
        return `${s.name} auto-évaluation ${id}`;
      }
      const own = pickHot(byId(await s.d.queries.records.list('timeEntry')), a);
      if (!own) return 'noop';
      await repo.write('timeEntry', own.id, { hours: b % 9 });
      return `${s.name} tente de changer ses heures ${own.id}`;
    }

    const scope = await scopeOf(s, ctx.today);
    const kinds = s.role === 'coordinator' ? 9 : 7;
    switch (step.kind % kinds) {
      case 0: {
        const salarieId = pick(scope, a);
        if (!salarieId) return 'noop';
        const id = uuidv7();
        await repo.write('logEntry', id, {
          salarieId, authorId: s.userId, date: ctx.today, category: 'technique', text: `note ${a}`, visibility: VIS[b % 3]!, alert: c % 4 === 0,
        });
        return `${s.name} crée l’entrée ${id} (${VIS[b % 3]})`;
      }
      case 1: {
        const entry = pickHot(byId(await s.d.queries.records.list('logEntry')), a);
        if (!entry) return 'noop';
        await repo.write('logEntry', entry.id, c % 3 === 0 ? { visibility: VIS[b % 3]! } : { text: `modifiée ${b}` });
        return `${s.name} modifie l’entrée ${entry.id}`;
      }
      case 2: {
        const entry = pickHot(byId(await s.d.queries.records.list('logEntry')), a);
        if (!entry) return 'noop';
        await repo.remove('logEntry', entry.id);
        return `${s.name} supprime l’entrée ${entry.id}`;
      }
      case 3: {
        const existing = byId(await s.d.queries.records.list('evaluation'));
        if (c % 2 === 0 && existing.length > 0) {
          const ev = pickHot(existing, a)!;
          await repo.write('evaluation', ev.id, { level: b % 5 });
          return `${s.name} change le niveau ${ev.id}`;
        }
        const salarieId = pick(scope, a);
        const comp = pick(byId(await s.d.queries.records.list('competence')), b);
        if (!salarieId || !comp) return 'noop';
        const id = uuidv7();
        await repo.write('evaluation', id, { salarieId, competenceId: comp.id, level: c % 5, context: 'production', date: ctx.today, evaluatorId: s.userId });
        return `${s.name} évalue ${id}`;
      }
      case 4: {
        const existing = byId(await s.d.queries.records.list('timeEntry'));
        if (c % 2 === 0 && existing.length > 0) {
          const te = pickHot(existing, a)!;
          await repo.write('timeEntry', te.id, { hours: b % 9 });
          return `${s.name} corrige les heures ${te.id}`;
        }
        const salarieId = pick(scope, a);
        if (!salarieId) return 'noop';
        const id = uuidv7();
        await repo.write('timeEntry', id, { salarieId, date: dayOf(ctx, b), hours: c % 9 });
        return `${s.name} saisit des heures ${id}`;
      }
      case 5: {
        const te = pickHot(byId(await s.d.queries.records.list('timeEntry')), a);
        if (!te) return 'noop';
        await repo.remove('timeEntry', te.id);
        return `${s.name} supprime les heures ${te.id}`;
      }
      case 6: {
        const ev = pickHot(byId(await s.d.queries.records.list('evaluation')), a);
        if (!ev) return 'noop';
        await repo.write('evaluation', ev.id, { comment: `commentaire ${b}` });
        return `${s.name} commente ${ev.id}`;
      }
      case 7: {
        // Coordinator: move a salarié to another team (ETI scopes change: resets follow).
        const salarieId = pick(scope, a);
        const team = pick(byId(await s.d.queries.records.list('team')), b);
        if (!salarieId || !team) return 'noop';
        for (const m of await s.d.queries.records.where('membership', 'salarieId', salarieId)) await repo.remove('membership', m.id);
        if (c % 4 !== 0) await repo.write('membership', uuidv7(), { teamId: team.id, salarieId, from: ctx.today });
        return `${s.name} déplace ${salarieId} vers ${c % 4 !== 0 ? team.id : 'aucune équipe'}`;
      }
      default: {
        const entry = pickHot(byId(await s.d.queries.records.list('logEntry')), a);
        if (!entry) return 'noop';
        const id = uuidv7();
        await repo.write('review', id, { logEntryId: entry.id, reviewerId: s.userId, at: new Date().toISOString(), salarieId: entry.salarieId });
        return `${s.name} marque lue ${entry.id}`;
      }
    }
  } catch (e) {
    // A tablet may try something its own checks refuse (e.g. editing what was just deleted).
    if (e instanceof ValidationError) return `${s.name} refusé localement : ${e.message}`;
    throw e;
  }
}

const CONTENDED = [
  { entity: 'logEntry', field: 'text', value: (n: number) => `version ${n}` },
  { entity: 'evaluation', field: 'level', value: (n: number) => n % 5 },
  { entity: 'timeEntry', field: 'hours', value: (n: number) => n % 9 },
] as const;

/**
 * A record both tablets hold and the field they will both write, or undefined. The two
 * writes are returned as functions so the caller decides when each happens.
 */
export async function contendedWrites(x: SimDevice, y: SimDevice, a: number, b: number): Promise<{ what: string; writeX(): Promise<unknown>; writeY(): Promise<unknown> } | undefined> {
  const spec = CONTENDED[a % CONTENDED.length]!;
  const theirs = new Set((await y.d.queries.records.list(spec.entity)).map((r) => r.id));
  const shared = byId((await x.d.queries.records.list(spec.entity)).filter((r) => theirs.has(r.id)));
  const rec = pickHot(shared, b);
  if (!rec) return undefined;
  const write = (s: SimDevice, n: number) => async () => {
    try {
      await s.d.repo.write(spec.entity, rec.id, { [spec.field]: spec.value(n) });
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
    }
  };
  return { what: `${x.name} puis ${y.name} écrivent ${spec.entity}/${rec.id}.${spec.field}`, writeX: write(x, b), writeY: write(y, b + 1) };
}

/** The coordinator moves a salarié between the ETI's teams (or out of any team). */
export async function moveSalarie(coord: SimDevice, a: number, b: number, today: string): Promise<string> {
  const { repo } = coord.d;
  const teams = byId(await coord.d.queries.records.list('team'));
  const members = byId((await coord.d.queries.records.list('membership')).filter((m) => m.from <= today && (m.to == null || m.to >= today)));
  const m = pick(members, a);
  if (!m) return 'noop';
  const others = teams.filter((t) => t.id !== m.teamId);
  const target = b % 5 === 0 ? undefined : pick(others, b);
  for (const old of await coord.d.queries.records.where('membership', 'salarieId', m.salarieId)) await repo.remove('membership', old.id);
  if (target) await repo.write('membership', uuidv7(), { teamId: target.id, salarieId: m.salarieId, from: today });
  return `${coord.name} déplace ${m.salarieId} vers ${target?.id ?? 'aucune équipe'}`;
}
