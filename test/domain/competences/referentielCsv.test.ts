// The référentiel CSV: what a structure's spreadsheet gives, what an export gives back, and the
// line-by-line French messages for what cannot be imported.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseReferentielCsv, planImport, serializeReferentielCsv, splitCsv } from '../../../src/domain/competences/referentielCsv';

const HEADER = 'activite;codes_rome_activite;competence;description;nature;code_rome;pictogramme;critique_securite';

describe('parseReferentielCsv', () => {
  it('reads a French Excel export (BOM, semicolons, quotes, CRLF, accents in the words)', () => {
    const text = `\uFEFF${HEADER}\r\nEspaces verts;A1203;Tondre;"Régler la hauteur; tondre en bandes";Geste technique;a1203;tondeuse;non\r\nEspaces verts;;Porter les EPI;;Sécurité;;\u{1F9BA};OUI\r\n`;
    const { rows, problems } = parseReferentielCsv(text);
    expect(problems).toEqual([]);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ activity: 'Espaces verts', activityRomeCodes: ['A1203'], label: 'Tondre', description: 'Régler la hauteur; tondre en bandes', kind: 'technique', romeCode: 'A1203', pictogram: 'tondeuse', safetyCritical: false });
    // An emoji from an older grid becomes the name that draws it as SVG.
    expect(rows[1]).toMatchObject({ kind: 'securite', safetyCritical: true, romeCode: null, pictogram: 'epi' });
  });

  it('accepts commas and the minimal columns', () => {
    const { rows, problems } = parseReferentielCsv('activite,competence\nTri textile,Trier par catégorie\n');
    expect(problems).toEqual([]);
    expect(rows[0]).toMatchObject({ activity: 'Tri textile', label: 'Trier par catégorie', kind: null, safetyCritical: false });
  });

  it('reports each bad line in French and keeps the good ones', () => {
    const text = `${HEADER}\nA;;;;;;;\n;;X;;;;;\nA;;B;;magie;;;\nA;;C;;;Z99;;\nA;;D;;;;;peut-être\nA;;E;;savoir-être;;;\n`;
    const { rows, problems } = parseReferentielCsv(text);
    expect(rows.map((r) => r.label)).toEqual(['E']);
    expect(rows[0]!.kind).toBe('savoir_etre');
    expect(problems.map((p) => p.line)).toEqual([2, 3, 4, 5, 6]);
    expect(problems[0]!.message).toBe('compétence manquante');
    expect(problems[2]!.message).toContain('nature inconnue');
  });

  it('refuses a file without the expected header', () => {
    expect(parseReferentielCsv('nom;prenom\nA;B').problems[0]!.message).toContain('En-tête attendu');
  });
});

describe('export then import', () => {
  it('gives back the same référentiel, whatever the text in it', () => {
    const text = fc.string({ minLength: 1, maxLength: 30 }).map((s) => s.replace(/[\r\n]/g, ' ').trim()).filter((s) => s !== '');
    fc.assert(fc.property(text, text, fc.string({ maxLength: 40 }).map((s) => s.replace(/\r/g, '')), fc.boolean(), (activity, label, description, safety) => {
      const csv = serializeReferentielCsv([{ id: 'a', name: activity, romeCodes: ['A1203'] }], [{ id: 'c', activityId: 'a', label, description, kind: 'securite', romeCode: 'K2110', pictogram: 'casque', safetyCritical: safety }]);
      const { rows, problems } = parseReferentielCsv(csv);
      expect(problems).toEqual([]);
      expect(rows).toEqual([{ activity, activityRomeCodes: ['A1203'], label, description: description.trim(), kind: 'securite', romeCode: 'K2110', pictogram: 'casque', safetyCritical: safety }]);
    }), { seed: 42, numRuns: 200 });
  });

  it('splits quoted cells with separators, quotes and new lines', () => {
    expect(splitCsv('a;"b;""c""\nd"\r\ne;f', ';')).toEqual([['a', 'b;"c"\nd'], ['e', 'f']]);
  });
});

describe('planImport', () => {
  it('updates what exists (by name, ignoring case and accents), creates the rest, deletes nothing', () => {
    let n = 0;
    const newId = () => `new-${++n}`;
    const { rows } = parseReferentielCsv(`${HEADER}\nespaces verts;;TONDRE;Nouvelle description;;;;oui\nTri textile;;Trier;;;;;\n`);
    const writes = planImport({ activities: [{ id: 'ev', name: 'Espaces verts' }], competences: [{ id: 'c1', activityId: 'ev', label: 'Tondre' }, { id: 'c2', activityId: 'ev', label: 'Planter' }] }, rows, newId);
    expect(writes).toEqual([
      { entity: 'activity', id: 'new-1', set: { name: 'Tri textile', romeCodes: [] } },
      { entity: 'competence', id: 'c1', set: expect.objectContaining({ activityId: 'ev', label: 'TONDRE', description: 'Nouvelle description', safetyCritical: true }) },
      { entity: 'competence', id: 'new-2', set: expect.objectContaining({ activityId: 'new-1', label: 'Trier' }) },
    ]);
  });
});
