// GET /api/sync/pull: the records this user may read whose last change is after the cursor, in
// commit order, with confidential fields stripped. A cursor from another scope (team changed,
// role changed) restarts from zero with `reset: true`; a record that left the user's view since
// the cursor comes as a tombstone, but only if the device could have held it.
import { Hono } from 'hono';
import { canRead, visibleFields, type Actor } from '../../domain/access';
import type { EntityName } from '../../domain/entities';
import { setOwn } from '../../domain/ownKeys';
import { versionOf } from '../../domain/records/upgrades';
import { DEFAULT_PULL_LIMIT, MAX_PULL_LIMIT, type Clocks, type Fields, type PulledChange, type PullResponse } from '../../sync/protocol';
import { json, toNumber, type Queryable } from '../db/types';
import { auditPull } from '../audit/record';
import { today, type AppDeps } from '../deps';
import { badRequest, HttpError } from '../http/errors';
import type { AppEnv } from '../http/env';
import { decodeCursor, encodeCursor, type Cursor } from './cursor';
import { fromRow, RECORD_COLUMNS, recordKey, viewOf, type RecordRow, type StoredRecord } from './records';
import { resolveActor, scopeFingerprint } from './scope';

/** Rows examined per request at most, so a reader who may see little cannot stall the server. */
const MAX_SCAN = 10_000;

export interface Page {
  changes: PulledChange[];
  cursor: string;
  hasMore: boolean;
  reset: boolean;
}

export function pullRoutes(deps: AppDeps): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get('/pull', async (c) => {
    const { user, deviceId } = c.get('session');
    const sinceText = c.req.query('since');
    const since = sinceText ? decodeCursor(sinceText) : null;
    const limit = parseLimit(c.req.query('limit'));
    const resolved = await resolveActor(deps.db, user.id, user.structureId, today(deps));
    if (!resolved) throw new HttpError(401, { error: 'device_revoked', message: 'ce compte est désactivé' });
    const page = await readPage(deps.db, resolved.actor, since, limit);
    // Audit of confidential reads (audit/record.ts): one insert when the page holds any, before
    // the answer leaves, so a page that could not be logged is not delivered.
    await auditPull(deps.db, { structureId: user.structureId, userId: user.id, role: resolved.actor.role, deviceId }, deps.now(), page.changes);
    const body: PullResponse = {
      changes: page.changes,
      cursor: page.cursor,
      hasMore: page.hasMore,
      ...(page.reset ? { reset: true as const } : {}),
      serverHlc: deps.clock.tick(),
    };
    return c.json(body);
  });
  return r;
}

function parseLimit(text: string | undefined): number {
  if (text === undefined || text === '') return DEFAULT_PULL_LIMIT;
  if (!/^\d{1,9}$/.test(text) || Number(text) < 1) throw badRequest('limit', 'limit : entier positif attendu', 'invalid_request');
  return Math.min(Number(text), MAX_PULL_LIMIT);
}

export async function readPage(q: Queryable, actor: Actor, since: Cursor | null, limit: number): Promise<Page> {
  const scope = scopeFingerprint(actor);
  const top = await q.query<{ seq: unknown; epoch: string | null }>(
    'SELECT (SELECT seq FROM structure_seq WHERE structure_id = $1) AS seq, (SELECT epoch FROM store_epoch) AS epoch',
    [actor.structureId],
  );
  const maxSeq = toNumber(top.rows[0]?.seq);
  const epoch = top.rows[0]?.epoch ?? '';
  // A cursor of another scope, from before a restore (another epoch), or beyond this store's
  // history, restarts.
  const reset = since !== null && (since.scope !== scope || since.epoch !== epoch || since.seq > maxSeq);
  const from = since && !reset ? since.seq : 0;

  const changes: PulledChange[] = [];
  let pos = from;
  let scanned = 0;
  let hasMore = false;
  const batch = Math.max(limit, 100);

  // A full view (first sync or reset) needs no tombstones, so rows about salariés outside the
  // actor's scope can be skipped in SQL; canRead below still decides for every row sent.
  const narrow = from === 0 ? salarieScopeFilter(actor) : null;
  for (;;) {
    // The batch comes back as ONE json text, parsed once: a row per record cost the driver a
    // protocol message and two jsonb parses each, most of a first sync's server time (issue 13).
    const { rows } = await q.query<{ page: string | null }>(
      `SELECT json_agg(r ORDER BY r.seq)::text AS page FROM (
         SELECT ${RECORD_COLUMNS} FROM records WHERE structure_id = $1 AND seq > $2${narrow ? ` AND ${narrow.sql}` : ''} ORDER BY seq LIMIT $3
       ) r`,
      [actor.structureId, pos, batch, ...(narrow ? narrow.params : [])],
    );
    const text = rows[0]?.page;
    const records = (text === null || text === undefined ? [] : JSON.parse(text) as RecordRow[]).map(fromRow);
    const left = await leftTheView(q, actor, from, records);
    let i = 0;
    for (; i < records.length && changes.length < limit; i++) {
      const rec = records[i]!;
      pos = rec.seq;
      scanned++;
      // A device starting from zero has nothing to delete.
      if (from === 0 && rec.deleted) continue;
      if (canRead(actor, viewOf(rec))) changes.push(serialize(actor, rec));
      else if (left.has(recordKey(rec.entity, rec.id))) changes.push({ entity: rec.entity, id: rec.id, fields: {}, deleted: true, clocks: {} });
    }
    if (i < records.length) {
      hasMore = true;
      break;
    }
    if (records.length < batch) break;
    if (changes.length >= limit) {
      const more = await q.query('SELECT 1 FROM records WHERE structure_id = $1 AND seq > $2 LIMIT 1', [actor.structureId, pos]);
      hasMore = more.rows.length > 0;
      break;
    }
    if (scanned >= MAX_SCAN) {
      hasMore = true;
      break;
    }
  }
  return { changes, cursor: encodeCursor({ seq: pos, scope, epoch }), hasMore, reset };
}

/** Entities an ETI or a salarié reads only for the salariés in their scope (see access.ts). */
const PER_SALARIE: readonly EntityName[] = [
  'salarie', 'contract', 'passIae', 'suspension', 'prolongation', 'pmsmp', 'diagnostic', 'timeEntry',
  'assignment', 'evaluation', 'objective', 'badge', 'logEntry', 'review', 'onboarding', 'decision',
];

/** SQL prefilter over the `salarie_id` column: a superset of what canRead accepts. */
function salarieScopeFilter(actor: Actor): { sql: string; params: unknown[] } | null {
  if (actor.role === 'coordinator') return null;
  const allowed = actor.role === 'salarie' ? (actor.salarieId ? [actor.salarieId] : []) : [...actor.salarieIds];
  return {
    sql: `(salarie_id IS NULL OR salarie_id IN (SELECT jsonb_array_elements_text($4::jsonb)) OR entity NOT IN (SELECT jsonb_array_elements_text($5::jsonb)))`,
    params: [json(allowed), json(PER_SALARIE)],
  };
}

/**
 * Ids of records, unreadable now, that this device could read at its cursor: created by then,
 * and the first audience change after the cursor shows a view the actor could read.
 */
async function leftTheView(q: Queryable, actor: Actor, from: number, records: StoredRecord[]): Promise<Set<string>> {
  if (from === 0) return new Set();
  const candidates = records.filter((r) => r.createdSeq <= from && !canRead(actor, viewOf(r)));
  if (candidates.length === 0) return new Set();
  const { rows } = await q.query<{ entity: string; id: string; old_fields: Fields; old_salarie_id: string | null }>(
    `SELECT DISTINCT ON (id, entity) entity, id, old_fields, old_salarie_id FROM audience_changes
     WHERE structure_id = $1 AND seq > $2 AND id IN (SELECT jsonb_array_elements_text($3::jsonb))
     ORDER BY id, entity, seq`,
    [actor.structureId, from, json(candidates.map((r) => r.id))],
  );
  const out = new Set<string>();
  for (const row of rows) {
    const view = { entity: row.entity as EntityName, id: row.id, structureId: actor.structureId, fields: row.old_fields, salarieId: row.old_salarie_id ?? undefined };
    if (canRead(actor, view)) out.add(recordKey(row.entity, row.id));
  }
  return out;
}

function serialize(actor: Actor, rec: StoredRecord): PulledChange {
  const fields = visibleFields(actor, rec.entity, rec.fields);
  const clocks: Clocks = {};
  for (const [name, hlc] of Object.entries(rec.clocks)) {
    if (name === 'deleted' || Object.hasOwn(fields, name)) setOwn(clocks, name, hlc);
  }
  return { entity: rec.entity, id: rec.id, fields: { ...fields, structureId: rec.structureId }, deleted: rec.deleted, clocks, v: versionOf(rec.entity) };
}
