// Field names that Object.prototype also holds (`valueOf`, `toString`, `__proto__`…), where the
// domain looks fields up by name: validation refuses them naming the field (it used to crash on
// `spec.fields.valueOf.schema`), and the lookups that meet older or foreign data read own
// properties only. Numbers JSON cannot carry are refused the same way.
import { describe, expect, it } from 'vitest';
import { visibleFields, type Actor } from '../../src/domain/access';
import { ENTITY_NAMES, validateComplete, validateSet } from '../../src/domain/entities';
import { fieldLabel } from '../../src/domain/history/fieldHistory';
import { PROTOTYPE_NAMES, setOwn } from '../../src/domain/ownKeys';
import { upgradeClocked } from '../../src/domain/records/upgrades';
import { validSample } from '../fixtures/samples';

const KEYS = [...PROTOTYPE_NAMES];

function withKey(base: Record<string, unknown>, k: string, v: unknown): Record<string, unknown> {
  const out = { ...base };
  setOwn(out, k, v);
  return out;
}

describe('field names of Object.prototype', () => {
  it.each(ENTITY_NAMES.map((e) => [e]))('%s: every such name is refused, naming it', (entity) => {
    for (const k of KEYS) {
      expect(validateSet(entity, withKey(validSample(entity), k, 1))).toEqual({ ok: false, field: k, message: expect.stringContaining(k) });
    }
  });

  it('a complete record is judged on its own fields only', () => {
    // A required field missing is missing, even if Object.prototype has a member by a listed name.
    expect(validateComplete('team', {}).ok).toBe(false);
    expect(validateComplete('team', validSample('team')).ok).toBe(true);
  });

  it('an older record upgraded keeps no inherited clock', () => {
    const out = upgradeClocked('salarie', 1, { fields: withKey({ firstName: 'A' }, 'valueOf', 1), clocks: { firstName: 'h1' } });
    expect(Object.hasOwn(out.clocks, 'valueOf')).toBe(false);
    expect(out.clocks['firstName']).toBe('h1');
    expect(Object.hasOwn(out.fields, 'valueOf')).toBe(true);
  });

  it('a history line names an unknown field by itself, whatever the name', () => {
    for (const k of KEYS) expect(fieldLabel('salarie', k)).toBe(k);
    expect(fieldLabel('salarie', 'firstName')).toBe('Prénom');
  });

  it('what a salarié receives keeps such a name as plain data, never as a prototype', () => {
    const actor: Actor = { userId: 'u', role: 'salarie', structureId: 's', salarieId: 'x', teamIds: new Set(), salarieIds: new Set(), slotIds: new Set(), etiMayEditReferentiel: false };
    const fields = JSON.parse('{"firstName": "A", "confidentialNotes": "secret", "__proto__": {"polluted": true}}') as Record<string, unknown>;
    const out = visibleFields(actor, 'salarie', fields);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out).sort()).toEqual(['__proto__', 'firstName']);
  });
});

describe('numbers JSON cannot carry', () => {
  it.each([Infinity, -Infinity, NaN])('%s in an unknown field, even nested, is refused naming the field', (n) => {
    expect(validateSet('team', { name: 'x', extra: n })).toMatchObject({ ok: false, field: 'extra' });
    expect(validateSet('team', { name: 'x', extra: { deep: [1, n] } })).toMatchObject({ ok: false, field: 'extra' });
  });

  it('in a known numeric field, refused too', () => {
    expect(validateSet('timeEntry', { hours: Infinity })).toMatchObject({ ok: false, field: 'hours' });
    expect(validateSet('evaluation', { level: -Infinity })).toMatchObject({ ok: false, field: 'level' });
  });
});
