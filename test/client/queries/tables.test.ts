// The typed table reads every query is built on: only live records, the right index ranges,
// newest first when asked, and fields typed as entities.ts says.
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../src/domain/ids';
import { createRepository } from '../../../src/client/repository';
import { allOf, manyOf, oneOf, rangeOf, rangesOf, whereIn } from '../../../src/client/queries/tables';
import { SAMPLE_IDS, validSample } from '../../fixtures/samples';
import { manualClock, newTestDb } from '../helpers';

const S = SAMPLE_IDS.salarie;

describe('typed table reads', () => {
  it('a salarié’s log newest first, a team’s week of slots, several salariés’ ranges', async () => {
    const { db } = newTestDb();
    const repo = createRepository(db, { now: manualClock().now, structureId: SAMPLE_IDS.structure });
    const other = uuidv7();
    for (const [date, who] of [['2026-11-20', S], ['2026-11-23', S], ['2026-11-21', S], ['2026-11-22', other]] as const) {
      await repo.write('logEntry', uuidv7(), validSample('logEntry', { date, salarieId: who, text: `note ${date}` }));
    }
    expect((await rangeOf(db, 'logEntry', '[salarieId+date]', S, undefined, undefined, true)).map((e) => e.date)).toEqual(['2026-11-23', '2026-11-21', '2026-11-20']);
    expect((await rangesOf(db, 'logEntry', '[salarieId+date]', [S, other], '2026-11-21', '2026-11-22')).map((e) => e.date).sort()).toEqual(['2026-11-21', '2026-11-22']);

    const team = SAMPLE_IDS.team;
    for (const date of ['2026-11-22', '2026-11-23', '2026-11-27', '2026-11-29', '2026-11-30']) {
      await repo.write('planningSlot', uuidv7(), validSample('planningSlot', { date }));
    }
    await repo.write('planningSlot', uuidv7(), validSample('planningSlot', { date: '2026-11-24', teamId: uuidv7() }));
    expect((await rangeOf(db, 'planningSlot', '[teamId+date]', team, '2026-11-23', '2026-11-29')).map((s) => s.date)).toEqual(['2026-11-23', '2026-11-27', '2026-11-29']);
  });

  it('drops deleted records from every read', async () => {
    const { db } = newTestDb();
    const repo = createRepository(db, { now: manualClock().now, structureId: SAMPLE_IDS.structure });
    const kept = uuidv7();
    const removed = uuidv7();
    await repo.write('evaluation', kept, validSample('evaluation', { date: '2026-10-01', level: 1 }));
    await repo.write('evaluation', removed, validSample('evaluation', { date: '2026-11-20', level: 0 }));
    await repo.remove('evaluation', removed);
    expect((await allOf(db, 'evaluation')).map((e) => e.id)).toEqual([kept]);
    expect(await oneOf(db, 'evaluation', removed)).toBeUndefined();
    expect((await manyOf(db, 'evaluation', [kept, removed, uuidv7()])).map((e) => e.id)).toEqual([kept]);
    expect((await whereIn(db, 'evaluation', 'salarieId', [S])).map((e) => e.id)).toEqual([kept]);
    expect(await whereIn(db, 'evaluation', 'salarieId', [])).toEqual([]);
  });

  it('gives typed fields and the record version', async () => {
    const { db } = newTestDb();
    const repo = createRepository(db, { now: manualClock().now, structureId: SAMPLE_IDS.structure });
    const id = uuidv7();
    await repo.write('timeEntry', id, validSample('timeEntry', { hours: 6.5 }));
    const row = await oneOf(db, 'timeEntry', id);
    const hours: number | undefined = row?.hours;
    expect(hours).toBe(6.5);
    expect(row?._v).toBe(1);
  });
});
