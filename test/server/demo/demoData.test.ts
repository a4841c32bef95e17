import { describe, it, expect } from 'vitest';
import { ABSENCE_TYPES, COMPETENCE_KINDS, DIAGNOSTIC_DIMENSIONS, VISIBILITIES } from '../../../src/domain/entities';
import { buildDemo, type DemoData } from '../../../src/server/demo/demoData';
import { countBy, danglingReferences, firstInvalid, ofEntity } from './checks';

const TODAY = '2026-11-22';
const demo = buildDemo(TODAY);
const { records, users } = demo;

/** Current memberships on `today`, salarié id → team id. */
function currentTeams(d: DemoData, today: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of ofEntity(d.records, 'membership')) {
    const to = m.fields['to'];
    if (String(m.fields['from']) <= today && (typeof to !== 'string' || to >= today)) out.set(String(m.fields['salarieId']), String(m.fields['teamId']));
  }
  return out;
}

describe('buildDemo', () => {
  it('produces records that pass the entity schemas', () => {
    expect(firstInvalid(records)).toBeUndefined();
  });

  it('only points to records and users that exist', () => {
    expect(danglingReferences(records, users)).toEqual([]);
  });

  it('gives every record a unique id', () => {
    const ids = [...records.map((r) => r.id), ...users.map((u) => u.id)];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('holds the structure record itself, an ACI, and no user records', () => {
    const structure = ofEntity(records, 'structure');
    expect(structure).toHaveLength(1);
    expect(structure[0]?.id).toBe(demo.structure.id);
    expect(structure[0]?.fields).toMatchObject({ name: demo.structure.name, type: 'ACI', etiMayEditReferentiel: false, lowHoursWaiver: true });
    expect(ofEntity(records, 'user')).toEqual([]);
  });

  it('has the five logins of the contract, all with the password tremplin', () => {
    expect(users.map((u) => [u.login, u.role])).toEqual([
      ['coordination', 'coordinator'], ['eti1', 'eti'], ['eti2', 'eti'], ['salarie1', 'salarie'], ['salarie2', 'salarie'],
    ]);
    expect(users.every((u) => u.password === 'tremplin')).toBe(true);
  });

  it('puts salarie1 in the team eti1 runs and salarie2 in the team eti2 runs', () => {
    const teams = currentTeams(demo, TODAY);
    const byLogin = new Map(users.map((u) => [u.login, u]));
    for (const [salarie, eti] of [['salarie1', 'eti1'], ['salarie2', 'eti2']] as const) {
      const s = byLogin.get(salarie);
      const e = byLogin.get(eti);
      expect(s?.salarieId).toBeDefined();
      expect(ofEntity(records, 'salarie').some((r) => r.id === s?.salarieId)).toBe(true);
      const team = ofEntity(records, 'team').find((t) => t.id === teams.get(s?.salarieId ?? ''));
      expect(team?.fields['etiUserIds']).toEqual([e?.id]);
    }
  });

  it('runs two teams, each by exactly one ETI, with 6 or 7 current salariés each', () => {
    const teams = ofEntity(records, 'team');
    expect(teams).toHaveLength(2);
    const etiIds = users.filter((u) => u.role === 'eti').map((u) => u.id);
    expect(teams.map((t) => t.fields['etiUserIds'])).toEqual(etiIds.map((id) => [id]));
    const current = [...currentTeams(demo, TODAY).values()];
    for (const t of teams) expect(current.filter((id) => id === t.id).length).toBeGreaterThanOrEqual(6);
    expect(current.length).toBeGreaterThanOrEqual(12);
  });

  it('meets the contract’s minimum counts', () => {
    const c = countBy(records);
    const min: Record<string, number> = {
      salarie: 12, contract: 12, passIae: 12, suspension: 1, pmsmp: 1, chantier: 4, planningSlot: 20, assignment: 10,
      timeEntry: 100, activity: 2, competence: 20, evaluation: 30, objective: 5, logEntry: 10, diagnostic: 5, monthClose: 1,
    };
    for (const [entity, n] of Object.entries(min)) expect(c[entity] ?? 0, entity).toBeGreaterThanOrEqual(n);
  });

  it('gives every current salarié a contract covering today and a PASS IAE', () => {
    for (const id of currentTeams(demo, TODAY).keys()) {
      const contracts = ofEntity(records, 'contract').filter((r) => r.fields['salarieId'] === id);
      expect(contracts.some((r) => String(r.fields['start']) <= TODAY && String(r.fields['end']) >= TODAY)).toBe(true);
      const pass = ofEntity(records, 'passIae').filter((r) => r.fields['salarieId'] === id);
      expect(pass).toHaveLength(1);
      expect(String(pass[0]?.fields['number'])).toMatch(/^\d{12}$/);
    }
  });

  it('uses CDDI hours of an ACI, with one Premières heures contract under the prefectoral waiver', () => {
    const hours = ofEntity(records, 'contract').map((r) => r.fields['weeklyHours']);
    expect(new Set(hours)).toEqual(new Set([26, 20, 24, 35, 12]));
    const low = ofEntity(records, 'contract').filter((r) => Number(r.fields['weeklyHours']) < 20);
    expect(low.length).toBeGreaterThan(0);
    expect(low.every((r) => r.fields['lowHoursReason'] === 'aci_waiver')).toBe(true);
  });

  it('has a référentiel of both kinds of work, with safety-critical gestures', () => {
    const activities = ofEntity(records, 'activity').map((r) => r.fields['name']);
    expect(activities).toEqual(['Entretien des espaces verts', 'Tri et réemploi textile']);
    const comps = ofEntity(records, 'competence');
    expect(new Set(comps.map((r) => r.fields['kind']))).toEqual(new Set(COMPETENCE_KINDS));
    const critical = comps.filter((r) => r.fields['safetyCritical'] === true).map((r) => r.fields['label']);
    expect(critical).toEqual(expect.arrayContaining(['Utiliser le débroussailleur', 'Tailler une haie au taille-haie', 'Porter les EPI adaptés à chaque outil']));
  });

  it('records a month of hours with every kind of absence', () => {
    const absences = new Set(ofEntity(records, 'timeEntry').map((r) => r.fields['absence']).filter((a) => a !== undefined));
    expect(absences).toEqual(new Set(ABSENCE_TYPES));
    const dates = ofEntity(records, 'timeEntry').map((r) => String(r.fields['date']));
    expect(dates.every((d) => d >= '2026-09-01' && d < TODAY)).toBe(true);
  });

  it('never has two time entries for the same salarié and day', () => {
    const keys = ofEntity(records, 'timeEntry').map((r) => `${String(r.fields['salarieId'])}|${String(r.fields['date'])}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('plans the previous and current weeks, with consignes and EPI on assignments', () => {
    const dates = ofEntity(records, 'planningSlot').map((r) => String(r.fields['date']));
    expect(dates.every((d) => d >= '2026-11-09' && d <= '2026-11-20')).toBe(true);
    const withBoth = ofEntity(records, 'assignment').filter((r) => String(r.fields['consignes'] ?? '').length > 0 && Array.isArray(r.fields['epi']) && r.fields['epi'].length > 0);
    expect(withBoth.length).toBeGreaterThanOrEqual(10);
  });

  it('gives safety-critical tasks only to salariés whose latest level on those gestures is acquis', () => {
    const critical = new Set(ofEntity(records, 'competence').filter((r) => r.fields['safetyCritical'] === true).map((r) => r.id));
    const latest = new Map<string, { date: string; level: number }>();
    for (const e of ofEntity(records, 'evaluation')) {
      if (e.fields['context'] === 'self') continue;
      const key = `${String(e.fields['salarieId'])}|${String(e.fields['competenceId'])}`;
      const prev = latest.get(key);
      if (!prev || String(e.fields['date']) >= prev.date) latest.set(key, { date: String(e.fields['date']), level: Number(e.fields['level']) });
    }
    for (const a of ofEntity(records, 'assignment')) {
      const ids = Array.isArray(a.fields['competenceIds']) ? a.fields['competenceIds'].map(String) : [];
      for (const c of ids.filter((id) => critical.has(id))) {
        expect(latest.get(`${String(a.fields['salarieId'])}|${c}`)?.level ?? 0, String(a.fields['task'])).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('evaluates on levels 0 to 4 in production, AFEST, PMSMP and self-assessment, by the team’s ETI or the salarié', () => {
    const evals = ofEntity(records, 'evaluation');
    expect(new Set(evals.map((r) => r.fields['level']))).toEqual(new Set([0, 1, 2, 3, 4]));
    expect(new Set(evals.map((r) => r.fields['context']))).toEqual(new Set(['production', 'afest', 'pmsmp', 'self']));
    const teams = currentTeams(demo, TODAY);
    const etiOf = new Map(ofEntity(records, 'team').map((t) => [t.id, (t.fields['etiUserIds'] as string[])[0]]));
    const userOf = new Map(users.filter((u) => u.salarieId).map((u) => [u.salarieId, u.id]));
    for (const e of evals) {
      const salarieId = String(e.fields['salarieId']);
      const team = teams.get(salarieId);
      if (team === undefined) continue;
      const expected = e.fields['context'] === 'self' ? userOf.get(salarieId) : etiOf.get(team);
      expect(e.fields['evaluatorId']).toBe(expected);
    }
  });

  it('writes log entries of every visibility, with alerts, by the salarié’s own ETI or the coordination', () => {
    const logs = ofEntity(records, 'logEntry');
    expect(new Set(logs.map((r) => r.fields['visibility']))).toEqual(new Set(VISIBILITIES));
    const alerts = logs.filter((r) => r.fields['alert'] === true);
    expect(alerts.length).toBeGreaterThanOrEqual(1);
    expect(alerts.every((r) => r.fields['category'] === 'alerte')).toBe(true);
    expect(new Set(logs.map((r) => r.fields['category'])).size).toBeGreaterThanOrEqual(6);
    const teamOf = new Map<string, string>();
    for (const m of ofEntity(records, 'membership')) teamOf.set(String(m.fields['salarieId']), String(m.fields['teamId']));
    const etiOf = new Map(ofEntity(records, 'team').map((t) => [t.id, (t.fields['etiUserIds'] as string[])[0]]));
    const coordinator = users.find((u) => u.role === 'coordinator')?.id;
    for (const l of logs) {
      const eti = etiOf.get(teamOf.get(String(l.fields['salarieId'])) ?? '');
      expect([eti, coordinator]).toContain(l.fields['authorId']);
    }
    expect(logs.filter((l) => users.some((u) => u.role === 'eti' && u.id === l.fields['authorId'])).length).toBeGreaterThanOrEqual(10);
  });

  it('dates diagnostics with a level on each of the eight dimensions', () => {
    for (const d of ofEntity(records, 'diagnostic')) {
      expect(Object.keys(d.fields['levels'] as object).sort()).toEqual([...DIAGNOSTIC_DIMENSIONS].sort());
    }
  });

  it('closes the month before last', () => {
    expect(ofEntity(records, 'monthClose').map((r) => r.fields['month'])).toEqual(['2026-09']);
  });

  it('is the same for the same date and seed, and differs with the seed', () => {
    expect(JSON.stringify(buildDemo(TODAY))).toBe(JSON.stringify(demo));
    expect(JSON.stringify(buildDemo(TODAY, 2))).not.toBe(JSON.stringify(demo));
  });

  it('refuses a date that does not exist', () => {
    expect(() => buildDemo('2026-02-30')).toThrow();
    expect(() => buildDemo('22/11/2026')).toThrow();
  });

  it.each(['2026-01-01', '2026-03-01', '2026-05-11', '2026-06-01', '2027-12-31', '2028-02-29', '2030-08-17'])(
    'stays valid and complete on %s',
    (today) => {
      const d = buildDemo(today, 3);
      expect(firstInvalid(d.records)).toBeUndefined();
      expect(danglingReferences(d.records, d.users)).toEqual([]);
      const c = countBy(d.records);
      expect(c['planningSlot'] ?? 0).toBeGreaterThanOrEqual(20);
      expect(c['timeEntry'] ?? 0).toBeGreaterThanOrEqual(100);
      expect(c['logEntry'] ?? 0).toBeGreaterThanOrEqual(10);
      expect(currentTeams(d, today).size).toBeGreaterThanOrEqual(12);
      const absences = new Set(ofEntity(d.records, 'timeEntry').map((r) => r.fields['absence']).filter((a) => a !== undefined));
      expect(absences).toEqual(new Set(ABSENCE_TYPES));
      expect(ofEntity(d.records, 'logEntry').some((r) => r.fields['alert'] === true)).toBe(true);
    },
  );
});
