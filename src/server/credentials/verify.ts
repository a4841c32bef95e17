// POST /api/credentials/verify: does this credential verify as one of this server's issuers
// signed it? Each refusal is a French sentence an employer can read. Verified only when: the
// issuer is `<this origin>/api/issuers/<structureId>` of a structure held here; every proof is a
// `DataIntegrityProof` with cryptosuite eddsa-rdfc-2022 made by a key of THAT structure (a key of
// another structure is unknown to the loader and not in the controller's assertionMethod); and
// the signature matches every field (Digital Bazaar's verifier over RDF canonicalisation). A JWT
// (VC-JOSE) is not issued here: it is refused with a sentence saying so, not parsed.
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { z } from 'zod';
import type { Queryable } from '../db/types';
import { documentLoaderFor } from './documents';
import { publicKeysOf } from './keys';
import { keyUrl, structureOfIssuer } from './origin';

export interface VerifyAnswer {
  verified: boolean;
  problems: string[];
}

const proofSchema = z.object({
  type: z.string(),
  cryptosuite: z.string().optional(),
  verificationMethod: z.string(),
  proofValue: z.string().optional(),
}).loose();

/** The shape a credential must have to be examined at all; anything else is a 400 naming the field. */
export const credentialBody = z.object({
  '@context': z.array(z.unknown()).min(1),
  type: z.array(z.string()).min(1),
  issuer: z.union([z.string().min(1), z.object({ id: z.string().min(1) }).loose()]),
  credentialSubject: z.record(z.string(), z.unknown()),
  proof: z.union([z.array(proofSchema).min(1), proofSchema]),
}).loose();

export const jwtBody = z.object({ jwt: z.string() }).strict();

export type CredentialBody = z.infer<typeof credentialBody>;

export const PROBLEMS = {
  jwt: 'Ce badge est au format JWT (VC-JOSE) : ce serveur ne délivre pas de badge JWT et ne peut pas le vérifier. Ses badges sont signés en « Data Integrity » (eddsa-rdfc-2022).',
  issuer: 'L’émetteur de ce badge n’est pas une structure connue de ce serveur.',
  noKey: 'Cette structure n’a encore délivré aucun badge : aucune clé ne peut vérifier celui-ci.',
  suite: 'La signature n’est pas du type attendu (DataIntegrityProof, eddsa-rdfc-2022).',
  foreignKey: 'La clé qui a signé ce badge n’appartient pas à la structure indiquée comme émetteur.',
  signature: 'La signature ne correspond pas au contenu : le badge a été modifié après sa délivrance, ou il n’a pas été signé par cette structure.',
  notYetValid: 'Ce badge n’est pas encore valable (date de début dans le futur).',
  expired: 'Ce badge n’est plus valable (date de fin passée).',
} as const;

export async function verifyCredential(q: Queryable, origin: string, credential: CredentialBody): Promise<VerifyAnswer> {
  const issuerId = typeof credential.issuer === 'string' ? credential.issuer : credential.issuer.id;
  const structureId = structureOfIssuer(origin, issuerId);
  if (structureId === null) return { verified: false, problems: [PROBLEMS.issuer] };
  const structure = (await q.query<{ name: unknown }>(
    `SELECT fields->'name' AS name FROM records WHERE entity = 'structure' AND id = $1 AND NOT deleted`, [structureId],
  )).rows[0];
  if (structure === undefined) return { verified: false, problems: [PROBLEMS.issuer] };
  const keys = await publicKeysOf(q, structureId);
  if (keys.length === 0) return { verified: false, problems: [PROBLEMS.noKey] };

  const problems: string[] = [];
  const proofs = Array.isArray(credential.proof) ? credential.proof : [credential.proof];
  const keyIds = keys.map((k) => keyUrl(origin, structureId, k.id));
  if (proofs.some((p) => p.type !== 'DataIntegrityProof' || p.cryptosuite !== 'eddsa-rdfc-2022')) problems.push(PROBLEMS.suite);
  if (proofs.some((p) => !keyIds.includes(p.verificationMethod))) problems.push(PROBLEMS.foreignKey);
  if (problems.length > 0) return { verified: false, problems };

  const result = await vc.verifyCredential({
    credential: structuredClone(credential),
    suite: new DataIntegrityProof({ cryptosuite }),
    documentLoader: documentLoaderFor({ origin, structureId, name: typeof structure.name === 'string' ? structure.name : '', keys }),
    purpose: new vc.CredentialIssuancePurpose({ controller: { id: issuerId, assertionMethod: keyIds } }),
  });
  if (result.verified) return { verified: true, problems: [] };
  return { verified: false, problems: [problemOf(result)] };
}

function problemOf(result: vc.VerifyResult): string {
  const messages = [result.error?.message ?? '', ...(result.error?.errors ?? []).map((e) => e.message ?? '')].join(' ');
  if (/before "validFrom"|before the "issuanceDate"/i.test(messages)) return PROBLEMS.notYetValid;
  if (/after "validUntil"|expirationDate/i.test(messages)) return PROBLEMS.expired;
  return PROBLEMS.signature;
}
