// The fiches salarié of Les emplois de l'inclusion: the fixture becomes salariés and PASS IAE,
// a person already in Tremplin is completed (never overwritten), and the PASS end date the
// service sent is compared with the one Tremplin computes from what it holds.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ficheImportable, parseEmployeeRecords, planLesEmploisImport, type ExistingRecords } from '../../../src/domain/imports/lesEmplois';

const FIXTURE = readFileSync(new URL('../../fixtures/lesEmplois/employee-records.json', import.meta.url), 'utf8');
const EMPTY: ExistingRecords = { salaries: [], passes: [], suspensions: [], prolongations: [] };
const codes = (lines: { problems: { code: string }[] }[]) => lines.map((l) => l.problems.map((p) => p.code));

describe('parseEmployeeRecords on an empty structure', () => {
  const { fileProblems, lines } = parseEmployeeRecords(FIXTURE, { ...EMPTY, structureSiret: '44718922500017' });

  it('reads every fiche: names out of capitals, dates JJ/MM/AAAA, PASS number and start', () => {
    expect(fileProblems).toEqual([]);
    expect(lines.map((l) => [l.firstName, l.lastName, l.birthDate, l.passNumber, l.passStart])).toEqual([
      ['Amina', 'Benali', '1991-03-14', '999992212345', '2025-09-02'],
      ['Jean-Pierre', 'Lefevre', '1968-11-05', '999992298765', '2025-01-15'],
      ['Helene', 'Martin', '1985-07-22', '999992254321', '2024-04-08'],
      ['Kevin', 'Moreau', '2001-01-30', '999992267890', '2026-06-01'],
    ]);
    expect(lines.every((l) => l.salarie.action === 'create' && l.pass.action === 'create')).toBe(true);
    expect(lines[0]!.salarie.set).toEqual({ lastName: 'Benali', firstName: 'Amina', birthDate: '1991-03-14', rqth: false, phone: '0612345678' });
    expect(lines[1]!.salarie.set).toMatchObject({ rqth: true, phone: null });
  });

  it('detects the one PASS whose end date differs from the one computed here', () => {
    expect(lines.map((l) => [l.nationalEnd, l.computedEnd])).toEqual([
      ['2027-09-01', '2027-09-01'],
      ['2027-03-16', '2027-01-14'],
      ['2026-04-07', '2026-04-07'],
      ['2028-05-30', '2028-05-30'],
    ]);
    expect(codes(lines)).toEqual([[], ['pass_end_differs'], [], []]);
    const p = lines[1]!.problems[0]!;
    expect(p.blocking).toBe(false);
    expect(p.message).toBe('fin du PASS IAE : Les emplois indique le 16/03/2027, Tremplin calcule le 14/01/2027 (61 jour(s) de plus côté Les emplois) : une suspension ou une prolongation manque d’un côté, vérifiez-la');
  });

  it('plans the salariés and their PASS in one list of writes', () => {
    let n = 0;
    const writes = planLesEmploisImport(lines, 'S', () => `id${++n}`);
    expect(writes.map((w) => w.entity)).toEqual(['salarie', 'passIae', 'salarie', 'passIae', 'salarie', 'passIae', 'salarie', 'passIae']);
    expect(writes[1]).toEqual({ entity: 'passIae', id: 'id2', set: { structureId: 'S', salarieId: 'id1', number: '999992212345', start: '2025-09-02' } });
  });
});

describe('parseEmployeeRecords against what Tremplin holds', () => {
  const existing: ExistingRecords = {
    salaries: [
      // Hélène is known, with accents, no RQTH yet, and a PASS without its number.
      { id: 'helene', lastName: 'Martin', firstName: 'Hélène', birthDate: '1985-07-22', rqth: null, phone: '0600000000' },
      // Jean-Pierre is known with his PASS and the suspension Les emplois also has: the dates agree.
      { id: 'jp', lastName: 'Lefèvre', firstName: 'Jean-Pierre', birthDate: '1968-11-05', rqth: false },
      // Someone else holds Kévin's PASS number in Tremplin.
      { id: 'other', lastName: 'Durand', firstName: 'Luc', birthDate: '1970-01-01' },
    ],
    passes: [
      { id: 'p-helene', salarieId: 'helene', number: null, start: '2024-04-08' },
      { id: 'p-jp', salarieId: 'jp', number: '999992298765', start: '2025-01-15' },
      { id: 'p-other', salarieId: 'other', number: '999992267890', start: '2020-01-01' },
    ],
    suspensions: [{ passIaeId: 'p-jp', start: '2025-06-01', end: '2025-08-01' }],
    prolongations: [],
    structureSiret: '44718922500017',
  };
  const { lines } = parseEmployeeRecords(FIXTURE, existing);

  it('completes a known person and fills a PASS number, never overwrites what Tremplin has', () => {
    const helene = lines[2]!;
    expect(helene.salarie).toEqual({ id: 'helene', action: 'update', set: { rqth: false } });
    expect(helene.pass).toEqual({ id: 'p-helene', action: 'update', set: { number: '999992254321' } });
    expect(helene.changes).toEqual(['RQTH : non', 'numéro du PASS IAE ajouté (999992254321)']);
  });

  it('computes the end date with the suspensions Tremplin holds, and shows a disagreement on the RQTH', () => {
    const jp = lines[1]!;
    expect(jp.computedEnd).toBe('2027-03-16');
    expect(codes([jp])).toEqual([['rqth_differs']]);
    expect(jp.pass.action).toBe('unchanged');
    expect(ficheImportable(jp)).toBe(false);
    expect(jp.changes).toEqual(['déjà à jour']);
  });

  it('refuses a PASS number that belongs to someone else in Tremplin', () => {
    expect(codes([lines[3]!])).toEqual([['pass_other_person']]);
    expect(lines[3]!.problems[0]!.message).toBe('ce PASS IAE est enregistré pour Luc Durand dans Tremplin');
    let n = 0;
    const writes = planLesEmploisImport(lines, 'S', () => `id${++n}`);
    expect(writes).toEqual([
      { entity: 'salarie', id: 'id1', set: { structureId: 'S', lastName: 'Benali', firstName: 'Amina', birthDate: '1991-03-14', rqth: false, phone: '0612345678' } },
      { entity: 'passIae', id: 'id2', set: { structureId: 'S', salarieId: 'id1', number: '999992212345', start: '2025-09-02' } },
      { entity: 'salarie', id: 'helene', set: { rqth: false } },
      { entity: 'passIae', id: 'p-helene', set: { number: '999992254321' } },
    ]);
  });
});

describe('parseEmployeeRecords: files and fiches that cannot be read', () => {
  const one = (personnePhysique: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    JSON.stringify({ count: 1, next: null, previous: null, results: [{ siret: '44718922500017', personnePhysique, ...extra }] });
  const ok = { nomUsage: 'DUPONT', prenom: 'MARIE', dateNaissance: '01/02/1990', passIae: '999990000001', passDateDeb: '01/01/2026', passDateFin: '31/12/2027' };

  it.each([
    ['not JSON', 'nope', 'pas un fichier JSON lisible'],
    ['another shape', '{"data": []}', 'Fichier inattendu'],
    ['no fiche', '{"count":0,"next":null,"previous":null,"results":[]}', 'aucune fiche'],
  ])('%s', (_n, text, message) => {
    expect(parseEmployeeRecords(text, EMPTY).fileProblems[0]!.message).toContain(message);
  });

  it('warns when the file is one page of several', () => {
    const text = JSON.stringify({ count: 120, next: 'https://emplois.inclusion.beta.gouv.fr/api/v1/employee-records/?page=2', previous: null, results: [] });
    expect(parseEmployeeRecords(text, EMPTY).fileProblems[0]).toMatchObject({ code: 'more_pages', blocking: false });
  });

  it.each([
    ['a missing name', { ...ok, nomUsage: '' }, {}, ['last_name_missing']],
    ['a birth date that does not exist', { ...ok, dateNaissance: '30/02/1990' }, {}, ['dateNaissance_inexistante']],
    ['a bad PASS number', { ...ok, passIae: '12345' }, {}, ['pass_number']],
    ['an unreadable end date (warning only)', { ...ok, passDateFin: 'bientôt' }, {}, ['passDateFin_illisible']],
    ['another establishment', ok, { siret: '12345678900011' }, ['other_siret']],
    // Newer versions of the API put the PASS at the top of the fiche.
    ['the PASS at the top of the fiche', { nomUsage: 'DUPONT', prenom: 'MARIE', dateNaissance: '01/02/1990' }, { passIae: '999990000001', passDateDeb: '01/01/2026', passDateFin: '31/12/2027' }, []],
  ])('%s', (_n, person, extra, expected) => {
    const { lines } = parseEmployeeRecords(one(person, extra), { ...EMPTY, structureSiret: '44718922500017' });
    expect(codes(lines)).toEqual([expected]);
  });

  it('finds the same person or the same PASS twice in the file', () => {
    const r = (passIae: string, prenom = 'MARIE') => ({ personnePhysique: { nomUsage: 'DUPONT', prenom, dateNaissance: '01/02/1990', passIae, passDateDeb: '01/01/2026' } });
    const text = JSON.stringify({ count: 3, next: null, previous: null, results: [r('999990000001'), r('999990000002'), r('999990000001', 'LEA')] });
    expect(codes(parseEmployeeRecords(text, EMPTY).lines)).toEqual([[], ['duplicate_in_file'], ['duplicate_pass']]);
  });
});
