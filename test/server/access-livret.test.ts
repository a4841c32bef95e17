// The livret, the diagnostic, the evaluations and the accueil at the server: an ETI of another
// team, a salarié and another structure each try to read and write what they may not. Every
// write is refused (`forbidden`) and changes nothing; no pull ever carries it — above all, a
// diagnostic never reaches a salarié's device.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, byId, change, Harness, newId, world } from './harness';
import type { Change, PulledChange } from '../../src/sync/protocol';

for (const backend of backends) {
  describe(`access to the livret and competences (${backend.name})`, () => {
    let h: Harness;
    let w: Awaited<ReturnType<typeof world>>;
    let other: Awaited<ReturnType<Harness['structure']>>;
    const ids = {
      shared: newId(), team: newId(), alert: newId(), privateEti: newId(), diag: newId(), evalProd: newId(),
      objective: newId(), onboarding: newId(), review: newId(), competence: newId(), activity: newId(), pmsmp: newId(),
    };

    beforeAll(async () => {
      h = await Harness.create(backend);
      w = await world(h);
      other = await h.structure('Autre structure');
      await h.pushOk(w.co, [
        change('activity', { name: 'Espaces verts' }, { id: ids.activity }),
        change('competence', { activityId: ids.activity, label: 'Tondre' }, { id: ids.competence }),
      ]);
      const sal = w.sal1;
      await h.pushOk(w.eti1.token, [
        change('logEntry', { salarieId: sal, authorId: w.eti1.id, date: '2026-11-20', category: 'atouts', text: 'Partagé avec toi', visibility: 'salarie', alert: false }, { id: ids.shared }),
        change('logEntry', { salarieId: sal, authorId: w.eti1.id, date: '2026-11-20', category: 'freins', text: 'Logement précaire', visibility: 'team', alert: false }, { id: ids.team }),
        change('logEntry', { salarieId: sal, authorId: w.eti1.id, date: '2026-11-20', category: 'alerte', text: 'Absent sans nouvelles', visibility: 'team', alert: true }, { id: ids.alert }),
        change('logEntry', { salarieId: sal, authorId: w.eti1.id, date: '2026-11-20', category: 'comportement', text: 'Note pour moi', visibility: 'private', alert: false }, { id: ids.privateEti }),
        change('diagnostic', { salarieId: sal, date: '2026-11-01', levels: { langue: 2, justice: 1 }, comment: 'Suivi SPIP' }, { id: ids.diag }),
        change('evaluation', { salarieId: sal, competenceId: ids.competence, level: 2, context: 'production', date: '2026-11-20', evaluatorId: w.eti1.id }, { id: ids.evalProd }),
        change('objective', { salarieId: sal, competenceId: ids.competence, targetLevel: 3, dueDate: '2027-01-31' }, { id: ids.objective }),
        change('onboarding', { salarieId: sal, visiteOn: '2026-11-02' }, { id: ids.onboarding }),
      ]);
      await h.pushOk(w.co, [change('review', { logEntryId: ids.alert, reviewerId: w.s.coordinator.id, at: '2026-11-20T17:00:00.000Z', salarieId: sal }, { id: ids.review })]);
      await h.pushOk(w.co, [change('pmsmp', { salarieId: sal, company: 'Pépinières Durand', start: '2026-12-01', end: '2026-12-12' }, { id: ids.pmsmp })]);
    });
    afterAll(() => h.close());

    async function expectAllForbidden(token: string, changes: Change[]) {
      const results = await h.push(token, changes);
      expect(results.map((r) => [r.status, r.reason])).toEqual(changes.map(() => ['rejected', 'forbidden']));
    }

    /** What the creator (eti1) still sees: nothing the refused pushes tried changed. */
    async function expectUntouched() {
      const seen = byId((await h.pullAll(w.eti1.token)).changes);
      expect(seen.get(ids.team)?.fields).toMatchObject({ text: 'Logement précaire', visibility: 'team' });
      expect(seen.get(ids.alert)?.fields).toMatchObject({ alert: true, visibility: 'team' });
      expect(seen.get(ids.diag)?.fields).toMatchObject({ levels: { langue: 2, justice: 1 } });
      expect(seen.get(ids.evalProd)?.fields).toMatchObject({ level: 2, context: 'production' });
      expect(seen.get(ids.onboarding)?.fields).toMatchObject({ visiteOn: '2026-11-02' });
      for (const id of Object.values(ids)) expect(seen.get(id)?.deleted ?? false, id).toBe(false);
    }

    const entities = (changes: PulledChange[]) => new Set(changes.map((c) => c.entity));

    it('an ETI of another team may neither write nor read them', async () => {
      const t = w.eti2.token;
      await expectAllForbidden(t, [
        change('logEntry', { text: 'modifié' }, { id: ids.team }),
        change('logEntry', { visibility: 'private' }, { id: ids.alert }),
        change('logEntry', { salarieId: w.sal1, authorId: w.eti2.id, date: '2026-11-20', category: 'alerte', text: 'x', visibility: 'team', alert: true }),
        change('diagnostic', { levels: { langue: 4 } }, { id: ids.diag }),
        change('diagnostic', { salarieId: w.sal1, date: '2026-11-20', levels: { langue: 4 } }),
        change('evaluation', { level: 4 }, { id: ids.evalProd }),
        change('evaluation', { salarieId: w.sal1, competenceId: ids.competence, level: 4, context: 'production', date: '2026-11-20', evaluatorId: w.eti2.id }),
        change('objective', { targetLevel: 1 }, { id: ids.objective }),
        change('onboarding', { reglementOn: '2026-11-20' }, { id: ids.onboarding }),
        change('review', { logEntryId: ids.team, reviewerId: w.eti2.id, at: '2026-11-20T10:00:00.000Z', salarieId: w.sal1 }),
        change('logEntry', {}, { id: ids.shared, deleted: true }),
        change('diagnostic', {}, { id: ids.diag, deleted: true }),
      ]);
      // Moving a record of their own salarié onto the other team's salarié is refused too.
      await expectAllForbidden(t, [change('evaluation', { salarieId: w.sal2, competenceId: ids.competence, level: 1, context: 'production', date: '2026-11-20', evaluatorId: w.eti2.id }, { id: ids.evalProd })]);
      const pulled = (await h.pullAll(t)).changes;
      const leaked = pulled.filter((c) => (Object.values(ids) as string[]).includes(c.id) && c.entity !== 'activity' && c.entity !== 'competence');
      expect(leaked).toEqual([]);
      // (The salarié's login, a `user` record, names them: users are readable by every ETI.)
      expect(pulled.some((c) => c.entity !== 'user' && c.fields['salarieId'] === w.sal1)).toBe(false);
      await expectUntouched();
    });

    it('a salarié may not write them, reads only what is shared with them, and never a diagnostic', async () => {
      const t = w.salarie1.token;
      const me = w.salarie1.id;
      await expectAllForbidden(t, [
        change('logEntry', { salarieId: w.sal1, authorId: me, date: '2026-11-20', category: 'bilan', text: 'Mon avis', visibility: 'salarie', alert: false }),
        change('logEntry', { text: 'changé' }, { id: ids.shared }),
        change('diagnostic', { salarieId: w.sal1, date: '2026-11-20', levels: { justice: 4 } }),
        change('diagnostic', { levels: { justice: 4 } }, { id: ids.diag }),
        change('evaluation', { salarieId: w.sal1, competenceId: ids.competence, level: 4, context: 'production', date: '2026-11-20', evaluatorId: me }),
        change('evaluation', { level: 4 }, { id: ids.evalProd }),
        change('evaluation', { salarieId: w.sal2, competenceId: ids.competence, level: 4, context: 'self', date: '2026-11-20', evaluatorId: me }),
        change('objective', { targetLevel: 4 }, { id: ids.objective }),
        change('onboarding', { salarieId: w.sal1, droitsOn: '2026-11-20' }),
        change('review', { logEntryId: ids.alert, reviewerId: me, at: '2026-11-20T10:00:00.000Z', salarieId: w.sal1 }),
        change('pmsmp', { outcome: 'Très bien' }, { id: ids.pmsmp }),
      ]);
      // Their own self-assessment is the one thing they write.
      const selfId = newId();
      await h.pushOk(t, [change('evaluation', { salarieId: w.sal1, competenceId: ids.competence, level: 3, context: 'self', date: '2026-11-20', evaluatorId: me }, { id: selfId })]);

      const pulled = (await h.pullAll(t)).changes;
      const seen = byId(pulled);
      expect(entities(pulled).has('diagnostic')).toBe(false);
      expect(entities(pulled).has('onboarding')).toBe(false);
      expect(entities(pulled).has('review')).toBe(false);
      expect(pulled.filter((c) => c.entity === 'logEntry').map((c) => c.id)).toEqual([ids.shared]);
      expect(JSON.stringify(pulled)).not.toContain('Suivi SPIP');
      expect(JSON.stringify(pulled)).not.toContain('Absent sans nouvelles');
      expect(seen.get(ids.evalProd)?.fields).toMatchObject({ level: 2 });
      expect(seen.get(selfId)?.fields).toMatchObject({ context: 'self', level: 3 });
      expect(seen.get(ids.objective)).toBeDefined();
      await expectUntouched();
    });

    it('another structure may neither write nor read anything of them', async () => {
      const t = other.coordinator.token;
      const otherEti = await h.addUser(other.id, 'eti');
      for (const token of [t, otherEti.token]) {
        await expectAllForbidden(token, [
          change('logEntry', { text: 'volé' }, { id: ids.team }),
          change('logEntry', { visibility: 'team' }, { id: ids.privateEti }),
          change('diagnostic', { comment: 'x' }, { id: ids.diag }),
          change('evaluation', { level: 0 }, { id: ids.evalProd }),
          change('onboarding', { epiOn: '2026-11-20' }, { id: ids.onboarding }),
          change('review', { at: '2026-11-21T10:00:00.000Z' }, { id: ids.review }),
          change('logEntry', { salarieId: w.sal1, authorId: other.coordinator.id, date: '2026-11-20', category: 'bilan', text: 'x', visibility: 'team', alert: false, structureId: w.s.id }),
          change('diagnostic', {}, { id: ids.diag, deleted: true }),
        ]);
        const pulled = (await h.pullAll(token)).changes;
        expect(pulled.filter((c) => c.fields['structureId'] === w.s.id)).toEqual([]);
        expect(JSON.stringify(pulled)).not.toContain(w.sal1);
      }
      await expectUntouched();
    });

    it('the coordination never receives an ETI’s private entry, and the author sees the review of their alert', async () => {
      const coord = byId((await h.pullAll(w.co)).changes);
      expect(coord.has(ids.privateEti)).toBe(false);
      expect(coord.get(ids.alert)?.fields).toMatchObject({ alert: true });
      await expectAllForbidden(w.co, [change('logEntry', { text: 'lu' }, { id: ids.privateEti })]);
      const author = byId((await h.pullAll(w.eti1.token)).changes);
      expect(author.get(ids.review)?.fields).toMatchObject({ logEntryId: ids.alert });
      expect(author.get(ids.privateEti)?.fields).toMatchObject({ visibility: 'private' });
    });
  });
}
