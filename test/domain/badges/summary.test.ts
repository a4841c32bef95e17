// What the verification page reads from any badge file: the fields it shows, and nothing guessed
// when a field is missing or of the wrong type.
import { describe, expect, it } from 'vitest';
import { badgeSummary } from '../../../src/domain/badges/summary';

describe('badgeSummary', () => {
  it('reads who, what, issuer, date and evidence from an OB 3.0 credential', () => {
    expect(badgeSummary({
      issuer: { id: 'https://x/api/issuers/s', name: 'Les Jardins' },
      validFrom: '2026-11-20T10:00:00Z',
      credentialSubject: {
        identifier: [{ identityType: 'emailAddress', hashed: true, identityHash: 'sha256$ab' }, { identityType: 'name', hashed: false, identityHash: 'Amina Diallo' }],
        achievement: { name: 'Tailler une haie', description: 'Au taille-haie', criteria: { narrative: 'Niveau atteint : Acquis' } },
      },
      evidence: [{ name: 'Évaluation du 2026-11-01', description: 'niveau 3' }],
    })).toEqual({
      recipient: 'Amina Diallo', achievement: 'Tailler une haie', description: 'Au taille-haie', criteria: 'Niveau atteint : Acquis',
      issuer: 'Les Jardins', issuerId: 'https://x/api/issuers/s', validFrom: '2026-11-20T10:00:00Z',
      evidence: [{ name: 'Évaluation du 2026-11-01', description: 'niveau 3' }],
    });
  });
  it.each([null, 42, 'texte', [], { credentialSubject: 'x', issuer: 7, evidence: 'y' }])('%j gives an empty summary', (input) => {
    expect(badgeSummary(input)).toEqual({ recipient: null, achievement: null, description: null, criteria: null, issuer: null, issuerId: null, validFrom: null, evidence: [] });
  });
  it('keeps an issuer given as a bare address', () => {
    expect(badgeSummary({ issuer: 'https://x/api/issuers/s' }).issuerId).toBe('https://x/api/issuers/s');
  });
});
