// Field validation of every entity: what a push with a bad field gets back (the field named, a
// French message), and that a realistic record of each entity passes.
import { describe, it, expect } from 'vitest';
import { confidentialFields, ENTITIES, ENTITY_NAMES, SALARIE_ENTITIES, validateComplete, validateSet, type EntityName } from '../../src/domain/entities';
import * as constants from '../../src/domain/entityConstants';
import { SAMPLE_IDS, validSample } from '../fixtures/samples';

function rejected(entity: EntityName, set: Record<string, unknown>): { field: string; message: string } {
  const r = validateSet(entity, set);
  if (r.ok) throw new Error(`expected ${entity} ${JSON.stringify(set).slice(0, 80)} to be rejected`);
  return r;
}

describe('valid samples', () => {
  it.each(ENTITY_NAMES.map((e) => [e]))('%s sample passes validateSet and validateComplete', (entity) => {
    const fields = validSample(entity);
    expect(validateSet(entity, fields)).toEqual({ ok: true });
    expect(validateComplete(entity, fields)).toEqual({ ok: true });
  });

  it('samples set every required field of their entity', () => {
    for (const entity of ENTITY_NAMES) {
      const fields = validSample(entity);
      for (const [name, spec] of Object.entries(ENTITIES[entity].fields)) {
        if (spec.required) expect(fields[name], `${entity}.${name}`).not.toBeUndefined();
      }
    }
  });

  it('validSample returns a fresh copy with overrides', () => {
    const a = validSample('team');
    (a['etiUserIds'] as string[]).push('x');
    expect(validSample('team')['etiUserIds']).toEqual([SAMPLE_IDS.eti]);
    expect(validSample('timeEntry', { hours: 3.5 })['hours']).toBe(3.5);
  });

  it('structureId is accepted when it is a UUID', () => {
    expect(validateSet('chantier', { structureId: SAMPLE_IDS.structure })).toEqual({ ok: true });
    expect(rejected('chantier', { structureId: 'structure-1' }).field).toBe('structureId');
  });

  it('null clears an optional field', () => {
    expect(validateSet('salarie', { phone: null, exitDate: null })).toEqual({ ok: true });
  });
});

describe('validateSet names the bad field', () => {
  it('wrong types', () => {
    expect(rejected('timeEntry', { hours: '7' }).field).toBe('hours');
    expect(rejected('logEntry', { alert: 'oui' }).field).toBe('alert');
    expect(rejected('team', { etiUserIds: SAMPLE_IDS.eti }).field).toBe('etiUserIds');
    expect(rejected('salarie', { firstName: 42 }).field).toBe('firstName');
    expect(rejected('evaluation', { level: 2.5 }).field).toBe('level');
    expect(rejected('evaluation', { level: 5 }).field).toBe('level');
    expect(rejected('evaluation', { context: 'autre' }).field).toBe('context');
    expect(rejected('timeEntry', { hours: 25 }).field).toBe('hours');
    expect(rejected('timeEntry', { hours: -1 }).field).toBe('hours');
    expect(rejected('planningSlot', { startTime: '8h00' }).field).toBe('startTime');
    expect(rejected('planningSlot', { startTime: '24:00' }).field).toBe('startTime');
    expect(rejected('monthClose', { month: '2026-13' }).field).toBe('month');
    expect(rejected('diagnostic', { levels: { langue: 5 } }).field).toBe('levels');
    expect(rejected('diagnostic', { levels: { inconnu: 2 } }).field).toBe('levels');
  });

  it('the message is in French and names the field label', () => {
    const r = rejected('timeEntry', { hours: '7' });
    expect(r.message).toContain('Heures travaillées');
  });

  it('huge strings', () => {
    expect(rejected('salarie', { firstName: 'a'.repeat(201) }).field).toBe('firstName');
    expect(rejected('logEntry', { text: 'a'.repeat(10_001) }).field).toBe('text');
    expect(rejected('logEntry', { text: 'a'.repeat(10_001) }).message).toMatch(/trop long/);
    expect(validateSet('logEntry', { text: 'a'.repeat(10_000) })).toEqual({ ok: true });
  });

  it('invalid UUIDs', () => {
    expect(rejected('membership', { teamId: 'team-1' }).field).toBe('teamId');
    expect(rejected('logEntry', { authorId: '01900000-0000-7000-8000-00000000001' }).field).toBe('authorId');
    expect(rejected('team', { etiUserIds: [SAMPLE_IDS.eti, 'not-an-id'] }).field).toBe('etiUserIds');
    // A ULID is an accepted id too.
    expect(validateSet('membership', { teamId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' })).toEqual({ ok: true });
  });

  it('invalid dates', () => {
    expect(rejected('timeEntry', { date: '2026-02-30' }).field).toBe('date');
    expect(rejected('timeEntry', { date: '2026-02-29' }).field).toBe('date');
    expect(rejected('contract', { start: '2026-13-01' }).field).toBe('start');
    expect(rejected('contract', { start: '22/11/2026' }).field).toBe('start');
    expect(rejected('contract', { start: '2026-11-22T10:00:00Z' }).field).toBe('start');
    expect(validateSet('timeEntry', { date: '2028-02-29' })).toEqual({ ok: true });
  });

  it('reserved names', () => {
    // JSON.parse makes __proto__ an own key, as a malicious request body would.
    const proto = JSON.parse('{"__proto__": {"admin": true}}') as Record<string, unknown>;
    expect(rejected('chantier', proto).field).toBe('__proto__');
    expect(rejected('chantier', { id: SAMPLE_IDS.chantier }).field).toBe('id');
    expect(rejected('chantier', { deleted: true }).field).toBe('deleted');
    expect(rejected('chantier', { constructor: 'x' }).field).toBe('constructor');
  });

  it('unknown fields must be small, plain and well named', () => {
    expect(validateSet('chantier', { futureField: { a: [1, 2] } })).toEqual({ ok: true });
    expect(rejected('chantier', { futureField: 'a'.repeat(10_001) }).field).toBe('futureField');
    expect(rejected('chantier', { 'bad name': 1 }).field).toBe('bad name');
    expect(rejected('chantier', { ['x'.repeat(65)]: 1 }).field).toBe('x'.repeat(65));
    expect(rejected('chantier', { futureField: undefined }).field).toBe('futureField');
  });

  it('null on required fields', () => {
    const r = rejected('logEntry', { visibility: null });
    expect(r.field).toBe('visibility');
    expect(r.message).toMatch(/obligatoire/);
    expect(rejected('membership', { salarieId: null }).field).toBe('salarieId');
  });

  it('names the first bad field when several are wrong', () => {
    expect(rejected('timeEntry', { salarieId: SAMPLE_IDS.salarie, date: 'hier', hours: 'sept' }).field).toBe('date');
  });
});

describe('validateComplete', () => {
  it('names the first missing required field, in schema order', () => {
    const r = validateComplete('logEntry', { salarieId: SAMPLE_IDS.salarie, date: '2026-11-23' });
    expect(r).toMatchObject({ ok: false, field: 'authorId' });
    if (!r.ok) expect(r.message).toContain('Auteur');
  });

  it('treats null as missing', () => {
    expect(validateComplete('membership', validSample('membership', { from: null }))).toMatchObject({ ok: false, field: 'from' });
  });

  it('does not require optional fields', () => {
    expect(validateComplete('membership', validSample('membership', { to: null }))).toEqual({ ok: true });
  });

  it.each(ENTITY_NAMES.map((e) => [e]))('%s: removing any required field is caught', (entity) => {
    for (const [name, spec] of Object.entries(ENTITIES[entity].fields)) {
      if (!spec.required) continue;
      const fields = validSample(entity);
      delete fields[name];
      expect(validateComplete(entity, fields)).toMatchObject({ ok: false, field: name });
    }
  });
});

describe('the zod-free facts (entityConstants.ts) against the schemas', () => {
  it('every confidential field is a field of its entity', () => {
    for (const entity of ENTITY_NAMES) {
      for (const f of confidentialFields(entity)) expect(Object.keys(ENTITIES[entity].fields), `${entity}.${f}`).toContain(f);
    }
    expect(confidentialFields('salarie')).toEqual(['confidentialNotes', 'prescriber']);
    expect(confidentialFields('logEntry')).toEqual([]);
  });

  it('every entity about one salarié has a required salarieId', () => {
    for (const entity of SALARIE_ENTITIES) {
      expect((ENTITIES[entity].fields as Record<string, { required: boolean } | undefined>)['salarieId']?.required, entity).toBe(true);
    }
  });

  it('entities.ts re-exports the same names, and has a schema for each of them', () => {
    expect(ENTITY_NAMES).toBe(constants.ENTITY_NAMES);
    expect(new Set(Object.keys(ENTITIES))).toEqual(new Set(constants.ENTITY_NAMES));
  });
});
