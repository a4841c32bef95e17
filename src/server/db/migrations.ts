// Schema migrations, applied at start, then the rows of older record versions upgraded.
// Numbered, never edited once shipped; a transaction-scoped advisory lock makes two processes
// starting at once apply each migration exactly once.
import { upgradeStoredRecords } from '../sync/recordUpgrades';
import type { Db } from './types';

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
];

/** A fixed key for pg_advisory_xact_lock: "Tremplin migrations". */
const MIGRATION_LOCK = 7_236_110_042;

export async function migrate(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const done = new Set((await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => Number(r.version)));
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      for (const sql of m.statements) await tx.query(sql);
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [m.version]);
    }
    await upgradeStoredRecords(tx);
  });
}
