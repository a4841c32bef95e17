// The competence reads against a real device database: the matrix's frame (which activity, which
// members, their objectives), each salarié's levels (the latest evaluation per competence, the
// self-assessment apart, deleted evaluations gone), the same levels for several salariés read at
// once either way (a few by index, most by one table read), the memory « Aujourd'hui » fills (per
// user), the référentiel's lists by French order, and one salarié's parcours and badges.
import { describe, expect, it } from 'vitest';
import { createRepository } from '../../../src/client/repository';
import { competencesQueries } from '../../../src/client/queries/competences';
import { frameKey } from '../../../src/client/queries/matrix';
import type { EntitySet } from '../../../src/client/rows';
import type { EntityName } from '../../../src/domain/entities';
import type { EvaluationContext } from '../../../src/domain/competences/evaluationContexts';
import { matrixKey } from '../../../src/domain/rules/matrix';
import { newTestDb } from '../helpers';
import { id, STRUCTURE } from './ids';

const ETI = id(2);
const OTHER_USER = id(3);
const AMINA = id(201);
const BRUNO = id(202);
const CHLOE = id(203);
const TEAM = id(300);
const OTHER_TEAM = id(301);
const GREEN = id(400);
const SORTING = id(410);
const TONTE = id(401);
const EPI = id(402);
const HAIE = id(403);
const TRI = id(411);
const TODAY = '2026-11-20';

/** Two teams: « Espaces verts » (Amina, Bruno) on its activity, « Tri » (Chloé) on another. */
async function world() {
  const { db } = newTestDb();
  const repo = createRepository(db, { structureId: STRUCTURE });
  const put = <E extends EntityName>(entity: E, rid: string, set: EntitySet<E>) => repo.write(entity, rid, { structureId: STRUCTURE, ...set });
  await put('structure', STRUCTURE, { name: 'Jardins du Lien', type: 'ACI' });
  await put('user', ETI, { login: 'eti1', displayName: 'Karim Benali', role: 'eti' });
  await put('salarie', AMINA, { firstName: 'Amina', lastName: 'Diallo', phone: '06 12 34 56 78' });
  await put('salarie', BRUNO, { firstName: 'Bruno', lastName: 'Martin' });
  await put('salarie', CHLOE, { firstName: 'Chloé', lastName: 'Petit' });
  await put('activity', SORTING, { name: 'Tri textile', romeCodes: ['H3302'] });
  await put('activity', GREEN, { name: 'Entretien des espaces verts' });
  await put('team', TEAM, { name: 'Espaces verts', etiUserIds: [ETI], activityId: GREEN });
  await put('team', OTHER_TEAM, { name: 'Tri', etiUserIds: [ETI], activityId: SORTING });
  await put('membership', id(501), { teamId: TEAM, salarieId: AMINA, from: '2026-01-01' });
  await put('membership', id(502), { teamId: TEAM, salarieId: BRUNO, from: '2026-01-01' });
  await put('membership', id(503), { teamId: OTHER_TEAM, salarieId: CHLOE, from: '2026-01-01' });
  await put('competence', TONTE, { activityId: GREEN, label: 'Tondre une pelouse', pictogram: '🌱', kind: 'technique' });
  await put('competence', EPI, { activityId: GREEN, label: 'Porter les EPI', kind: 'securite', safetyCritical: true });
  await put('competence', HAIE, { activityId: GREEN, label: 'Élaguer une haie' });
  await put('competence', TRI, { activityId: SORTING, label: 'Trier les textiles' });
  let n = 600;
  const evaluate = async (salarieId: string, competenceId: string, level: number, context: EvaluationContext, date: string, comment?: string) => {
    const rid = id(++n);
    await put('evaluation', rid, { salarieId, competenceId, level, context, date, evaluatorId: ETI, ...(comment === undefined ? {} : { comment }) });
    return rid;
  };
  return { db, repo, put, evaluate, q: competencesQueries(db) };
}

describe('competences queries', () => {
  it('levelsOf: typed rows, the latest official level per competence, the self-assessment apart, deleted ones gone', async () => {
    const { repo, evaluate, q } = await world();
    await evaluate(AMINA, TONTE, 1, 'production', '2026-09-01', 'Première fois');
    await evaluate(AMINA, TONTE, 3, 'afest', '2026-11-05');
    await evaluate(AMINA, TONTE, 2, 'pmsmp', '2026-10-15');
    await evaluate(AMINA, TONTE, 4, 'self', '2026-11-10');
    const wrong = await evaluate(AMINA, EPI, 4, 'production', '2026-11-12');
    await evaluate(AMINA, EPI, 1, 'production', '2026-10-01');
    await evaluate(BRUNO, TONTE, 2, 'production', '2026-11-01');
    await repo.remove('evaluation', wrong);

    const { evaluations, cells } = await q.levelsOf(AMINA);
    // Only Amina's, the deleted one left out; fields typed as the schema says.
    expect(evaluations).toHaveLength(5);
    expect(evaluations.every((e) => e.salarieId === AMINA)).toBe(true);
    const first = evaluations.find((e) => e.comment === 'Première fois');
    expect(first).toMatchObject({ level: 1, context: 'production', date: '2026-09-01', evaluatorId: ETI });
    expect(typeof first?.level).toBe('number');
    expect(evaluations.find((e) => e.context === 'afest')?.comment).toBeUndefined();

    const tonte = cells.get(matrixKey(AMINA, TONTE));
    expect(tonte?.level).toBe(3);
    expect(tonte?.official?.date).toBe('2026-11-05');
    expect(tonte?.self?.level).toBe(4);
    // The deleted 4 does not count: the level left is the earlier 1.
    expect(cells.get(matrixKey(AMINA, EPI))?.level).toBe(1);
    expect(cells.has(matrixKey(BRUNO, TONTE))).toBe(false);
    expect((await q.levelsOf(BRUNO)).cells.get(matrixKey(BRUNO, TONTE))?.level).toBe(2);
    expect(await q.levelsOf(CHLOE)).toEqual({ evaluations: [], cells: new Map() });
  });

  it('levelsOfMany: the same levels per salarié whether a few are read by index or most by one table read', async () => {
    const { repo, evaluate, q } = await world();
    await evaluate(AMINA, TONTE, 2, 'production', '2026-10-01');
    await evaluate(AMINA, TONTE, 3, 'production', '2026-11-01');
    await evaluate(BRUNO, EPI, 1, 'production', '2026-11-01');
    const gone = await evaluate(BRUNO, EPI, 4, 'production', '2026-11-02');
    await evaluate(CHLOE, TRI, 4, 'production', '2026-11-01');
    await repo.remove('evaluation', gone);

    // One of three salariés on the device: by index. All three: the whole table, filtered.
    const few = await q.levelsOfMany([AMINA], 3);
    const most = await q.levelsOfMany([AMINA, BRUNO, CHLOE], 3);
    expect([...few.keys()]).toEqual([AMINA]);
    expect([...most.keys()]).toEqual([AMINA, BRUNO, CHLOE]);
    expect(few.get(AMINA)?.cells.get(matrixKey(AMINA, TONTE))?.level).toBe(3);
    expect(most.get(AMINA)?.cells).toEqual(few.get(AMINA)?.cells);
    expect(most.get(BRUNO)?.evaluations.map((e) => e.level)).toEqual([1]);
    expect(most.get(CHLOE)?.cells.get(matrixKey(CHLOE, TRI))?.level).toBe(4);
    // Each salarié's levels equal their own read, so a live read that follows renders nothing.
    for (const sid of [AMINA, BRUNO, CHLOE]) {
      const own = await q.levelsOf(sid);
      expect(own.cells).toEqual(most.get(sid)?.cells);
      expect(own.evaluations.map((e) => e.id).sort()).toEqual(most.get(sid)?.evaluations.map((e) => e.id).sort());
    }
    expect(await q.levelsOfMany([], 3)).toEqual(new Map());
  });

  it('matrixFrame: the team’s activity and members, their objectives by cell, the chosen activity first', async () => {
    const { put, repo, q } = await world();
    await put('objective', id(701), { salarieId: BRUNO, competenceId: TONTE, targetLevel: 3, dueDate: '2026-12-01' });
    await put('objective', id(702), { salarieId: BRUNO, competenceId: TONTE, targetLevel: 4, dueDate: '2027-06-01', comment: 'Autonome au printemps' });
    await put('objective', id(703), { salarieId: CHLOE, competenceId: TRI, targetLevel: 2, dueDate: '2026-12-01' });
    await put('objective', id(704), { salarieId: AMINA, competenceId: EPI, targetLevel: 2, dueDate: '2026-12-01' });
    await repo.remove('objective', id(704));

    const team = await q.matrixFrame(TODAY, TEAM, '');
    expect(team.activities.map((a) => a.name)).toEqual(['Entretien des espaces verts', 'Tri textile']);
    expect(team.activities.find((a) => a.id === SORTING)?.romeCodes).toEqual(['H3302']);
    expect(team.activityId).toBe(GREEN);
    expect(team.members.map((m) => m.firstName)).toEqual(['Amina', 'Bruno']);
    expect(team.competences.map((c) => c.label)).toEqual(['Élaguer une haie', 'Porter les EPI', 'Tondre une pelouse']);
    expect(team.competences.find((c) => c.id === EPI)).toMatchObject({ kind: 'securite', safetyCritical: true });
    expect(team.objectives.get(matrixKey(BRUNO, TONTE))?.map((o) => o.targetLevel)).toEqual([3, 4]);
    expect(team.objectives.has(matrixKey(CHLOE, TRI))).toBe(false);
    expect(team.objectives.has(matrixKey(AMINA, EPI))).toBe(false);
    expect(team.names.get(ETI)).toBe('Karim Benali');
    expect(team.onDevice).toBe(3);

    // Every team: all members; with two teams, the first activity by name unless one is chosen.
    const all = await q.matrixFrame(TODAY, '', '');
    expect(all.members.map((m) => m.firstName)).toEqual(['Amina', 'Bruno', 'Chloé']);
    expect(all.activityId).toBe(GREEN);
    expect(all.objectives.get(matrixKey(CHLOE, TRI))).toHaveLength(1);
    const chosen = await q.matrixFrame(TODAY, TEAM, SORTING);
    expect(chosen.activityId).toBe(SORTING);
    expect(chosen.competences.map((c) => c.id)).toEqual([TRI]);
  });

  it('warmMatrix: fills the memory with the first open’s frame and every member’s levels, keyed by user', async () => {
    const { evaluate, q } = await world();
    await evaluate(CHLOE, TRI, 2, 'production', '2026-11-01');
    await q.warmMatrix(ETI, TODAY);
    const frame = q.matrixMemory.frames.get(frameKey(ETI, TODAY, '', ''));
    expect(frame?.members.map((m) => m.id)).toEqual([AMINA, BRUNO, CHLOE]);
    expect([...q.matrixMemory.levels.keys()].sort()).toEqual([AMINA, BRUNO, CHLOE]);
    expect(q.matrixMemory.levels.get(CHLOE)?.cells.get(matrixKey(CHLOE, TRI))?.level).toBe(2);
    // Another user of the tablet finds nothing painted for them.
    expect(q.matrixMemory.frames.get(frameKey(OTHER_USER, TODAY, '', ''))).toBeUndefined();
    // Another device database starts with an empty memory.
    const other = await world();
    expect(other.q.matrixMemory.frames.get(frameKey(ETI, TODAY, '', ''))).toBeUndefined();
    expect(other.q.matrixMemory.levels.size).toBe(0);
  });

  it('progressOf, badgesOf and the référentiel lists: one salarié’s rows only, deleted ones gone, by French order', async () => {
    const { put, repo, evaluate, q } = await world();
    await evaluate(AMINA, HAIE, 3, 'production', '2026-11-01');
    await evaluate(BRUNO, HAIE, 1, 'production', '2026-11-01');
    await put('objective', id(701), { salarieId: AMINA, competenceId: TONTE, targetLevel: 3, dueDate: '2026-12-01' });
    await put('objective', id(702), { salarieId: BRUNO, competenceId: TONTE, targetLevel: 3, dueDate: '2026-12-01' });
    await put('badge', id(801), { salarieId: AMINA, competenceId: HAIE, issuedOn: '2026-11-02', issuerId: ETI, evidence: 'Niveau 3' });
    await put('badge', id(802), { salarieId: AMINA, competenceId: EPI, issuedOn: '2026-11-03', issuerId: ETI });
    await put('badge', id(803), { salarieId: BRUNO, competenceId: EPI, issuedOn: '2026-11-03', issuerId: ETI });
    await repo.remove('badge', id(802));

    const progress = await q.progressOf(AMINA);
    expect(progress.objectives.map((o) => o.id)).toEqual([id(701)]);
    expect(progress.evaluations.map((e) => e.salarieId)).toEqual([AMINA]);
    expect(progress.cells.get(matrixKey(AMINA, HAIE))?.level).toBe(3);
    expect((await q.badgesOf(AMINA)).map((b) => [b.competenceId, b.evidence])).toEqual([[HAIE, 'Niveau 3']]);
    expect(await q.badgesOf(CHLOE)).toEqual([]);

    expect((await q.allCompetences()).map((c) => c.label)).toEqual(['Élaguer une haie', 'Porter les EPI', 'Tondre une pelouse', 'Trier les textiles']);
    expect((await q.activities()).map((a) => a.name)).toEqual(['Entretien des espaces verts', 'Tri textile']);
    expect((await q.salarie(AMINA))?.phone).toBe('06 12 34 56 78');
    expect((await q.structure(STRUCTURE))?.name).toBe('Jardins du Lien');
    await repo.remove('salarie', CHLOE);
    expect(await q.salarie(CHLOE)).toBeUndefined();
  });

  it('matrixData: the whole matrix in one read (the benchmark’s query figure)', async () => {
    const { evaluate, q } = await world();
    await evaluate(AMINA, TONTE, 3, 'production', '2026-11-01');
    await evaluate(CHLOE, TRI, 2, 'production', '2026-11-01');
    const data = await q.matrixData(TODAY, TEAM, GREEN);
    expect(data.members.map((m) => m.id)).toEqual([AMINA, BRUNO]);
    expect(data.evaluations.map((e) => e.salarieId)).toEqual([AMINA]);
    expect(data.cells.get(matrixKey(AMINA, TONTE))?.level).toBe(3);
    expect(data.competences).toHaveLength(3);
  });
});
