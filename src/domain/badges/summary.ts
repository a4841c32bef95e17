// What the verification page shows of a badge file before (and whatever) the server says: who
// received it, what it recognises, who issued it, since when, and the evidence listed. Read
// defensively from any JSON: a field that is missing or of the wrong type is left out, never
// guessed, because the file comes from anyone.
export interface BadgeSummary {
  recipient: string | null;
  achievement: string | null;
  description: string | null;
  criteria: string | null;
  issuer: string | null;
  issuerId: string | null;
  /** `validFrom` (or OB 2-style `issuanceDate`), as written. */
  validFrom: string | null;
  evidence: { name: string | null; description: string | null }[];
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | null => (typeof v === 'object' && v !== null && !Array.isArray(v) ? v as Json : null);
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

export function badgeSummary(credential: unknown): BadgeSummary {
  const c = obj(credential) ?? {};
  const subject = obj(list(c['credentialSubject'])[0]) ?? {};
  const achievement = obj(subject['achievement']) ?? {};
  const identifiers = list(subject['identifier']).map(obj).filter((x): x is Json => x !== null);
  const named = identifiers.find((i) => i['identityType'] === 'name' && i['hashed'] !== true);
  const issuer = c['issuer'];
  const issuerObj = obj(issuer);
  return {
    recipient: text(named?.['identityHash']) ?? text(subject['name']),
    achievement: text(achievement['name']) ?? text(c['name']),
    description: text(achievement['description']),
    criteria: text(obj(achievement['criteria'])?.['narrative']),
    issuer: text(issuerObj?.['name']),
    issuerId: text(issuerObj?.['id']) ?? text(issuer),
    validFrom: text(c['validFrom']) ?? text(c['issuanceDate']),
    evidence: list(c['evidence']).map(obj).filter((x): x is Json => x !== null)
      .map((e) => ({ name: text(e['name']), description: text(e['description']) })),
  };
}
