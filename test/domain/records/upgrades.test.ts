// The upgrade steps of records: the salarié's exit (exitCategory → exitKind / exitDetail) as a
// table of cases, and the properties every step must keep because records merge field by field:
// upgrading a change in parts equals upgrading it whole, today's shape is left alone, and each
// new field carries the clock of the field it came from.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENTITY_NAMES, ENTITY_UPGRADES, validateSet } from '../../../src/domain/entities';
import { needsUpgrade, upgradeClocked, upgradedNames, upgradeFields, versionOf } from '../../../src/domain/records/upgrades';
import { EXIT_KIND_NAMES, EXIT_KINDS } from '../../../src/domain/rules/exits';
import { EMOJI_PICTOGRAMS, isPictogramName, PICTOGRAM_NAMES } from '../../../src/domain/competences/pictogramNames';

fc.configureGlobal({ seed: 42 });

describe('salarié 1 → 2: the exit', () => {
  it.each([
    ['chomage', { exitKind: 'chomage' }],
    ['Prise des droits à la retraite', { exitKind: 'retraite' }],
    ['  CDD non aidé de moins de 6 mois ', { exitKind: 'cdd_moins_6_mois' }],
    ['emploi_durable', { exitDetail: 'emploi_durable' }],
    ['parti sans nouvelles', { exitDetail: 'parti sans nouvelles' }],
    ['', { exitKind: null }],
    [null, { exitKind: null }],
  ])('exitCategory %j becomes %j', (old, today) => {
    expect(upgradeFields('salarie', 1, { exitCategory: old })).toEqual(today);
  });

  it('every older exit becomes valid today', () => {
    fc.assert(fc.property(fc.oneof(fc.constantFrom(...EXIT_KIND_NAMES), fc.constantFrom(...Object.values(EXIT_KINDS).map((k) => k.label)), fc.string({ maxLength: 200 }), fc.constant(null)), (old) => {
      expect(validateSet('salarie', upgradeFields('salarie', 1, { exitCategory: old }))).toEqual({ ok: true });
    }));
  });

  it('leaves the other fields, and today’s shape, as they are', () => {
    const rec = { firstName: 'Samia', exitDate: '2026-10-31', exitKind: 'cdi' };
    expect(upgradeFields('salarie', 1, rec)).toEqual(rec);
    const current = { exitCategory: 'chomage' };
    expect(upgradeFields('salarie', versionOf('salarie'), current)).toBe(current);
  });

  it('moves clocks with the fields, also for a field cleared', () => {
    expect(upgradeClocked('salarie', 1, { fields: { exitCategory: 'deces', lastName: 'B' }, clocks: { exitCategory: 'h2', lastName: 'h1', deleted: 'h0' } }))
      .toEqual({ fields: { exitKind: 'deces', lastName: 'B' }, clocks: { exitKind: 'h2', lastName: 'h1', deleted: 'h0' } });
    expect(upgradeClocked('salarie', 1, { fields: {}, clocks: { exitCategory: 'h3' } })).toEqual({ fields: {}, clocks: { exitKind: 'h3' } });
    expect(upgradedNames('salarie', 1, 'exitCategory', 'texte libre')).toEqual(['exitDetail']);
    expect(upgradedNames('salarie', 1, 'phone')).toEqual(['phone']);
  });
});

describe('competence 1 → 2: the pictogram, an emoji, becomes a name', () => {
  it.each([
    ['\u{1F331}', 'tondeuse'], // the demo's tonte
    ['\u2702\uFE0F', 'secateur'], // with its variation selector
    ['\u2702', 'secateur'], // without
    ['\u{1F9BA}', 'epi'],
    ['\u26D1\uFE0F', 'casque'],
    ['\u{1F477}\u{1F3FD}', 'casque'], // a skin tone is no part of the meaning
    [' \u{1F9F9} ', 'balai'],
    ['casque', 'casque'], // already a name
    ['\u{1F984}', null], // an emoji no name stands for
    ['tondre', null], // text that names none
    ['', null],
    [null, null],
    [42, null],
  ])('pictogram %j becomes %j', (old, today) => {
    expect(upgradeFields('competence', 1, { pictogram: old })).toEqual({ pictogram: today });
  });

  it('the demo’s and every known emoji become a name; other fields stay; today’s shape is left alone', () => {
    for (const [emoji, name] of EMOJI_PICTOGRAMS) expect(upgradeFields('competence', 1, { pictogram: emoji }), emoji).toEqual({ pictogram: name });
    const rec = { label: 'Tondre', kind: 'technique', safetyCritical: true };
    expect(upgradeFields('competence', 1, rec)).toEqual(rec);
    const current = { pictogram: 'gants' };
    expect(upgradeFields('competence', versionOf('competence'), current)).toBe(current);
    expect(versionOf('competence')).toBe(2);
  });

  it('whatever an older record held, the result is a known name or nothing, and valid today', () => {
    fc.assert(fc.property(fc.oneof(fc.constantFrom(...EMOJI_PICTOGRAMS.keys()), fc.constantFrom(...PICTOGRAM_NAMES), fc.string({ maxLength: 8 }), fc.constant(null)), (old) => {
      const { pictogram } = upgradeFields('competence', 1, { pictogram: old });
      expect(pictogram === null || isPictogramName(pictogram)).toBe(true);
      expect(validateSet('competence', { pictogram })).toEqual({ ok: true });
    }));
  });

  it('keeps the clock of the emoji it replaces, also when cleared', () => {
    expect(upgradeClocked('competence', 1, { fields: { pictogram: '\u{1F33F}', label: 'Désherber' }, clocks: { pictogram: 'h2', label: 'h1' } }))
      .toEqual({ fields: { pictogram: 'pousse', label: 'Désherber' }, clocks: { pictogram: 'h2', label: 'h1' } });
    expect(upgradeClocked('competence', 1, { fields: {}, clocks: { pictogram: 'h3' } })).toEqual({ fields: {}, clocks: { pictogram: 'h3' } });
  });
});

describe('every entity', () => {
  it.each(ENTITY_NAMES)('%s: its version is 1 + its steps, numbered in order', (entity) => {
    const steps = ENTITY_UPGRADES[entity] ?? [];
    expect(versionOf(entity)).toBe(1 + steps.length);
    steps.forEach((s, i) => expect(s.to).toBe(i + 2));
    expect(needsUpgrade(entity, versionOf(entity))).toBe(false);
    expect(needsUpgrade(entity, undefined)).toBe(steps.length > 0);
  });

  // Names of a version-1 record (exitKind did not exist then), with prototype names among them.
  const fieldName = fc.constantFrom('exitCategory', 'pictogram', 'firstName', 'phone', 'toString', '__proto__', 'valueOf', 'x1');
  const value = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom(...EXIT_KIND_NAMES), fc.constant(null), fc.integer());
  const record = fc.dictionary(fieldName, value, { maxKeys: 6 });

  it('upgrading a change in parts equals upgrading it whole (field-wise steps)', () => {
    fc.assert(fc.property(fc.constantFrom(...ENTITY_NAMES), record, (entity, fields) => {
      const whole = upgradeFields(entity, 1, fields);
      const joined: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(fields)) {
        for (const [n, x] of Object.entries(upgradeFields(entity, 1, { [k]: v }))) Object.defineProperty(joined, n, { value: x, enumerable: true });
      }
      expect(joined).toEqual(whole);
    }));
  });

  it('every upgraded field has the clock of the field it came from, and own keys only', () => {
    fc.assert(fc.property(record, (fields) => {
      const clocks = Object.fromEntries(Object.keys(fields).map((k, i) => [k, `h${i}`]));
      const up = upgradeClocked('salarie', 1, { fields, clocks });
      expect(Object.keys(up.clocks).sort()).toEqual(Object.keys(up.fields).sort());
      for (const [k, v] of Object.entries(fields)) {
        for (const n of upgradedNames('salarie', 1, k, v)) expect(up.clocks[n]).toBe(clocks[k]);
      }
      expect(Object.getPrototypeOf(up.fields)).toBe(Object.prototype);
    }));
  });
});
