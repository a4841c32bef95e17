// The calendar_feeds table (migration 8): one address per user, kept as the digest of its
// secret. Replacing is one upsert, so the old address answers 404 from the same commit on.
import type { Queryable } from '../db/types';

export interface FeedOwner {
  userId: string;
  structureId: string;
}

/** Stores `hash` as the user's only address, replacing the one before. */
export async function replaceFeed(q: Queryable, owner: FeedOwner, hash: string, at: Date): Promise<void> {
  await q.query(
    `INSERT INTO calendar_feeds (user_id, structure_id, secret_hash, created_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (user_id) DO UPDATE SET secret_hash = EXCLUDED.secret_hash, structure_id = EXCLUDED.structure_id, created_at = EXCLUDED.created_at`,
    [owner.userId, owner.structureId, hash, at.toISOString()],
  );
}

/** The holder of the address whose secret digests to `hash`, if any. */
export async function feedOwner(q: Queryable, hash: string): Promise<FeedOwner | null> {
  const { rows } = await q.query<{ user_id: string; structure_id: string }>(
    'SELECT user_id, structure_id FROM calendar_feeds WHERE secret_hash = $1',
    [hash],
  );
  const row = rows[0];
  return row ? { userId: row.user_id, structureId: row.structure_id } : null;
}
