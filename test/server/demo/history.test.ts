import { describe, it, expect } from 'vitest';
import { buildDemo } from '../../../src/server/demo/demoData';
import { buildHistory } from '../../../src/server/demo/history';
import { countBy, danglingReferences, firstInvalid, ofEntity } from './checks';

const demo = buildDemo('2026-11-22');
const history = buildHistory(demo, { years: 2 });
const all = [...demo.records, ...history];

describe('buildHistory', () => {
  it('gives about 50,000 records for two years', () => {
    expect(history.length).toBeGreaterThanOrEqual(40_000);
    expect(history.length).toBeLessThanOrEqual(60_000);
  });

  it('produces records that pass the entity schemas', () => {
    expect(firstInvalid(history)).toBeUndefined();
  });

  it('only points to records of the demo or of the history, and to demo users', () => {
    expect(danglingReferences(all, demo.users)).toEqual([]);
  });

  it('never reuses an id of the demo or of itself', () => {
    const ids = new Set(all.map((r) => r.id));
    expect(ids.size).toBe(all.length);
  });

  it('adds no structure, team, référentiel or user records: the same structure, with a past', () => {
    const c = countBy(history);
    for (const entity of ['structure', 'team', 'activity', 'competence', 'user', 'monthClose']) expect(c[entity], entity).toBeUndefined();
    for (const entity of ['timeEntry', 'planningSlot', 'assignment', 'evaluation', 'logEntry', 'salarie', 'contract', 'chantier']) {
      expect(c[entity] ?? 0, entity).toBeGreaterThan(0);
    }
  });

  it('stays before the demo month, with at most one time entry per salarié and day', () => {
    const firstDemoDay = ofEntity(demo.records, 'timeEntry').map((r) => String(r.fields['date'])).sort()[0] ?? '';
    const times = ofEntity(history, 'timeEntry');
    expect(times.every((r) => String(r.fields['date']) < firstDemoDay)).toBe(true);
    const keys = ofEntity(all, 'timeEntry').map((r) => `${String(r.fields['salarieId'])}|${String(r.fields['date'])}`);
    expect(new Set(keys).size).toBe(keys.length);
    const oldest = times.map((r) => String(r.fields['date'])).sort()[0] ?? '';
    expect(oldest >= '2024-08-01' && oldest <= '2024-09-30').toBe(true);
  });

  it('has past salariés who all left, with an exit date and kind', () => {
    const past = ofEntity(history, 'salarie');
    expect(past.length).toBeGreaterThan(20);
    expect(past.every((r) => typeof r.fields['exitDate'] === 'string' && typeof r.fields['exitKind'] === 'string')).toBe(true);
  });

  it('is the same for the same input and differs with the seed', () => {
    const again = buildHistory(buildDemo('2026-11-22'), { years: 2 });
    expect(again.length).toBe(history.length);
    expect(JSON.stringify(again)).toBe(JSON.stringify(history));
    const other = buildHistory(demo, { years: 2, seed: 2 });
    expect(JSON.stringify(other.slice(0, 50))).not.toBe(JSON.stringify(history.slice(0, 50)));
  });

  it('scales with the number of years', () => {
    const half = buildHistory(demo, { years: 0.5 });
    expect(half.length).toBeGreaterThan(5_000);
    expect(half.length).toBeLessThan(history.length / 2);
    expect(buildHistory(demo, { years: 0 })).toEqual([]);
  });
});
