// The wire format of the sync contract (shared/design/SYNC-CONTRACT.md), shared by the device's
// sync engine and the server so that both sides agree on names, limits and version.
import type { EntityName, Role } from '../domain/entities';

export type { Role };

/** Bumped when the wire format changes incompatibly; the server answers 426 to older ones. */
export const PROTOCOL_VERSION = 1;
export const MIN_PROTOCOL_VERSION = 1;
export const PROTOCOL_HEADER = 'X-Tremplin-Protocol';

export const MAX_PUSH_CHANGES = 1000;
export const MAX_PUSH_BYTES = 2 * 1024 * 1024;
export const DEFAULT_PULL_LIMIT = 500;
export const MAX_PULL_LIMIT = 2000;

export type JsonValue = string | number | boolean | null | JsonValue[] | { [k: string]: JsonValue };
export type Fields = Record<string, JsonValue>;
/** Per-field HLC strings: the clock of the write that set each field's current value. */
export type Clocks = Record<string, string>;

export interface Change {
  opId: string;
  entity: EntityName;
  id: string;
  hlc: string;
  set: Fields;
  deleted?: true;
  /**
   * The record version the `set` is written in (domain/records/upgrades.ts). Absent = 1: the
   * tablets shipped before versions existed; the server upgrades an older set before applying it.
   */
  v?: number;
}

export type RejectReason = 'forbidden' | 'clock_skew' | 'month_closed' | 'invalid';

export interface PushResult {
  opId: string;
  status: 'applied' | 'duplicate' | 'rejected';
  reason?: RejectReason;
  /** Human-readable detail in French (which field, which rule). */
  message?: string;
}

export interface PushResponse {
  results: PushResult[];
  serverHlc: string;
}

export interface PulledChange {
  entity: EntityName;
  id: string;
  fields: Fields;
  deleted: boolean;
  clocks: Clocks;
  /** The record version `fields` are in; absent = 1 (an older server). The device upgrades older ones. */
  v?: number;
}

export interface PullResponse {
  changes: PulledChange[];
  cursor: string;
  hasMore: boolean;
  reset?: true;
  serverHlc: string;
}

export interface SessionUser {
  id: string;
  role: Role;
  structureId: string;
  salarieId?: string;
  displayName?: string;
}

export interface LoginResponse {
  token: string;
  user: SessionUser;
  deviceId: string;
}

/** One key per record across entities, for maps and sets on both sides of the wire. */
export function recordKey(entity: string, id: string): string {
  return `${entity}\u0000${id}`;
}

/** A login as `GET /api/users` answers it (contract « Second release »): never a password hash. */
export interface UserListItem {
  id: string;
  login: string;
  displayName: string;
  role: Role;
  salarieId?: string;
  active: boolean;
  lastLoginAt?: string;
}

/**
 * The audit of confidential reads (`GET /api/audit`, coordinator): ids and counts only, never a
 * name, a text or a field value — the log must not itself hold the data whose reads it records.
 * `pull`: diagnostics or privé log entries sent to a device; `export`: GET /api/salaries/:id/export;
 * `history`: the field history of a confidential record; `erase`: an RGPD erasure (no count).
 */
export type AuditKind = 'pull' | 'export' | 'history' | 'erase';

export interface AuditLine {
  id: string;
  /** ISO instant of the read. */
  at: string;
  userId: string;
  /** The reader's role at the time of the read. */
  role: Role;
  deviceId: string | null;
  kind: AuditKind;
  entity: EntityName;
  /** For `history`: the record whose history was read. */
  recordId?: string;
  salarieIds: string[];
  /** Records delivered; null for an erasure. */
  records: number | null;
}

export interface AuditPage {
  lines: AuditLine[];
  /** Pass as `before` for the next (older) page; absent on the last page. */
  next?: string;
}

export const DEFAULT_AUDIT_LIMIT = 50;
export const MAX_AUDIT_LIMIT = 200;

export interface ErrorBody {
  error: string;
  message?: string;
  field?: string;
}
