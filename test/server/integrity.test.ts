// The parcours rules the server checks alone on push (src/server/sync/integrity.ts): a suspension,
// prolongation or contract breaking a blocking rule is rejected `invalid` with a French message
// naming the rule, and nothing of it is written; a warning never rejects; what happened before the
// push (history seeded as the system, as an import would) counts, this batch's records too; the
// access rules still come first (an ETI or a salarié cannot write these records at all), and
// nothing crosses structures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejectionMessage } from '../../src/client/pushResults';
import { addDays, addMonths, addYears } from '../../src/domain/rules/dates';
import { PASS_DAYS } from '../../src/domain/rules/pass';
import { today } from '../../src/server/deps';
import { applyChanges } from '../../src/server/sync/apply';
import type { Change, Fields, PushResult } from '../../src/sync/protocol';
import { backends, change, Harness, newId, world } from './harness';

type World = Awaited<ReturnType<typeof world>>;

describe.each(backends)('parcours rules on push ($name)', (backend) => {
  let h: Harness;
  let w: World;
  let t: string;
  beforeAll(async () => {
    h = await Harness.create(backend);
    w = await world(h);
    t = today(h.deps);
  });
  afterAll(() => h.close());

  /** Writes as the system (seeding, import): no access rule, no parcours rule — history as it is. */
  async function seed(changes: Change[]): Promise<void> {
    const results = await h.db.transaction((tx) => applyChanges(tx, {
      structureId: w.s.id, userId: null, deviceId: null, system: true, clock: h.deps.clock, today: t,
    }, changes));
    expect(results.every((r) => r.status === 'applied')).toBe(true);
  }

  /** A new salarié with a PASS starting `passStart`; returns their ids. */
  async function dossier(passStart: string, salarie: Fields = {}): Promise<{ sal: string; pass: string }> {
    const sal = newId();
    const pass = newId();
    await h.pushOk(w.co, [
      change('salarie', { firstName: 'Chloé', lastName: 'Bernard', ...salarie }, { id: sal }),
      change('passIae', { salarieId: sal, start: passStart }, { id: pass }),
    ]);
    return { sal, pass };
  }

  async function stored(id: string): Promise<number> {
    const { rows } = await h.db.query<{ n: unknown }>(
      `SELECT (SELECT count(*) FROM records WHERE id = $1) + (SELECT count(*) FROM applied_ops WHERE id = $1) AS n`, [id]);
    return Number(rows[0]?.n);
  }

  async function refused(token: string, c: Change): Promise<PushResult> {
    const [r] = await h.push(token, [c]);
    expect(r).toMatchObject({ status: 'rejected', reason: 'invalid' });
    expect(await stored(c.id)).toBe(0);
    return r as PushResult;
  }

  const suspension = (d: { sal: string; pass: string }, start: string, end: string, reason = 'contract_broken') =>
    change('suspension', { salarieId: d.sal, passIaeId: d.pass, start, end, reason });
  const prolongation = (d: { sal: string; pass: string }, start: string, days: number, reason: string, decision: string | null) =>
    change('prolongation', { salarieId: d.sal, passIaeId: d.pass, start, end: addDays(start, days), reason, ...(decision ? { decision } : {}) });
  const contract = (sal: string, set: Fields) => change('contract', { salarieId: sal, weeklyHours: 26, ...set });

  describe('suspensions', () => {
    it('refuses one longer than 36 months, naming the rule, and writes nothing', async () => {
      const d = await dossier(addDays(t, -100));
      const start = addDays(t, -10);
      const r = await refused(w.co, suspension(d, start, addMonths(start, 36)));
      expect(r.message).toMatch(/^Suspension du PASS IAE : Une suspension dure 36 mois au plus/);
      expect(rejectionMessage(r)).toBe(r.message);
    });

    it('refuses one overlapping another, and one starting outside the PASS', async () => {
      const d = await dossier(addDays(t, -100));
      await h.pushOk(w.co, [suspension(d, addDays(t, -30), addDays(t, -20))]);
      expect((await refused(w.co, suspension(d, addDays(t, -25), addDays(t, -5)))).message).toContain('chevauche la suspension');
      expect((await refused(w.co, suspension(d, addDays(t, -150), addDays(t, -140)))).message).toContain('pendant la validité du PASS IAE');
      expect((await refused(w.co, suspension(d, addDays(t, 2), addDays(t, 20)))).message).toContain('dans le futur');
    });

    it('applies a valid one, and a PASS with its first suspension in one push', async () => {
      const d = await dossier(addDays(t, -100));
      await h.pushOk(w.co, [suspension(d, addDays(t, -10), addDays(t, 20))]);
      const sal = newId();
      const pass = newId();
      const r = await h.push(w.co, [
        change('salarie', { firstName: 'Driss', lastName: 'Haddad' }, { id: sal }),
        change('passIae', { salarieId: sal, start: addDays(t, -50) }, { id: pass }),
        suspension({ sal, pass }, addDays(t, -5), addDays(t, 5)),
        suspension({ sal, pass }, addDays(t, -60), addDays(t, -55)),
      ]);
      expect(r.map((x) => x.status)).toEqual(['applied', 'applied', 'applied', 'rejected']);
    });

    it('refuses a suspension on a PASS that is not in this salarié’s dossier', async () => {
      const a = await dossier(addDays(t, -100));
      const b = await dossier(addDays(t, -100));
      expect((await refused(w.co, suspension({ sal: a.sal, pass: b.pass }, addDays(t, -5), t))).message).toContain('n’existe pas dans le dossier');
    });

    it('refuses a new PASS start that leaves a suspension outside it', async () => {
      const d = await dossier(addDays(t, -100));
      await h.pushOk(w.co, [suspension(d, addDays(t, -90), addDays(t, -80))]);
      const [r] = await h.push(w.co, [change('passIae', { start: addDays(t, -60) }, { id: d.pass })]);
      expect(r).toMatchObject({ status: 'rejected', reason: 'invalid' });
      expect(r?.message).toMatch(/^PASS IAE : La suspension doit commencer pendant la validité/);
      await h.pushOk(w.co, [change('passIae', { start: addDays(t, -95) }, { id: d.pass })]);
    });
  });

  describe('prolongations', () => {
    /** A PASS whose prolongations of `days` (seeded as history) end in 30 days, so a new request is in its window. */
    async function prolonged(history: [string, number][], salarie: Fields = {}): Promise<{ sal: string; pass: string; end: string }> {
      const total = history.reduce((n, [, days]) => n + days, 0);
      const end = addDays(t, 30);
      const d = await dossier(addDays(end, -(PASS_DAYS - 1) - total), { rqth: true, birthDate: '1960-01-01', ...salarie });
      let start = addDays(end, -total);
      const seeded: Change[] = [];
      for (const [reason, days] of history) {
        seeded.push(prolongation(d, start, days, reason, reason === 'training' ? null : 'granted'));
        start = addDays(start, days);
      }
      await seed(seeded);
      return { ...d, end };
    }

    it('counts every prolongation of the PASS towards a total: after 365 of training and 730 of RQTH, no RQTH day is left', async () => {
      const d = await prolonged([['training', 365], ['rqth', 365], ['rqth', 365]]);
      const r = await refused(w.co, prolongation(d, d.end, 1, 'rqth', 'granted'));
      expect(r.message).toMatch(/^Prolongation du PASS IAE : Motif « Reconnaissance de la qualité de travailleur handicapé \(RQTH\) » : 1095 jours de prolongation au plus en tout, tous motifs confondus/);
    });

    it('same for particular difficulties after 365 of training and 730 of them', async () => {
      const d = await prolonged([['training', 365], ['particular_difficulties', 365], ['particular_difficulties', 365]]);
      await refused(w.co, prolongation(d, d.end, 1, 'particular_difficulties', 'granted'));
    });

    it('leaves 730 days of RQTH after 365 of training: 365 more are applied', async () => {
      const d = await prolonged([['training', 365], ['rqth', 365]]);
      await h.pushOk(w.co, [prolongation(d, d.end, 365, 'rqth', 'granted')]);
    });

    it('refuses a request over its per-request cap, or not starting on the PASS end', async () => {
      const d = await prolonged([['training', 100]]);
      expect((await refused(w.co, prolongation(d, d.end, 366, 'rqth', 'pending'))).message).toContain('365 jours au plus par demande');
      expect((await refused(w.co, prolongation(d, addDays(d.end, 1), 100, 'training', null))).message).toContain('doit commencer le');
    });

    it('does not judge again an old record when a field no rule reads changes', async () => {
      // History over the total, as imported: editing its notes is still accepted.
      const d = await prolonged([['rqth', 365], ['rqth', 365], ['rqth', 365]]);
      const over = prolongation(d, d.end, 200, 'rqth', 'granted');
      await seed([over]);
      await h.pushOk(w.co, [change('prolongation', { notes: 'Décision reçue par courrier.' }, { id: over.id })]);
      const [r] = await h.push(w.co, [change('prolongation', { end: addDays(d.end, 201) }, { id: over.id })]);
      expect(r).toMatchObject({ status: 'rejected', reason: 'invalid' });
    });
  });

  describe('contracts', () => {
    it('refuses a CDDI under 4 months', async () => {
      const d = await dossier(addDays(t, -10));
      const r = await refused(w.co, contract(d.sal, { type: 'cddi', start: t, end: addDays(addMonths(t, 4), -2) }));
      expect(r.message).toMatch(/^Contrat : Un CDDI dure 4 mois au moins/);
    });

    it('refuses a CDI inclusion under 57, and applies it at 57 after 12 months of parcours', async () => {
      const young = await dossier(addDays(t, -400), { birthDate: addYears(t, -50) });
      expect((await refused(w.co, contract(young.sal, { type: 'cdi_inclusion', start: t }))).message).toContain('57 ans ou plus');
      const old = await dossier(addDays(t, -400), { birthDate: addYears(t, -57) });
      await h.pushOk(w.co, [contract(old.sal, { type: 'cdi_inclusion', start: t })]);
    });

    it('refuses a CDDI renewal beyond 24 months in all, counting the contracts already there', async () => {
      const d = await dossier(addDays(t, -700));
      await h.pushOk(w.co, [contract(d.sal, { type: 'cddi', start: addDays(t, -700), end: addDays(t, -1) })]);
      expect((await refused(w.co, contract(d.sal, { type: 'cddi', start: t, end: addDays(addMonths(t, 4), -1) }))).message).toContain('24 mois en tout');
    });

    it('applies a valid CDDI, and one with only warnings (a waiver the structure did not record)', async () => {
      const d = await dossier(addDays(t, -10));
      await h.pushOk(w.co, [
        contract(d.sal, { type: 'cddi', start: t, end: addDays(addMonths(t, 4), -1) }),
        contract(d.sal, { type: 'cddi', start: addMonths(t, 4), end: addDays(addMonths(t, 8), -1), weeklyHours: 10, lowHoursReason: 'aci_waiver' }),
      ]);
    });

    it('refuses a contract type the structure cannot sign (a mission in an ACI)', async () => {
      const d = await dossier(addDays(t, -10));
      expect((await refused(w.co, contract(d.sal, { type: 'mission', start: t, end: addMonths(t, 1) }))).message).toContain('ETTI');
    });
  });

  describe('access comes first', () => {
    it('an ETI may not write a suspension, a prolongation, a PASS or a contract, even of their team', async () => {
      const pass = newId();
      await h.pushOk(w.co, [change('passIae', { salarieId: w.sal1, start: addDays(t, -100) }, { id: pass })]);
      const d = { sal: w.sal1, pass };
      const r = await h.push(w.eti1.token, [
        suspension(d, addDays(t, -5), t),
        prolongation(d, addDays(t, 629), 10, 'training', null),
        change('passIae', { salarieId: w.sal1, start: t }),
        contract(w.sal1, { type: 'cddi', start: t, end: addDays(addMonths(t, 4), -1) }),
      ]);
      expect(r.map((x) => x.reason)).toEqual(['forbidden', 'forbidden', 'forbidden', 'forbidden']);
      // And reads them: their team's salarié's PASS is in their pull.
      expect((await h.pullAll(w.eti1.token)).changes.some((c) => c.id === pass)).toBe(true);
    });

    it('a salarié may not write their own', async () => {
      const pass = newId();
      await h.pushOk(w.co, [change('passIae', { salarieId: w.sal1, start: addDays(t, -100) }, { id: pass })]);
      const r = await h.push(w.salarie1.token, [
        suspension({ sal: w.sal1, pass }, addDays(t, -5), t),
        contract(w.sal1, { type: 'cddi', start: t, end: addDays(addMonths(t, 4), -1) }),
      ]);
      expect(r.map((x) => x.reason)).toEqual(['forbidden', 'forbidden']);
    });

    it('another structure sees nothing, and cannot hang a suspension on our PASS', async () => {
      const d = await dossier(addDays(t, -100));
      const s = suspension(d, addDays(t, -5), t);
      await h.pushOk(w.co, [s]);
      const other = await h.structure('Autre structure');
      const seen = (await h.pullAll(other.coordinator.token)).changes.map((c) => c.id);
      expect(seen).not.toContain(d.pass);
      expect(seen).not.toContain(s.id);
      // Same answer as for a PASS that does not exist: nothing tells them it does.
      const [r] = await h.push(other.coordinator.token, [suspension(d, addDays(t, -3), t)]);
      expect(r).toMatchObject({ status: 'rejected', reason: 'invalid' });
      expect(r?.message).toContain('n’existe pas dans le dossier');
      const [r2] = await h.push(other.coordinator.token, [suspension({ sal: d.sal, pass: newId() }, addDays(t, -3), t)]);
      expect(r2?.message).toBe(r?.message);
    });
  });

  it('gives « Modifications refusées » a French sentence for any refusal', () => {
    expect(rejectionMessage({ reason: 'forbidden', message: 'vous n’avez pas le droit de modifier cet enregistrement' }))
      .toBe('Vous n’avez pas le droit de modifier cet enregistrement.');
    expect(rejectionMessage({ reason: 'invalid' })).toMatch(/^Le serveur a refusé/);
  });
});
