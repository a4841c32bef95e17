// Schema migrations, applied at start, then the rows of older record versions upgraded.
// Numbered, never edited once shipped; a transaction-scoped advisory lock makes two processes
// starting at once apply each migration exactly once.
import { upgradeStoredRecords } from '../sync/recordUpgrades';
import type { Db, Queryable } from './types';

interface Migration {
  version: number;
  statements: string[];
}

const MIGRATIONS: Migration[] = [
  {
    version: 1,
    statements: [
      // One row per structure: the commit-order counter, locked FOR UPDATE by each write batch.
      `CREATE TABLE structure_seq (
        structure_id text PRIMARY KEY,
        seq bigint NOT NULL DEFAULT 0
      )`,
      // Current state of every synced record; seq = position of its last change in commit order.
      `CREATE TABLE records (
        entity text NOT NULL,
        id text NOT NULL,
        structure_id text NOT NULL,
        fields jsonb NOT NULL,
        clocks jsonb NOT NULL,
        deleted boolean NOT NULL DEFAULT false,
        seq bigint NOT NULL,
        created_seq bigint NOT NULL,
        salarie_id text,
        PRIMARY KEY (entity, id)
      )`,
      `CREATE INDEX records_structure_seq ON records (structure_id, seq)`,
      `CREATE INDEX records_structure_entity ON records (structure_id, entity)`,
      // Every applied change: idempotency by opId and the history of each written field.
      `CREATE TABLE applied_ops (
        structure_id text NOT NULL,
        op_id text NOT NULL,
        seq bigint NOT NULL,
        entity text NOT NULL,
        id text NOT NULL,
        hlc text NOT NULL,
        user_id text,
        device_id text,
        set_fields jsonb NOT NULL,
        deleted boolean NOT NULL DEFAULT false,
        won jsonb NOT NULL,
        lost jsonb NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (structure_id, op_id)
      )`,
      `CREATE INDEX applied_ops_record ON applied_ops (structure_id, entity, id)`,
      // Per-field view of the history: the coordinator sees who wrote what, winners and losers.
      `CREATE VIEW field_history AS
        SELECT o.structure_id, o.entity, o.id, f.key AS field, f.value, o.hlc, o.user_id,
               o.device_id, (o.won ? f.key) AS won, o.at, o.seq
        FROM applied_ops o, jsonb_each(o.set_fields) f`,
      // The audience-deciding fields of a record before a change that altered them.
      `CREATE TABLE audience_changes (
        structure_id text NOT NULL,
        seq bigint NOT NULL,
        entity text NOT NULL,
        id text NOT NULL,
        old_fields jsonb NOT NULL,
        old_salarie_id text,
        PRIMARY KEY (structure_id, seq)
      )`,
      `CREATE INDEX audience_changes_record ON audience_changes (structure_id, id, seq)`,
      `CREATE TABLE users (
        id text PRIMARY KEY,
        structure_id text NOT NULL,
        login text NOT NULL UNIQUE,
        password_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE TABLE devices (
        id text PRIMARY KEY,
        structure_id text NOT NULL,
        user_id text NOT NULL REFERENCES users (id),
        name text NOT NULL,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`,
      `CREATE INDEX devices_structure ON devices (structure_id)`,
    ],
  },
  {
    version: 2,
    statements: [
      // Only the entities that scope resolution looks up by type need this index; leaving the
      // bulk of records (hours, evaluations…) out of it makes every write cheaper.
      `DROP INDEX IF EXISTS records_structure_entity`,
      `CREATE INDEX records_scope ON records (structure_id, entity)
        WHERE entity IN ('team', 'membership', 'assignment', 'monthClose')`,
    ],
  },
  {
    version: 3,
    statements: [
      // The record version each row's fields are in (domain/records/upgrades.ts). Rows written
      // before versions existed are at 1; upgradeStoredRecords brings them to today's at start.
      `ALTER TABLE records ADD COLUMN version integer NOT NULL DEFAULT 1`,
    ],
  },
  {
    version: 4,
    statements: [
      // When each login last signed in (GET /api/users shows it to the coordination).
      `ALTER TABLE users ADD COLUMN last_login_at timestamptz`,
      // What the device last said of its storage ('persisted' or 'best-effort'; null: never
      // said), so the coordination sees which tablets the browser may empty under pressure.
      `ALTER TABLE devices ADD COLUMN storage text`,
      // Deactivating a login revokes all its devices at once.
      `CREATE INDEX devices_user ON devices (user_id)`,
    ],
  },
  {
    version: 5,
    statements: [
      // Each push touching a PASS or a contract reads that salarié's dossier (sync/integrity.ts):
      // a partial index keeps that read small without taxing the writes of hours, evaluations…
      `CREATE INDEX records_dossier ON records (salarie_id, entity)
        WHERE entity IN ('passIae', 'suspension', 'prolongation', 'contract')`,
    ],
  },
  {
    version: 6,
    statements: [
      // RGPD erasures (server/salaries/erase.ts): who erased which salarié id, when. Ids and a
      // time only: the audit must not itself keep the personal data it records the erasure of.
      `CREATE TABLE erasures (
        id text PRIMARY KEY,
        structure_id text NOT NULL,
        salarie_id text NOT NULL,
        erased_by text NOT NULL,
        erased_at timestamptz NOT NULL
      )`,
      `CREATE INDEX erasures_structure ON erasures (structure_id, erased_at)`,
    ],
  },
  {
    version: 7,
    statements: [
      // Open Badges 3.0 signing (server/credentials/): one Ed25519 key per structure, made on first
      // need. The secret key never leaves this table: no route, export or log reads it but the signer.
      `CREATE TABLE signing_keys (
        id text PRIMARY KEY,
        structure_id text NOT NULL,
        public_key_multibase text NOT NULL,
        secret_key_multibase text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX signing_keys_structure ON signing_keys (structure_id, created_at)`,
      // Each badge's credential, signed once and served as stored (the same bytes at every GET).
      `CREATE TABLE issued_credentials (
        badge_id text PRIMARY KEY,
        structure_id text NOT NULL,
        salarie_id text NOT NULL,
        credential jsonb NOT NULL,
        issued_at timestamptz NOT NULL
      )`,
      `CREATE INDEX issued_credentials_salarie ON issued_credentials (structure_id, salarie_id)`,
    ],
  },
  {
    version: 8,
    statements: [
      // Phone calendar addresses (server/calendar/): one per user, kept only as the SHA-256 of
      // its secret, so a copy of the database gives no working address; looked up by that digest.
      `CREATE TABLE calendar_feeds (
        user_id text PRIMARY KEY,
        structure_id text NOT NULL,
        secret_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL
      )`,
    ],
  },
  {
    version: 9,
    statements: [
      // Several server processes on one database (issue 13): login throttling counts here, so
      // alternating servers or restarting one gives no extra tries (auth/throttle.ts). One row per
      // counted attempt and key ('l:<login>', 'a:<address>'); rows older than the window are swept.
      `CREATE TABLE login_failures (
        key text NOT NULL,
        attempt text NOT NULL,
        at_ms bigint NOT NULL,
        PRIMARY KEY (key, attempt)
      )`,
      `CREATE INDEX login_failures_key_at ON login_failures (key, at_ms)`,
      `CREATE INDEX login_failures_at ON login_failures (at_ms)`,
      // The newest HLC each structure has stored, beside its sequence and under the same row lock:
      // a server process stamping its own write (user update, erasure) first moves its clock past
      // it, so its write is never older than one accepted through another process (sync/clock.ts).
      `ALTER TABLE structure_seq ADD COLUMN hlc text NOT NULL DEFAULT ''`,
      `UPDATE structure_seq s SET hlc = COALESCE((SELECT max(o.hlc COLLATE "C") FROM applied_ops o WHERE o.structure_id = s.structure_id), '')`,
    ],
  },
  {
    version: 10,
    statements: [
      // Audit of confidential reads (server/audit/, issue 13): a pull that delivered diagnostics or
      // privé log entries, an RGPD export, the history of a confidential record. Ids, kinds and
      // counts only — no name, text or field value — so the log does not hold what it watches.
      `CREATE TABLE read_audit (
        id text PRIMARY KEY,
        structure_id text NOT NULL,
        at timestamptz NOT NULL,
        user_id text NOT NULL,
        role text NOT NULL,
        device_id text,
        kind text NOT NULL,
        entity text NOT NULL,
        record_id text,
        salarie_ids jsonb NOT NULL,
        records integer NOT NULL
      )`,
      `CREATE INDEX read_audit_structure_at ON read_audit (structure_id, at DESC, id DESC)`,
    ],
  },
  {
    version: 11,
    statements: [
      // Issue 13, a pull's cost independent of history: resolving a reader's scope (sync/scope.ts)
      // read every assignment of the structure for a salarié (526k rows after 42 years of demo
      // history) and every membership for an ETI. A salarié's own slots, by salarié:
      `CREATE INDEX records_assignment_salarie ON records (structure_id, salarie_id)
        WHERE entity = 'assignment'`,
      // An ETI's teams' memberships that have not ended: past ones are left out by the range on
      // their end date (the query repeats these exact expressions so the index serves it).
      `CREATE INDEX records_membership_team ON records (structure_id, (fields->>'teamId'), (COALESCE(fields->>'to', '9999-12-31')))
        WHERE entity = 'membership'`,
    ],
  },
  {
    version: 12,
    statements: [
      // The store's epoch (issue 13, backup and restore): a restore gives the store a new one, and
      // the pull cursor carries the epoch it was issued under (sync/cursor.ts), so every tablet's
      // first pull after a restore is a reset — even a tablet that comes back once other tablets'
      // pushes have carried the restored counter past its cursor, which would otherwise look valid
      // and skip the rows below it. One row at most; none means the first epoch (''), so the
      // cursors of a store never restored stay valid across this migration. Not backed up.
      `CREATE TABLE store_epoch (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        epoch text NOT NULL
      )`,
    ],
  },
];

/** A fixed key for pg_advisory_xact_lock: "Tremplin migrations". */
const MIGRATION_LOCK = 7_236_110_042;

export async function migrate(db: Db): Promise<void> {
  await db.transaction((tx) => migrateInTransaction(tx));
}

/** The newest schema version this code knows (a backup from a newer one is refused). */
export const SCHEMA_VERSION = Math.max(...MIGRATIONS.map((m) => m.version));

/**
 * The migrations inside the caller's transaction. `upTo` stops at that version and leaves the
 * record upgrades for later: restoring a backup (backup/restore.ts) first builds the schema the
 * backup was taken at, loads it, then migrates on as a starting server would.
 */
export async function migrateInTransaction(tx: Queryable, upTo?: number): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
  await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const done = new Set((await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => Number(r.version)));
  for (const m of MIGRATIONS) {
    if (done.has(m.version) || (upTo !== undefined && m.version > upTo)) continue;
    for (const sql of m.statements) await tx.query(sql);
    await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [m.version]);
  }
  if (upTo === undefined) await upgradeStoredRecords(tx);
}
