// One Ed25519 signing key per structure, made on first need and kept in `signing_keys`
// (migration 7). The secret half is read only by `signingKeyOf`, whose answer goes straight to
// the signer: no route, log or error message ever carries it. Two first requests at once make one
// key: creation runs under a transaction-scoped advisory lock on the structure.
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { uuidv7 } from '../../domain/ids';
import type { Db, Queryable } from '../db/types';

export interface PublicKey {
  id: string;
  publicKeyMultibase: string;
}

/** Internal only: never serialise it. */
export interface SigningKey extends PublicKey {
  secretKeyMultibase: string;
}

/** A key namespace for pg_advisory_xact_lock(int, int): "Tremplin signing keys". */
const KEY_LOCK = 7_236_110_043 % 2_147_483_647;

/** The structure's public keys, oldest first (every one still verifies what it signed). */
export async function publicKeysOf(q: Queryable, structureId: string): Promise<PublicKey[]> {
  const { rows } = await q.query<{ id: string; public_key_multibase: string }>(
    'SELECT id, public_key_multibase FROM signing_keys WHERE structure_id = $1 ORDER BY created_at, id',
    [structureId],
  );
  return rows.map((r) => ({ id: r.id, publicKeyMultibase: r.public_key_multibase }));
}

/** The structure's current signing key, made (once) when it has none. */
export async function signingKeyOf(db: Db, structureId: string): Promise<SigningKey> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [KEY_LOCK, structureId]);
    const { rows } = await tx.query<{ id: string; public_key_multibase: string; secret_key_multibase: string }>(
      `SELECT id, public_key_multibase, secret_key_multibase FROM signing_keys
       WHERE structure_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1`,
      [structureId],
    );
    const found = rows[0];
    if (found) return { id: found.id, publicKeyMultibase: found.public_key_multibase, secretKeyMultibase: found.secret_key_multibase };
    const pair = await Ed25519Multikey.generate({});
    const exported = await pair.export({ publicKey: true, secretKey: true });
    if (exported.secretKeyMultibase === undefined) throw new Error('key generation gave no secret key');
    const key: SigningKey = { id: `key-${uuidv7()}`, publicKeyMultibase: exported.publicKeyMultibase, secretKeyMultibase: exported.secretKeyMultibase };
    await tx.query(
      'INSERT INTO signing_keys (id, structure_id, public_key_multibase, secret_key_multibase) VALUES ($1, $2, $3, $4)',
      [key.id, structureId, key.publicKeyMultibase, key.secretKeyMultibase],
    );
    return key;
  });
}
