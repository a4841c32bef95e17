// Reading the audit for GET /api/audit: the parameters checked one by one (a bad one is a 400
// naming it), then the structure's lines newest first, a page at a time. Erasures, kept apart
// in their own table since migration 6 (salaries/erase.ts), are shown in the same list as
// `erase` lines, so the coordination reads one journal of who touched which person's data.
import { isRecordId } from '../../domain/ids';
import { isIsoDate } from '../../domain/rules/dates';
import { DEFAULT_AUDIT_LIMIT, MAX_AUDIT_LIMIT, type AuditKind, type AuditLine, type AuditPage } from '../../sync/protocol';
import { ROLES, isEntityName } from '../../domain/entities';
import type { Queryable } from '../db/types';
import { addDays, wallClockToUtc } from '../calendar/parisTime';
import { badRequest } from '../http/errors';

export interface AuditQuery {
  /** Instants (ISO) of the period: from inclusive, until exclusive. */
  from: string | null;
  until: string | null;
  salarieId: string | null;
  userId: string | null;
  limit: number;
  before: { at: string; id: string } | null;
}

const bad = (field: string, message: string) => badRequest(field, message, 'invalid_request');

function optional(get: (name: string) => string | undefined, name: string): string | null {
  const v = get(name);
  return v === undefined || v === '' ? null : v;
}

/** `from`/`to` are days of the structure's time zone, both included. */
export function parseAuditQuery(get: (name: string) => string | undefined, timeZone: string): AuditQuery {
  const from = optional(get, 'from');
  const to = optional(get, 'to');
  if (from !== null && !isIsoDate(from)) throw bad('from', 'from : date AAAA-MM-JJ attendue');
  if (to !== null && !isIsoDate(to)) throw bad('to', 'to : date AAAA-MM-JJ attendue');
  if (from !== null && to !== null && to < from) throw bad('to', 'to : la date de fin précède la date de début');
  const salarieId = optional(get, 'salarieId');
  if (salarieId !== null && !isRecordId(salarieId)) throw bad('salarieId', 'salarieId : identifiant de salarié invalide (UUID ou ULID attendu)');
  const userId = optional(get, 'userId');
  if (userId !== null && !isRecordId(userId)) throw bad('userId', 'userId : identifiant de compte invalide (UUID ou ULID attendu)');
  const limitText = optional(get, 'limit');
  if (limitText !== null && (!/^\d{1,4}$/.test(limitText) || Number(limitText) < 1 || Number(limitText) > MAX_AUDIT_LIMIT)) {
    throw bad('limit', `limit : entier de 1 à ${MAX_AUDIT_LIMIT} attendu`);
  }
  const beforeText = optional(get, 'before');
  const before = beforeText === null ? null : decodeBefore(beforeText);
  if (beforeText !== null && before === null) throw bad('before', 'before : curseur de page invalide');
  return {
    from: from === null ? null : new Date(wallClockToUtc(from, '00:00', timeZone)).toISOString(),
    until: to === null ? null : new Date(wallClockToUtc(addDays(to, 1), '00:00', timeZone)).toISOString(),
    salarieId, userId,
    limit: limitText === null ? DEFAULT_AUDIT_LIMIT : Number(limitText),
    before,
  };
}

/** The page cursor: the last line's instant and id, base64url, opaque to the client. */
function encodeBefore(at: string, id: string): string {
  return Buffer.from(`${at}|${id}`, 'utf8').toString('base64url');
}

function decodeBefore(text: string): { at: string; id: string } | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(text)) return null;
  const [at, id, ...rest] = Buffer.from(text, 'base64url').toString('utf8').split('|');
  if (rest.length > 0 || at === undefined || id === undefined || !isRecordId(id)) return null;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(at) || Number.isNaN(Date.parse(at))) return null;
  return { at, id };
}

interface AuditRow {
  id: string;
  at: Date | string;
  user_id: string;
  role: string;
  device_id: string | null;
  kind: string;
  entity: string;
  record_id: string | null;
  salarie_ids: unknown;
  records: number | null;
}

const KINDS = ['pull', 'export', 'history', 'erase'] as const satisfies readonly AuditKind[];

function lineOf(r: AuditRow): AuditLine | null {
  const role = ROLES.find((x) => x === r.role);
  const kind = KINDS.find((x) => x === r.kind);
  if (role === undefined || kind === undefined || !isEntityName(r.entity)) return null;
  const salarieIds = Array.isArray(r.salarie_ids) ? r.salarie_ids.filter((s): s is string => typeof s === 'string') : [];
  return {
    id: r.id, at: new Date(r.at).toISOString(), userId: r.user_id, role, deviceId: r.device_id, kind, entity: r.entity,
    ...(r.record_id !== null ? { recordId: r.record_id } : {}),
    salarieIds, records: r.records === null ? null : Number(r.records),
  };
}

export async function readAudit(q: Queryable, structureId: string, query: AuditQuery): Promise<AuditPage> {
  const { rows } = await q.query<AuditRow>(
    `SELECT id, at, user_id, role, device_id, kind, entity, record_id, salarie_ids, records FROM (
       SELECT id, structure_id, at, user_id, role, device_id, kind, entity, record_id, salarie_ids, records FROM read_audit
       UNION ALL
       SELECT id, structure_id, erased_at, erased_by, 'coordinator', NULL::text, 'erase', 'salarie', NULL::text,
              jsonb_build_array(salarie_id), NULL::integer FROM erasures
     ) a
     WHERE structure_id = $1
       AND ($2::timestamptz IS NULL OR at >= $2::timestamptz)
       AND ($3::timestamptz IS NULL OR at < $3::timestamptz)
       AND ($4::text IS NULL OR salarie_ids @> jsonb_build_array($4::text))
       AND ($5::text IS NULL OR user_id = $5::text)
       AND ($6::timestamptz IS NULL OR at < $6::timestamptz OR (at = $6::timestamptz AND id COLLATE "C" < $7::text))
     ORDER BY at DESC, id COLLATE "C" DESC
     LIMIT $8`,
    [structureId, query.from, query.until, query.salarieId, query.userId, query.before?.at ?? null, query.before?.id ?? null, query.limit + 1],
  );
  const lines = rows.slice(0, query.limit).flatMap((r) => lineOf(r) ?? []);
  const last = rows.length > query.limit ? rows[query.limit - 1] : undefined;
  return { lines, ...(last !== undefined ? { next: encodeBefore(new Date(last.at).toISOString(), last.id) } : {}) };
}
