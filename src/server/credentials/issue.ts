// A badge's credential is signed once, the first time someone asks for it, then served as stored:
// the same JSON at every GET, so a downloaded file and a later one are the same credential. Two
// first requests at once sign twice but store once (ON CONFLICT DO NOTHING), and both answer the
// stored one. The proof is a Data Integrity `DataIntegrityProof` (cryptosuite eddsa-rdfc-2022) made
// by Digital Bazaar's @digitalbazaar/vc with the structure's key and a static document loader.
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { json, type Db } from '../db/types';
import type { StoredRecord } from '../sync/records';
import { achievementCredential } from './achievement';
import { documentLoaderFor } from './documents';
import { credentialFacts } from './facts';
import { signingKeyOf } from './keys';
import { issuerUrl, keyUrl } from './origin';

export type Credential = Record<string, unknown>;

export async function storedCredential(db: Db, badgeId: string): Promise<Credential | null> {
  const { rows } = await db.query<{ credential: Credential }>('SELECT credential FROM issued_credentials WHERE badge_id = $1', [badgeId]);
  return rows[0]?.credential ?? null;
}

/** The badge's credential, signed now if it never was; null when its facts cannot be read. */
export async function credentialOf(db: Db, origin: string, badge: StoredRecord, nowMs: number): Promise<Credential | null> {
  const stored = await storedCredential(db, badge.id);
  if (stored !== null) return stored;
  const facts = await credentialFacts(db, origin, badge);
  if (facts === null) return null;
  const signed = await signCredential(db, origin, badge.structureId, achievementCredential(facts));
  await db.query(
    `INSERT INTO issued_credentials (badge_id, structure_id, salarie_id, credential, issued_at)
     VALUES ($1, $2, $3, $4::jsonb, $5) ON CONFLICT (badge_id) DO NOTHING`,
    [badge.id, badge.structureId, String(badge.fields['salarieId']), json(signed), new Date(nowMs).toISOString()],
  );
  return storedCredential(db, badge.id);
}

/** Signs a credential with the structure's key (made on first need). The proof is an array, as OB 3.0's schema requires. */
export async function signCredential(db: Db, origin: string, structureId: string, credential: Credential): Promise<Credential> {
  const key = await signingKeyOf(db, structureId);
  const pair = await Ed25519Multikey.from({
    id: keyUrl(origin, structureId, key.id), type: 'Multikey', controller: issuerUrl(origin, structureId),
    publicKeyMultibase: key.publicKeyMultibase, secretKeyMultibase: key.secretKeyMultibase,
  });
  const suite = new DataIntegrityProof({ signer: pair.signer(), cryptosuite });
  const signed = await vc.issue({ credential: structuredClone(credential), suite, documentLoader: documentLoaderFor(null) });
  const proof = signed['proof'];
  return { ...signed, proof: Array.isArray(proof) ? proof : [proof] };
}
