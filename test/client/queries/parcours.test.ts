// The parcours board and « À décider » against a real device database: each salarié's last livret
// entry whether it is in the recent weeks (one range of the `date` index) or older (the per-person
// walk taken only then), deleted entries skipped, a future-dated one counted; a due objective's
// level from the latest evaluation of its pair only; salariés not en parcours left out; a handled
// deadline gone from « À décider ».
import { describe, expect, it } from 'vitest';
import { createRepository } from '../../../src/client/repository';
import { parcoursQueries, RECENT_ENTRY_DAYS } from '../../../src/client/queries/parcours';
import { addDays } from '../../../src/domain/rules/dates';
import { newTestDb } from '../helpers';
import { id, STRUCTURE } from './ids';

const [AMINA, BRUNO, CHLOE, DAVID, EMMA] = [id(201), id(202), id(203), id(204), id(205)];
const ETI = id(2);
const COORD = id(3);
const [WELD, PAINT] = [id(301), id(302)];
const TODAY = '2026-11-20';
const sid = { structureId: STRUCTURE };

async function world() {
  const { db } = newTestDb();
  const repo = createRepository(db, sid);
  await repo.write('structure', STRUCTURE, { ...sid, name: 'Les Jardins', type: 'ACI' });
  const person = (salarieId: string, firstName: string, lastName: string, extra: { exitDate?: string } = {}) =>
    repo.write('salarie', salarieId, { ...sid, firstName, lastName, entryDate: '2026-01-05', ...extra });
  await person(AMINA, 'Amina', 'Diallo');
  await person(BRUNO, 'Bruno', 'Martin');
  await person(CHLOE, 'Chloé', 'Petit');
  await person(DAVID, 'David', 'Roux');
  await person(EMMA, 'Emma', 'Sorti', { exitDate: '2026-06-30' });
  let n = 600;
  const entry = async (salarieId: string, date: string) => {
    n += 1;
    await repo.write('logEntry', id(n), { ...sid, salarieId, authorId: ETI, date, category: 'technique', text: `Note ${n}`, visibility: 'team', alert: false });
    return id(n);
  };
  return { db, repo, q: parcoursQueries(db), entry };
}

describe('parcours queries: board', () => {
  it('finds each last livret entry, recent or older, skipping deleted ones and counting a future date', async () => {
    const { repo, q, entry } = await world();
    const windowStart = addDays(TODAY, -RECENT_ENTRY_DAYS);
    // Amina: a recent entry, and a later one deleted.
    await entry(AMINA, '2026-11-02');
    await entry(AMINA, '2026-10-01');
    await repo.remove('logEntry', await entry(AMINA, '2026-11-18'));
    // Bruno: only older entries; his latest, exactly on the range's start, is deleted.
    await entry(BRUNO, '2026-06-10');
    await entry(BRUNO, '2026-08-14');
    await repo.remove('logEntry', await entry(BRUNO, windowStart));
    // Chloé: one entry exactly on the range's start, and one dated ahead.
    await entry(CHLOE, windowStart);
    await entry(CHLOE, '2026-12-01');
    // David: none. Emma has left: not on the board, her entry does not matter.
    await entry(EMMA, '2026-11-19');

    const board = await q.board(TODAY);
    const last = new Map(board.rows.map((r) => [r.lastName, r.lastEntryDate]));
    expect(last).toEqual(new Map([['Diallo', '2026-11-02'], ['Martin', '2026-08-14'], ['Petit', '2026-12-01'], ['Roux', null]]));
  });

  it('counts a due objective late from the latest evaluation of its own competence only', async () => {
    const { repo, q } = await world();
    const evaluation = (n: number, salarieId: string, competenceId: string, level: number, date: string) =>
      repo.write('evaluation', id(n), { ...sid, salarieId, competenceId, level, context: 'production', date, evaluatorId: ETI });
    await repo.write('objective', id(900), { ...sid, salarieId: AMINA, competenceId: WELD, targetLevel: 3, dueDate: '2026-11-01' });
    await repo.write('objective', id(901), { ...sid, salarieId: BRUNO, competenceId: WELD, targetLevel: 3, dueDate: '2026-11-01' });
    // Amina reached level 3 in welding, then was marked 2 later: late. Her painting level 4 does not count.
    await evaluation(700, AMINA, WELD, 3, '2026-09-01');
    await evaluation(701, AMINA, WELD, 2, '2026-10-01');
    await evaluation(702, AMINA, PAINT, 4, '2026-10-15');
    // Bruno reached it: not late. Chloé's evaluation without an objective changes nothing.
    await evaluation(703, BRUNO, WELD, 3, '2026-10-20');
    await evaluation(704, CHLOE, WELD, 1, '2026-10-20');

    const board = await q.board(TODAY);
    const late = new Map(board.rows.map((r) => [r.lastName, r.objectivesLate]));
    expect(late).toEqual(new Map([['Diallo', 1], ['Martin', 0], ['Petit', 0], ['Roux', 0]]));
  });
});

describe('parcours queries: « À décider »', () => {
  it('lists a coming contract end until a decision answers it', async () => {
    const { repo, q } = await world();
    await repo.write('contract', id(800), { ...sid, salarieId: AMINA, type: 'cddi', weeklyHours: 26, start: '2026-09-01', end: '2026-12-31' });
    await repo.write('contract', id(801), { ...sid, salarieId: EMMA, type: 'cddi', weeklyHours: 26, start: '2026-03-01', end: '2026-12-31' });
    const before = await q.toDecide(TODAY);
    expect(before.map((i) => [i.lastName, i.deadline.kind])).toEqual([['Diallo', 'contract_end']]);
    await repo.write('decision', id(850), { ...sid, salarieId: AMINA, deadlineKey: before[0]!.deadline.key, decidedOn: TODAY, decidedBy: COORD, note: 'Renouvelé.' });
    expect(await q.toDecide(TODAY)).toEqual([]);
  });
});
