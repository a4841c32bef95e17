// The salariés CSV as French Excel writes it, read into a preview whose every problem names its
// line, its column and why; and the one batch of writes the kept lines become.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isImportable, parseSalariesCsv, planSalariesImport, type ExistingPeople } from '../../../src/domain/imports/salariesCsv';
import { readFrenchDate } from '../../../src/domain/imports/common';
import { splitCsvRecords } from '../../../src/domain/csv';

fc.configureGlobal({ seed: 42 });

const TODAY = '2026-11-20';
const TEAMS = [{ id: 't-verts', name: 'Espaces verts' }, { id: 't-textile', name: 'Tri textile' }];
const NONE: ExistingPeople = { salaries: [], teams: TEAMS };
const HEADER = 'Nom;Prénom;Date de naissance;Téléphone;Prescripteur;Date d’entrée;RQTH (oui/non);Équipe';
const codes = (text: string, existing = NONE) => parseSalariesCsv(text, existing, TODAY).lines.map((l) => [l.line, ...l.problems.map((p) => `${p.column ?? '-'}:${p.code}`)]);

describe('parseSalariesCsv: the file', () => {
  it('reads the Excel export fixture (BOM, CRLF, quoted « ; », accents in headers)', () => {
    const text = readFileSync(new URL('../../fixtures/salaries-excel.csv', import.meta.url), 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('\r\n');
    const { fileProblems, lines } = parseSalariesCsv(text, NONE, TODAY);
    expect(fileProblems).toEqual([]);
    expect(lines.map((l) => l.problems)).toEqual([[], [], []]);
    expect(lines[0]).toMatchObject({ line: 2, lastName: 'Benali', firstName: 'Amina', birthDate: '1991-03-14', entryDate: '2025-09-02', phone: '06 12 34 56 78', prescriber: 'France Travail Clermont Nord', rqth: false, teamId: 't-verts' });
    expect(lines[1]).toMatchObject({ lastName: 'Lefèvre', prescriber: 'Mission locale; antenne de Riom', rqth: true, phone: null });
    expect(lines[2]).toMatchObject({ firstName: 'Kévin', rqth: null, teamId: 't-textile' });
  });

  it.each([
    ['BOM + CRLF', `\uFEFF${HEADER}\r\nDupont;Marie;01/02/1990;;;;non;\r\n`],
    ['no BOM + LF', `${HEADER}\nDupont;Marie;01/02/1990;;;;non;\n`],
    ['commas', 'Nom,Prénom,Date de naissance\nDupont,Marie,01/02/1990\n'],
    ['tabs, other order, lower case', 'prenom\tdate de naissance\tnom\nMarie\t1/2/1990\tDupont'],
    ['quoted cells with "" inside', `${HEADER}\n"Dupont";"Marie ""Mimi""";"01/02/1990";;;;;\n`],
  ])('reads %s', (_name, text) => {
    const { fileProblems, lines } = parseSalariesCsv(text, NONE, TODAY);
    expect(fileProblems.filter((p) => p.blocking)).toEqual([]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ lastName: 'Dupont', birthDate: '1990-02-01' });
    expect(isImportable(lines[0]!)).toBe(true);
  });

  it('refuses a file without Nom and Prénom columns, names an ignored column, skips blank lines', () => {
    expect(parseSalariesCsv('Name;Surname\nA;B', NONE, TODAY).fileProblems[0]!.message).toContain('colonne « Nom » et « Prénom » introuvable');
    expect(parseSalariesCsv('', NONE, TODAY).fileProblems[0]!.message).toBe('Le fichier est vide.');
    const r = parseSalariesCsv('Nom;Prénom;Date de naissance;NIR\n\nDupont;Marie;01/02/1990;1900\n;;;\n', NONE, TODAY);
    expect(r.fileProblems.map((p) => p.message)).toEqual(['Colonne(s) ignorée(s) : « NIR ».']);
    expect(r.lines.map((l) => l.line)).toEqual([3]);
  });

  it('numbers lines as the editor shows them, even after a cell with a line break', () => {
    const text = `${HEADER}\nDupont;Marie;01/02/1990;;"Mission locale\nantenne Riom";;;\nMartin;;;;;;;\n`;
    expect(codes(text)).toEqual([[2], [4, 'Prénom:first_name_missing', 'Date de naissance:birth_missing']]);
  });
});

describe('parseSalariesCsv: problems of a line, by column', () => {
  it.each([
    ['nom manquant', ';Marie;01/02/1990;;;;;', ['Nom:last_name_missing']],
    ['date inexistante', 'Dupont;Marie;31/02/1990;;;;;', ['Date de naissance:date_inexistante']],
    ['date illisible', 'Dupont;Marie;1990/02/01x;;;;;', ['Date de naissance:date_illisible']],
    ['birth in the future', 'Dupont;Marie;01/02/2030;;;;;', ['Date de naissance:birth_in_future']],
    ['bad entry date', 'Dupont;Marie;01/02/1990;;;29/02/2025;;', ['Date d’entrée:date_inexistante']],
    ['bad RQTH', 'Dupont;Marie;01/02/1990;;;;peut-être;', ['RQTH:rqth_value']],
    ['unknown team', 'Dupont;Marie;01/02/1990;;;;;Maraîchage', ['Équipe:team_unknown']],
    ['team by another spelling', 'Dupont;Marie;01/02/1990;;;;;ESPACES-VERTS', []],
    ['odd phone (warning)', 'Dupont;Marie;01/02/1990;12;;;;', ['Téléphone:phone_format']],
    ['too long', `Dupont;${'M'.repeat(201)};01/02/1990;;;;;`, ['Prénom:too_long']],
  ])('%s', (_name, line, expected) => {
    expect(codes(`${HEADER}\n${line}\n`)).toEqual([[2, ...expected]]);
  });

  it('names the teams that exist when one is unknown', () => {
    const [l] = parseSalariesCsv(`${HEADER}\nDupont;Marie;01/02/1990;;;;;Maraîchage\n`, NONE, TODAY).lines;
    expect(l!.problems[0]!.message).toBe('équipe inconnue « Maraîchage » (équipes : Espaces verts, Tri textile)');
    expect(l!.problems[0]!.blocking).toBe(true);
  });

  it('finds duplicates in the file and people already in Tremplin, accents and case ignored', () => {
    const text = `${HEADER}\nLefèvre;Hélène;22/07/1985;;;;;\nLEFEVRE;HELENE;22/07/1985;;;;;\nMartin;Paul;03/03/1977;;;;;\nMartin;Paul;;;;;;\n`;
    const existing = { salaries: [{ lastName: 'Martin', firstName: 'Paul', birthDate: '1977-03-03' }], teams: TEAMS };
    expect(codes(text, existing)).toEqual([
      [2],
      [3, '-:duplicate_in_file'],
      [4, '-:already_present'],
      // Without a birth date there is no key: a homonym is not taken for the same person.
      [5, 'Date de naissance:birth_missing'],
    ]);
    expect(parseSalariesCsv(text, existing, TODAY).lines[1]!.problems[0]!.message).toBe('doublon dans le fichier : même personne qu’à la ligne 2');
  });
});

describe('planSalariesImport', () => {
  it('writes each kept salarié and their team membership, never a line with a blocking problem', () => {
    const { lines } = parseSalariesCsv(`${HEADER}\nDupont;Marie;01/02/1990;;ML;02/03/2026;oui;Tri textile\n;Paul;;;;;;\nMartin;Léa;;;;;;\n`, NONE, TODAY);
    let n = 0;
    const writes = planSalariesImport(lines, 'S', TODAY, () => `id${++n}`);
    expect(writes).toEqual([
      { entity: 'salarie', id: 'id1', set: { structureId: 'S', lastName: 'Dupont', firstName: 'Marie', birthDate: '1990-02-01', entryDate: '2026-03-02', phone: null, prescriber: 'ML', rqth: true } },
      { entity: 'membership', id: 'id2', set: { structureId: 'S', teamId: 't-textile', salarieId: 'id1', from: '2026-03-02' } },
      { entity: 'salarie', id: 'id3', set: { structureId: 'S', lastName: 'Martin', firstName: 'Léa', birthDate: null, entryDate: null, phone: null, prescriber: null, rqth: null } },
    ]);
  });
});

describe('readFrenchDate and the CSV reader (properties)', () => {
  it('reads back every existing date written JJ/MM/AAAA', () => {
    fc.assert(fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
      const iso = d.toISOString().slice(0, 10);
      const [y, m, day] = iso.split('-');
      expect(readFrenchDate(`${day}/${m}/${y}`)).toEqual({ ok: true, iso });
    }));
  });

  it('splits what was quoted back to the same cells, whatever the cells hold', () => {
    const cell = fc.string({ maxLength: 8 }).map((s) => s.replace(/\uFEFF/g, ''));
    fc.assert(fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), fc.constantFrom('\n', '\r\n'), (rows, eol) => {
      const text = rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(';')).join(eol);
      expect(splitCsvRecords(text, ';').map((r) => r.cells)).toEqual(rows);
    }));
  });
});
