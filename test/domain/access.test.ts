// The access table of the contract ("Who may see and write what"), written out by hand and
// checked cell by cell against the rules, plus properties no record may ever break.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { can, canRead, canWrite, visibleFields, type Actor, type RecordView } from '../../src/domain/access';
import { ENTITY_NAMES, ROLES, SALARIE_ENTITIES, type EntityName, type Role } from '../../src/domain/entities';
import type { Fields } from '../../src/sync/protocol';
import { validSample } from '../fixtures/samples';

// --- a small world: structure S1 with teams T1 (run by ETI E) and T2 (run by ETI E2) -------
const id = (n: number) => `01900000-0000-7000-8000-${n.toString().padStart(12, '0')}`;
const S1 = id(1);
const S2 = id(2);
const C = id(10); // coordinator of S1
const E = id(11); // ETI of T1
const E2 = id(12); // ETI of T2
const U = id(13); // salarié login of SA1
const U2 = id(14); // salarié login of SA2
const T1 = id(30);
const T2 = id(31);
const SA1 = id(20); // in T1
const SA2 = id(21); // in T2
const SLOT1 = id(50); // a T1 slot SA1 is assigned to
const SLOT2 = id(51); // a T2 slot
const OTHER = id(99); // any other record id

const coordinator: Actor = { userId: C, role: 'coordinator', structureId: S1, teamIds: new Set(), salarieIds: new Set(), slotIds: new Set(), etiMayEditReferentiel: false };
const eti: Actor = { userId: E, role: 'eti', structureId: S1, teamIds: new Set([T1]), salarieIds: new Set([SA1]), slotIds: new Set(), etiMayEditReferentiel: false };
const salarie: Actor = { userId: U, role: 'salarie', structureId: S1, salarieId: SA1, teamIds: new Set(), salarieIds: new Set(), slotIds: new Set([SLOT1]), etiMayEditReferentiel: false };
const ACTORS: Record<Role, Actor> = { coordinator, eti, salarie };

type Relation = 'scope' | 'otherTeam' | 'otherStructure';
const RELATIONS: readonly Relation[] = ['scope', 'otherTeam', 'otherStructure'];

/**
 * A record of `entity`. `scope`: about SA1 / team T1 / slot SLOT1 (the ETI's team, the salarié
 * themself); `otherTeam`: about SA2 / T2 / SLOT2 in the same structure; `otherStructure`: the
 * `scope` record with another structureId (same ids, so only the structure tells them apart).
 */
function recordOf(entity: EntityName, relation: Relation, extra: Fields = {}): RecordView {
  const mine = relation !== 'otherTeam';
  const structureId = relation === 'otherStructure' ? S2 : S1;
  const sal = mine ? SA1 : SA2;
  const team = mine ? T1 : T2;
  const slot = mine ? SLOT1 : SLOT2;
  const overrides: Fields = {};
  const sample = validSample(entity);
  if ('salarieId' in sample && entity !== 'user') overrides['salarieId'] = sal;
  if ('teamId' in sample) overrides['teamId'] = team;
  if (entity === 'team') overrides['etiUserIds'] = [mine ? E : E2];
  if (entity === 'assignment') overrides['slotId'] = slot;
  if (entity === 'logEntry') overrides['authorId'] = mine ? E : E2;
  if (entity === 'review') overrides['reviewerId'] = C;
  const recordId = entity === 'salarie' ? sal : entity === 'team' ? team : entity === 'planningSlot' ? slot : entity === 'structure' ? structureId : OTHER;
  const view: RecordView = { entity, id: recordId, structureId, fields: { ...sample, ...overrides, ...extra } };
  // The server resolves a review's salarié from its log entry.
  if (entity === 'review') view.salarieId = sal;
  return view;
}

// --- the table, written out: [in scope, other team, other structure] ----------------------
type Cell = 'rw' | 'r' | '-';
type Row = Record<Role, readonly [Cell, Cell, Cell]>;
const DOSSIER: Row = { coordinator: ['rw', 'rw', '-'], eti: ['r', '-', '-'], salarie: ['r', '-', '-'] };
const TEAM_WORK: Row = { coordinator: ['rw', 'rw', '-'], eti: ['rw', '-', '-'], salarie: ['-', '-', '-'] };
const OWN_READ: Row = { coordinator: ['rw', 'rw', '-'], eti: ['rw', '-', '-'], salarie: ['r', '-', '-'] };
const ADMIN: Row = { coordinator: ['rw', 'rw', '-'], eti: ['r', 'r', '-'], salarie: ['-', '-', '-'] };
const REFERENTIEL: Row = { coordinator: ['rw', 'rw', '-'], eti: ['r', 'r', '-'], salarie: ['r', 'r', '-'] };

const TABLE: Record<EntityName, Row> = {
  structure: ADMIN,
  user: ADMIN,
  salarie: DOSSIER,
  contract: DOSSIER,
  passIae: DOSSIER,
  suspension: DOSSIER,
  prolongation: DOSSIER,
  pmsmp: DOSSIER,
  diagnostic: TEAM_WORK,
  onboarding: TEAM_WORK,
  team: TEAM_WORK,
  membership: TEAM_WORK,
  chantier: TEAM_WORK,
  planningSlot: OWN_READ, // the salarié reads the slots they are in
  assignment: OWN_READ,
  timeEntry: OWN_READ,
  activity: REFERENTIEL,
  competence: REFERENTIEL,
  evaluation: OWN_READ, // context production here; self-assessment below
  objective: OWN_READ,
  badge: OWN_READ,
  logEntry: TEAM_WORK, // visibility équipe here; every visibility below
  review: { coordinator: ['rw', 'rw', '-'], eti: ['r', '-', '-'], salarie: ['-', '-', '-'] },
  monthClose: ADMIN,
  decision: { coordinator: ['rw', 'rw', '-'], eti: ['-', '-', '-'], salarie: ['-', '-', '-'] }, // the coordination's own follow-up
};

describe('the access table: role × entity × relation × action', () => {
  it('covers every entity', () => {
    expect(Object.keys(TABLE).sort()).toEqual([...ENTITY_NAMES].sort());
  });

  const cases = ENTITY_NAMES.flatMap((entity) => ROLES.flatMap((role) => RELATIONS.map((relation, i) => ({ entity, role, relation, cell: TABLE[entity][role][i]! }))));

  it.each(cases)('$role on $entity ($relation): $cell', ({ entity, role, relation, cell }) => {
    const actor = ACTORS[role];
    const rec = recordOf(entity, relation);
    expect(can(actor, 'read', rec), 'read').toBe(cell !== '-');
    expect(canRead(actor, rec), 'canRead').toBe(cell !== '-');
    expect(can(actor, 'write', rec), 'write').toBe(cell === 'rw');
    // Saving the record unchanged is a write like any other.
    expect(canWrite(actor, rec, rec), 'canWrite(update)').toBe(cell === 'rw');
  });
});

describe('log entries by visibility', () => {
  type Kind = 'privateBySelf' | 'privateByAnother' | 'team' | 'salarie';
  const entry = (actor: Actor, kind: Kind, relation: Relation = 'scope'): RecordView => recordOf('logEntry', relation, {
    visibility: kind === 'privateBySelf' || kind === 'privateByAnother' ? 'private' : kind,
    authorId: kind === 'privateBySelf' ? actor.userId : kind === 'privateByAnother' ? OTHER : E2,
  });
  const LOG_TABLE: Record<Role, Record<Kind, Cell>> = {
    coordinator: { privateBySelf: 'rw', privateByAnother: '-', team: 'rw', salarie: 'rw' },
    eti: { privateBySelf: 'rw', privateByAnother: '-', team: 'rw', salarie: 'rw' },
    salarie: { privateBySelf: '-', privateByAnother: '-', team: '-', salarie: 'r' },
  };
  const cases = ROLES.flatMap((role) => (['privateBySelf', 'privateByAnother', 'team', 'salarie'] as const).map((kind) => ({ role, kind, cell: LOG_TABLE[role][kind] })));

  it.each(cases)('$role, entry $kind about a salarié in scope: $cell', ({ role, kind, cell }) => {
    const actor = ACTORS[role];
    const rec = entry(actor, kind);
    expect(can(actor, 'read', rec)).toBe(cell !== '-');
    expect(can(actor, 'write', rec)).toBe(cell === 'rw');
  });

  it('an ETI sees no entry about a salarié of another team, not even their own private one', () => {
    for (const kind of ['privateBySelf', 'privateByAnother', 'team', 'salarie'] as const) {
      expect(can(eti, 'read', entry(eti, kind, 'otherTeam')), kind).toBe(false);
      expect(can(eti, 'write', entry(eti, kind, 'otherTeam')), kind).toBe(false);
    }
  });

  it('a salarié never sees an entry shared with another salarié', () => {
    expect(can(salarie, 'read', entry(salarie, 'salarie', 'otherTeam'))).toBe(false);
  });

  it('an entry with no or an unknown visibility is treated as private', () => {
    for (const visibility of [undefined, 'public', null]) {
      const rec = recordOf('logEntry', 'scope', { visibility: visibility ?? null, authorId: E2 });
      expect(can(coordinator, 'read', rec), String(visibility)).toBe(false);
      expect(can(eti, 'read', rec), String(visibility)).toBe(false);
    }
  });
});

describe('self-assessment of a salarié', () => {
  const selfEval = (extra: Fields = {}) => recordOf('evaluation', 'scope', { context: 'self', evaluatorId: U, ...extra });

  it('may add an evaluation of themself, context self, signed by their own user', () => {
    expect(canWrite(salarie, undefined, selfEval())).toBe(true);
    expect(canWrite(salarie, selfEval(), selfEval({ level: 3 }))).toBe(true);
    expect(canRead(salarie, selfEval())).toBe(true);
  });

  it('may not add any other evaluation', () => {
    expect(canWrite(salarie, undefined, selfEval({ context: 'production' }))).toBe(false);
    expect(canWrite(salarie, undefined, selfEval({ context: 'afest' }))).toBe(false);
    expect(canWrite(salarie, undefined, selfEval({ evaluatorId: E }))).toBe(false);
    expect(canWrite(salarie, undefined, selfEval({ salarieId: SA2 }))).toBe(false);
    expect(canWrite(salarie, undefined, recordOf('evaluation', 'otherStructure', { context: 'self', evaluatorId: U }))).toBe(false);
  });

  it('may not turn an ETI’s evaluation into a self-assessment or the reverse', () => {
    const etiEval = recordOf('evaluation', 'scope');
    expect(canWrite(salarie, etiEval, selfEval())).toBe(false);
    expect(canWrite(salarie, selfEval(), selfEval({ context: 'production' }))).toBe(false);
  });

  it('may not write objectives or badges, even their own', () => {
    expect(canWrite(salarie, undefined, recordOf('objective', 'scope'))).toBe(false);
    expect(canWrite(salarie, undefined, recordOf('badge', 'scope'))).toBe(false);
  });
});

describe('planning slots for a salarié', () => {
  it('reads only the slots they are in (slotIds), and writes none', () => {
    expect(canRead(salarie, recordOf('planningSlot', 'scope'))).toBe(true);
    expect(canRead(salarie, recordOf('planningSlot', 'otherTeam'))).toBe(false);
    // A slot of their own team that they are not assigned to.
    expect(canRead(salarie, { ...recordOf('planningSlot', 'scope'), id: OTHER })).toBe(false);
    expect(can(salarie, 'write', recordOf('planningSlot', 'scope'))).toBe(false);
  });
});

describe('référentiel writes by an ETI', () => {
  const allowed: Actor = { ...eti, etiMayEditReferentiel: true };
  it.each([['activity' as const], ['competence' as const]])('%s', (entity) => {
    expect(canWrite(eti, undefined, recordOf(entity, 'scope'))).toBe(false);
    expect(canWrite(allowed, undefined, recordOf(entity, 'scope'))).toBe(true);
    expect(canWrite(allowed, recordOf(entity, 'scope'), recordOf(entity, 'scope', { description: null }))).toBe(true);
    expect(canWrite(allowed, undefined, recordOf(entity, 'otherStructure'))).toBe(false);
    // The setting concerns the référentiel only.
    expect(canWrite(allowed, undefined, recordOf('monthClose', 'scope'))).toBe(false);
    expect(canWrite({ ...salarie, etiMayEditReferentiel: true }, undefined, recordOf(entity, 'scope'))).toBe(false);
  });
});

describe('canWrite refuses moving a record out of scope', () => {
  it('an ETI may not hand an assignment to a salarié outside their teams', () => {
    const before = recordOf('assignment', 'scope');
    expect(canWrite(eti, before, { ...before, fields: { ...before.fields, task: 'Tonte' } })).toBe(true);
    expect(canWrite(eti, before, { ...before, fields: { ...before.fields, salarieId: SA2 } })).toBe(false);
    // Nor bring one in from another team.
    expect(canWrite(eti, recordOf('assignment', 'otherTeam'), before)).toBe(false);
  });

  it('an ETI may not move a chantier or a membership to another team', () => {
    for (const entity of ['chantier', 'membership', 'planningSlot'] as const) {
      const before = recordOf(entity, 'scope');
      expect(canWrite(eti, before, { ...before, fields: { ...before.fields, teamId: T2 } }), entity).toBe(false);
    }
  });

  it('an ETI may not make an entry private when they are not its author', () => {
    const before = recordOf('logEntry', 'scope', { authorId: C, visibility: 'team' });
    expect(canWrite(eti, before, { ...before, fields: { ...before.fields, visibility: 'private' } })).toBe(false);
    // Not even by signing it with their own name first.
    expect(canWrite(eti, before, { ...before, fields: { ...before.fields, visibility: 'private', authorId: E } })).toBe(false);
    expect(canWrite(eti, before, { ...before, fields: { ...before.fields, authorId: E } })).toBe(false);
    // Their own entry they may make private, and share again.
    const own = recordOf('logEntry', 'scope', { authorId: E, visibility: 'team' });
    const ownPrivate = { ...own, fields: { ...own.fields, visibility: 'private' } };
    expect(canWrite(eti, own, ownPrivate)).toBe(true);
    expect(canWrite(eti, ownPrivate, own)).toBe(true);
  });

  it('nobody moves a record to another structure', () => {
    const before = recordOf('chantier', 'scope');
    expect(canWrite(coordinator, before, { ...before, structureId: S2 })).toBe(false);
    expect(canWrite(coordinator, { ...before, structureId: S2 }, before)).toBe(false);
  });
});

describe('nobody writes in someone else’s name', () => {
  it('a new log entry must be signed by its writer', () => {
    expect(canWrite(eti, undefined, recordOf('logEntry', 'scope', { authorId: E }))).toBe(true);
    expect(canWrite(eti, undefined, recordOf('logEntry', 'scope', { authorId: C }))).toBe(false);
    expect(canWrite(coordinator, undefined, recordOf('logEntry', 'scope', { authorId: C }))).toBe(true);
    expect(canWrite(coordinator, undefined, recordOf('logEntry', 'scope', { authorId: E }))).toBe(false);
    expect(canWrite(salarie, undefined, recordOf('logEntry', 'scope', { authorId: U, visibility: 'salarie' }))).toBe(false);
  });

  it('a review is signed by its reviewer', () => {
    expect(canWrite(coordinator, undefined, recordOf('review', 'scope', { reviewerId: C }))).toBe(true);
    expect(canWrite(coordinator, undefined, recordOf('review', 'scope', { reviewerId: E }))).toBe(false);
    const before = recordOf('review', 'scope');
    expect(canWrite(coordinator, before, { ...before, fields: { ...before.fields, reviewerId: OTHER } })).toBe(false);
  });
});

describe('visibleFields', () => {
  it('strips confidential fields for a salarié only', () => {
    const fields = validSample('salarie');
    expect(visibleFields(salarie, 'salarie', fields)).not.toHaveProperty('confidentialNotes');
    expect(visibleFields(salarie, 'salarie', fields)).not.toHaveProperty('prescriber');
    expect(visibleFields(salarie, 'salarie', fields)).toMatchObject({ firstName: fields['firstName'], lastName: fields['lastName'], phone: fields['phone'] });
    expect(visibleFields(salarie, 'contract', validSample('contract'))).not.toHaveProperty('notes');
    expect(visibleFields(salarie, 'prolongation', validSample('prolongation', { notes: 'x' }))).not.toHaveProperty('notes');
    expect(visibleFields(eti, 'salarie', fields)).toEqual(fields);
    expect(visibleFields(coordinator, 'salarie', fields)).toEqual(fields);
    expect(visibleFields(eti, 'contract', validSample('contract'))).toHaveProperty('notes');
  });

  it('leaves entities without confidential fields as they are', () => {
    const fields = validSample('timeEntry');
    expect(visibleFields(salarie, 'timeEntry', fields)).toEqual(fields);
  });
});

// --- properties ----------------------------------------------------------------------------
const pick = <T>(...xs: T[]) => fc.constantFrom(...xs);
const subset = <T>(...xs: T[]) => fc.subarray(xs).map((a) => new Set(a));

const actorArb: fc.Arbitrary<Actor> = fc.record({
  userId: pick(C, E, E2, U, U2),
  role: pick(...ROLES),
  structureId: pick(S1, S2),
  salarieId: fc.option(pick(SA1, SA2), { nil: undefined }),
  teamIds: subset(T1, T2),
  salarieIds: subset(SA1, SA2),
  slotIds: subset(SLOT1, SLOT2),
  etiMayEditReferentiel: fc.boolean(),
});

/** Any record, with the fields the rules look at drawn from the same small world. */
const recordArb: fc.Arbitrary<RecordView> = fc.record({
  entity: pick(...ENTITY_NAMES),
  id: pick(SA1, SA2, T1, T2, SLOT1, SLOT2, OTHER, S1, S2),
  structureId: pick(S1, S2),
  resolvedSalarie: fc.option(pick(SA1, SA2), { nil: undefined }),
  salarieId: pick(SA1, SA2),
  teamId: pick(T1, T2),
  user: pick(C, E, E2, U, U2),
  visibility: pick('private', 'team', 'salarie'),
  context: pick('production', 'afest', 'pmsmp', 'self'),
}).map((g) => {
  const fields = validSample(g.entity);
  for (const [k, v] of [['salarieId', g.salarieId], ['teamId', g.teamId], ['authorId', g.user], ['evaluatorId', g.user], ['reviewerId', g.user], ['visibility', g.visibility], ['context', g.context]] as const) {
    if (k in fields) fields[k] = v;
  }
  const view: RecordView = { entity: g.entity, id: g.id, structureId: g.structureId, fields };
  if (g.entity === 'review') view.salarieId = g.resolvedSalarie;
  return view;
});

/** The salarié a record is about, read straight off the contract's fields. */
function aboutSalarie(rec: RecordView): string | undefined {
  if (rec.entity === 'salarie') return rec.id;
  if (rec.entity === 'review') return rec.salarieId ?? (rec.fields['salarieId'] as string | undefined);
  if (SALARIE_ENTITIES.has(rec.entity)) return rec.fields['salarieId'] as string | undefined;
  return undefined;
}

const PROPS = { seed: 42, numRuns: 3000 } as const;

describe('access properties', () => {
  it('nothing ever crosses structures', () => {
    fc.assert(fc.property(actorArb, recordArb, recordArb, (actor, rec, sameStructure) => {
      const foreign = { ...rec, structureId: actor.structureId === S1 ? S2 : S1 };
      const local = { ...sameStructure, entity: foreign.entity, structureId: actor.structureId };
      expect(can(actor, 'read', foreign)).toBe(false);
      expect(can(actor, 'write', foreign)).toBe(false);
      expect(canWrite(actor, undefined, foreign)).toBe(false);
      expect(canWrite(actor, local, foreign)).toBe(false);
      expect(canWrite(actor, foreign, local)).toBe(false);
    }), PROPS);
  });

  it('a salarié never reads a record about another salarié', () => {
    fc.assert(fc.property(actorArb, recordArb, (a, rec) => {
      const actor: Actor = { ...a, role: 'salarie', salarieId: a.salarieId ?? SA1 };
      const about = aboutSalarie(rec);
      fc.pre(about !== undefined && about !== actor.salarieId);
      expect(canRead(actor, rec)).toBe(false);
    }), PROPS);
  });

  it('a salarié writes nothing but their own self-assessment', () => {
    // The salarié's own ids, so that records about them come up often.
    fc.assert(fc.property(actorArb, fc.option(recordArb, { nil: undefined, freq: 1 }), recordArb, (a, before, after) => {
      const actor: Actor = { ...a, role: 'salarie', userId: U, salarieId: SA1 };
      if (canWrite(actor, before, after)) {
        expect(after.entity).toBe('evaluation');
        expect(after.fields['context']).toBe('self');
        expect(after.fields['evaluatorId']).toBe(actor.userId);
        expect(after.fields['salarieId']).toBe(actor.salarieId);
      }
    }), { seed: 42, numRuns: 20_000 });
  });

  it('canWrite implies canRead of the after-state (and of the before-state)', () => {
    fc.assert(fc.property(actorArb, fc.option(recordArb, { nil: undefined }), recordArb, (actor, before, after) => {
      if (canWrite(actor, before, after)) {
        expect(canRead(actor, after)).toBe(true);
        if (before !== undefined) expect(canRead(actor, before)).toBe(true);
      }
    }), PROPS);
  });

  it('an update allowed by canWrite is allowed on both states', () => {
    fc.assert(fc.property(actorArb, recordArb, recordArb, (actor, before, after) => {
      if (canWrite(actor, before, after)) {
        expect(can(actor, 'write', before)).toBe(true);
        expect(can(actor, 'write', after)).toBe(true);
      }
    }), PROPS);
  });
});
