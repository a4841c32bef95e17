// The field history regrouped for reading: one change per write, newest first, French labels,
// lost values kept and marked, the time the tablet wrote it (not when the server received it).
import { describe, expect, it } from 'vitest';
import { fieldLabel, groupChanges, type FieldHistoryItem } from '../../../src/domain/history/fieldHistory';

const item = (over: Partial<FieldHistoryItem>): FieldHistoryItem => ({
  field: 'phone', value: '06', hlc: '2026-11-02T08:00:00.000Z-0000-dev1', userId: 'u1', deviceId: 'd1', won: true, at: '2026-11-02T09:00:00.000Z', ...over,
});

describe('fieldLabel', () => {
  it.each([
    ['salarie', 'phone', 'Téléphone'],
    ['contract', 'weeklyHours', 'Heures hebdomadaires'],
    ['logEntry', 'visibility', 'Visibilité'],
    ['salarie', 'champInconnu', 'champInconnu'],
  ] as const)('%s.%s → %s', (entity, field, label) => {
    expect(fieldLabel(entity, field)).toBe(label);
  });
});

describe('groupChanges', () => {
  const items = [
    item({ field: 'phone', value: '06 11', hlc: '2026-11-02T08:00:00.000Z-0000-dev1' }),
    item({ field: 'firstName', value: 'Léa', hlc: '2026-11-02T08:00:00.000Z-0000-dev1' }),
    item({ field: 'structureId', value: 'x', hlc: '2026-11-02T08:00:00.000Z-0000-dev1' }),
    item({ field: 'phone', value: '06 22', hlc: '2026-11-03T07:00:00.000Z-0000-dev2', userId: 'u2', deviceId: 'd2', won: false }),
    item({ field: 'phone', value: '06 33', hlc: '2026-11-03T07:30:00.000Z-0000-dev1', at: '2026-11-03T12:00:00.000Z' }),
  ];
  const changes = groupChanges('salarie', items);

  it('one change per write, newest first', () => {
    expect(changes.map((c) => c.fields.map((f) => f.value))).toEqual([['06 33'], ['06 22'], ['Léa', '06 11']]);
  });
  it('fields in the form’s order, with their French label, structureId left out', () => {
    expect(changes[2]?.fields.map((f) => f.label)).toEqual(['Prénom', 'Téléphone']);
  });
  it('keeps the value that lost, marked', () => {
    expect(changes[1]).toMatchObject({ userId: 'u2', fields: [{ value: '06 22', won: false }] });
  });
  it('dates a change by the tablet’s clock, the receipt time when the clock is unreadable', () => {
    expect(changes[0]?.writtenAt).toBe('2026-11-03T07:30:00.000Z');
    expect(groupChanges('salarie', [item({ hlc: 'bizarre' })])[0]?.writtenAt).toBe('2026-11-02T09:00:00.000Z');
  });
});
