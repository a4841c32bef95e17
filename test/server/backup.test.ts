// Backup and restore (issue 13, `npm run admin -- backup|restore`): a store restored from a backup
// answers its users exactly as the original did — same pulls, a tablet's old cursor reset to that
// same view (the store's new epoch, even once the counter has passed that cursor), same passwords and tablet tokens, an issued badge still verifying — whichever store wrote the
// file and whichever reads it (PGlite ↔ PostgreSQL). A non-empty store, a damaged file and a
// file from a newer schema are refused with nothing written; an older file is migrated.
// PGlite always, PostgreSQL too when TEST_DATABASE_URL is set (fresh schemas).
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupStore } from '../../src/server/backup/backup';
import { BackupError } from '../../src/server/backup/format';
import { restoreStore } from '../../src/server/backup/restore';
import { SCHEMA_VERSION } from '../../src/server/db/migrations';
import { startServer } from '../../src/server/main';
import type { PulledChange } from '../../src/sync/protocol';
import { storeFingerprint } from './fingerprint';
import { backends, change, Harness, newId, PASSWORD, world, type Backend } from './harness';

type Json = Record<string, unknown>;
const run = promisify(execFile);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tremplin-backup-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let fileCounter = 0;
const newFile = () => join(dir, `sauvegarde-${++fileCounter}.ndjson.gz`);

/** What a user receives from zero, in a stable order. */
const view = (changes: PulledChange[]) => [...changes].sort((a, b) => `${a.entity}/${a.id}`.localeCompare(`${b.entity}/${b.id}`));

/** The data lines of a backup (header and trailer left out: they carry a date and a checksum). */
function dataLines(file: string): string[] {
  const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
  return lines.slice(1, -2);
}

/** Rewrites a backup the way a newer server, or an older one, would have written it: valid checksum. */
function rewrite(src: string, edit: (header: Json, lines: string[]) => string[]): string {
  const all = gunzipSync(readFileSync(src)).toString('utf8').split('\n');
  const header = JSON.parse(all[0] ?? '') as Json;
  const lines = edit(header, all.slice(1, -2));
  const body = [JSON.stringify(header), ...lines].map((l) => `${l}\n`).join('');
  let tables = 0;
  let rows = 0;
  for (const l of lines) {
    const c = JSON.parse(l) as Json;
    if (typeof c['table'] === 'string' && typeof c['rows'] === 'number' && Object.keys(c).length === 2) {
      tables++;
      rows += c['rows'];
    }
  }
  const sha256 = createHash('sha256').update(body).digest('hex');
  const out = newFile();
  writeFileSync(out, gzipSync(`${body}${JSON.stringify({ end: 'tremplin-backup', tables, rows, sha256 })}\n`));
  return out;
}

/** A structure with teams, salariés, logins, a conflict in the history and a signed badge. */
async function populate(h: Harness) {
  const w = await world(h);
  const activity = newId();
  const haie = newId();
  await h.pushOk(w.co, [
    change('activity', { name: 'Espaces verts' }, { id: activity }),
    change('competence', { activityId: activity, label: 'Tailler une haie' }, { id: haie }),
  ]);
  await h.pushOk(w.eti1.token, [
    change('evaluation', { salarieId: w.sal1, competenceId: haie, level: 3, context: 'afest', date: '2026-01-20', evaluatorId: w.eti1.id, comment: 'Remarque confidentielle' }),
    change('logEntry', { salarieId: w.sal1, date: '2026-01-21', category: 'technique', text: 'A bien taillé la haie du client.', visibility: 'team', authorId: w.eti1.id, alert: false }),
  ]);
  // Two writes of one field, the older losing: the history keeps both.
  await h.pushOk(w.co, [change('salarie', { phone: '0611111111' }, { id: w.sal1 })]);
  const badgeId = newId();
  await h.pushOk(w.co, [change('badge', { salarieId: w.sal1, competenceId: haie, issuedOn: '2026-02-01', issuerId: w.s.coordinator.id }, { id: badgeId })]);
  const credential = await h.request<Json>('GET', `/api/credentials/${badgeId}`, { token: w.co });
  expect(credential.status).toBe(200);
  return { ...w, badgeId, credential: credential.body };
}

async function recordCount(h: Harness): Promise<number> {
  const { rows } = await h.db.query<{ n: unknown }>('SELECT count(*) AS n FROM records');
  return Number(rows[0]?.n);
}

async function scratchSchemasLeft(h: Harness): Promise<number> {
  const { rows } = await h.db.query<{ n: unknown }>(`SELECT count(*) AS n FROM pg_namespace WHERE nspname LIKE 'tremplin_restauration_%'`);
  return Number(rows[0]?.n);
}

describe.each(backends)('backup and restore, from $name', (source) => {
  let h: Harness;
  let w: Awaited<ReturnType<typeof populate>>;
  let file: string;
  let etiView: { changes: PulledChange[]; cursor: string };
  let coView: { changes: PulledChange[]; cursor: string };

  beforeAll(async () => {
    h = await Harness.create(source);
    w = await populate(h);
    etiView = await h.pullAll(w.eti1.token);
    coView = await h.pullAll(w.co);
    expect(etiView.changes.map((c) => c.entity)).toEqual(expect.arrayContaining(['salarie', 'team', 'evaluation', 'logEntry', 'badge']));
    file = newFile();
    const summary = await backupStore(h.db, file);
    expect(summary).toMatchObject({ file, schemaVersion: SCHEMA_VERSION });
    expect(summary.rows).toBeGreaterThan(20);
    // It holds personal data: only its owner may read it.
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
  });
  afterAll(() => h.close());

  describe.each(backends)('restored into $name', (target: Backend) => {
    let r: Harness;
    beforeAll(async () => {
      r = await Harness.create(target);
      const summary = await restoreStore(r.db, file);
      expect(summary).toMatchObject({ fromSchemaVersion: SCHEMA_VERSION, schemaVersion: SCHEMA_VERSION, replaced: false });
    });
    afterAll(() => r.close());

    it('holds exactly what was backed up (a backup of it is line for line the same)', async () => {
      const again = newFile();
      await backupStore(r.db, again);
      expect(dataLines(again)).toEqual(dataLines(file));
      expect(await scratchSchemasLeft(r)).toBe(0);
    });

    it('gives each user the same pull; a tablet’s old cursor is reset to that same view, then goes on', async () => {
      const eti = await r.pullAll(w.eti1.token);
      expect(view(eti.changes)).toEqual(view(etiView.changes));
      expect(view((await r.pullAll(w.co)).changes)).toEqual(view(coView.changes));
      // The store has a new epoch: whatever the tablet holds is set right by one reset.
      const reset = await r.pull(w.eti1.token, etiView.cursor);
      expect(reset.status).toBe(200);
      expect(reset.body.reset).toBe(true);
      expect(view(reset.body.changes)).toEqual(view(etiView.changes));
      const caughtUp = await r.pull(w.eti1.token, reset.body.cursor);
      expect(caughtUp.body.reset).toBeUndefined();
      expect(caughtUp.body.changes).toEqual([]);
    });

    it('keeps passwords, tablet tokens and badges: the same login, a new write pulled after the reset', async () => {
      expect((await r.login(w.eti1.login, PASSWORD)).status).toBe(200);
      expect((await r.login(w.eti1.login, 'mauvais-mot-de-passe')).status).toBe(401);
      const after = (await r.pullAll(w.eti1.token)).cursor;
      const entry = change('logEntry', { salarieId: w.sal1, date: '2026-02-02', category: 'technique', text: 'Après la restauration.', visibility: 'team', authorId: w.eti1.id, alert: false });
      await r.pushOk(w.eti1.token, [entry]);
      const next = await r.pull(w.eti1.token, after);
      expect(next.body.reset).toBeUndefined();
      expect(next.body.changes.map((c) => c.id)).toEqual([entry.id]);
      // The badge is served as issued and still verifies: the signing key came back too.
      const credential = await r.request<Json>('GET', `/api/credentials/${w.badgeId}`, { token: w.co });
      expect(credential.body).toEqual(w.credential);
      const verified = await r.request<{ verified: boolean }>('POST', '/api/credentials/verify', { body: w.credential });
      expect(verified.body.verified).toBe(true);
    });
  });

  it('resets a tablet that synced after the backup, even once others have pushed past its cursor', async () => {
    // A store of its own (the others' tests read the shared one as backed up).
    const o = await Harness.create(source);
    const r = await Harness.create(source);
    try {
      const ow = await world(o);
      const own = newFile();
      await backupStore(o.db, own);
      // The original store goes on after the backup: a tablet pulls a change the backup lacks.
      const lost = change('logEntry', { salarieId: ow.sal1, date: '2026-02-03', category: 'technique', text: 'Perdu avec la restauration.', visibility: 'team', authorId: ow.eti1.id, alert: false });
      await o.pushOk(ow.eti1.token, [lost]);
      const late = await o.pullAll(ow.eti1.token);
      expect(late.changes.map((c) => c.id)).toContain(lost.id);
      await restoreStore(r.db, own);
      // Before that tablet comes back, the coordination pushes enough to carry the restored
      // counter past its cursor: without the epoch, that cursor would look valid again.
      for (let i = 0; i < 3; i++) await r.pushOk(ow.co, [change('salarie', { phone: `06000000${String(i).padStart(2, '0')}` }, { id: ow.sal1 })]);
      const back = await r.pull(ow.eti1.token, late.cursor);
      expect(back.status).toBe(200);
      expect(back.body.reset).toBe(true);
      const ids = back.body.changes.map((c) => c.id);
      expect(ids).not.toContain(lost.id);
      expect(ids).toContain(ow.sal1);
    } finally {
      await o.close();
      await r.close();
    }
  });

  describe('refusals', () => {
    it('refuses a store that holds data unless --force, which replaces all of it', async () => {
      const other = await Harness.create(source);
      try {
        const s = await other.structure('Une autre structure');
        const before = await storeFingerprint(other.db);
        await expect(restoreStore(other.db, file)).rejects.toThrow(/contient déjà des données.*--force/);
        expect(await storeFingerprint(other.db)).toEqual(before);
        const summary = await restoreStore(other.db, file, { force: true });
        expect(summary.replaced).toBe(true);
        expect((await other.login(s.coordinator.login, PASSWORD)).status).toBe(401);
        expect((await other.request('GET', '/api/me', { token: s.coordinator.token })).status).toBe(401);
        expect(view((await other.pullAll(w.eti1.token)).changes)).toEqual(view(etiView.changes));
      } finally {
        await other.close();
      }
    });

    it('refuses a truncated or altered file and writes nothing, even with --force', async () => {
      const full = readFileSync(file);
      const truncated = newFile();
      writeFileSync(truncated, full.subarray(0, Math.floor(full.length / 2)));
      const noEnd = rewrite(file, (_h, lines) => lines);
      // Same content with the last line cut off: a copy that stopped early.
      const cut = newFile();
      const text = gunzipSync(readFileSync(noEnd)).toString('utf8').split('\n');
      writeFileSync(cut, gzipSync(text.slice(0, -2).map((l) => `${l}\n`).join('')));
      // One character of one row changed, the gzip itself intact.
      const altered = newFile();
      writeFileSync(altered, gzipSync(gunzipSync(full).toString('utf8').replace('Amina', 'Amino')));
      const notBackup = newFile();
      writeFileSync(notBackup, gzipSync('{"bonjour":1}\n'));

      const empty = await Harness.create(source);
      const full2 = await Harness.create(source);
      try {
        await full2.structure('Déjà là');
        const emptyBefore = await storeFingerprint(empty.db);
        const fullBefore = await storeFingerprint(full2.db);
        for (const [bad, message] of [
          [truncated, /tronqué ou endommagé/],
          [cut, /la fin du fichier manque/],
          [altered, /somme de contrôle/],
          [notBackup, /n'est pas une sauvegarde Tremplin/],
          [join(dir, 'absent.ndjson.gz'), /introuvable/],
        ] as const) {
          await expect(restoreStore(empty.db, bad), bad).rejects.toThrow(message);
          await expect(restoreStore(full2.db, bad, { force: true }), bad).rejects.toBeInstanceOf(BackupError);
        }
        expect(await storeFingerprint(empty.db)).toEqual(emptyBefore);
        expect(await storeFingerprint(full2.db)).toEqual(fullBefore);
        expect(await scratchSchemasLeft(empty)).toBe(0);
      } finally {
        await empty.close();
        await full2.close();
      }
    });

    it('refuses a backup from a newer schema, and migrates one from an older schema', async () => {
      const newer = rewrite(file, (header, lines) => {
        header['schemaVersion'] = SCHEMA_VERSION + 1;
        return lines;
      });
      // Schema 8: before structure_seq kept the newest HLC (migration 9) and before read_audit (10).
      const older = rewrite(file, (header, lines) => {
        header['schemaVersion'] = 8;
        const out: string[] = [];
        let table = '';
        for (const l of lines) {
          const c = JSON.parse(l) as Json;
          if (Object.keys(c).length === 2 && typeof c['table'] === 'string' && typeof c['rows'] === 'number') table = c['table'];
          else if (table === 'structure_seq') delete c['hlc'];
          if (table !== 'read_audit') out.push(JSON.stringify(c));
        }
        return out;
      });
      const target = await Harness.create(source);
      try {
        const before = await storeFingerprint(target.db);
        await expect(restoreStore(target.db, newer)).rejects.toThrow(/version plus récente de Tremplin/);
        expect(await storeFingerprint(target.db)).toEqual(before);
        const summary = await restoreStore(target.db, older);
        expect(summary).toMatchObject({ fromSchemaVersion: 8, schemaVersion: SCHEMA_VERSION });
        const { rows } = await target.db.query<{ hlc: string }>('SELECT hlc FROM structure_seq WHERE structure_id = $1', [w.s.id]);
        const { rows: original } = await h.db.query<{ hlc: string }>('SELECT hlc FROM structure_seq WHERE structure_id = $1', [w.s.id]);
        expect(rows[0]?.hlc).toBe(original[0]?.hlc);
        expect(view((await target.pullAll(w.eti1.token)).changes)).toEqual(view(etiView.changes));
      } finally {
        await target.close();
      }
    });

    it.skipIf(source.name !== 'postgres')('refuses while a server is writing in the database', async () => {
      const target = await Harness.create(source);
      try {
        let release = () => undefined as void;
        let started = () => undefined as void;
        const holding = new Promise<void>((ok) => (started = ok));
        const busy = target.db.transaction(async (tx) => {
          await tx.query('LOCK TABLE users IN ROW EXCLUSIVE MODE');
          started();
          await new Promise<void>((ok) => (release = ok));
        });
        await holding;
        await expect(restoreStore(target.db, file)).rejects.toThrow(/arrêtez tous les serveurs/);
        release();
        await busy;
        expect(await recordCount(target)).toBe(0);
      } finally {
        await target.close();
      }
    });
  });
});

describe('npm run admin -- backup / restore (processes, PGlite)', () => {
  it('backs up through the running server, restores into a new directory, and refuses to restore under a server', async () => {
    const liveDir = mkdtempSync(join(tmpdir(), 'tremplin-backup-live-'));
    const newDir = mkdtempSync(join(tmpdir(), 'tremplin-backup-new-'));
    const cli = (dataDir: string, args: string[]) => run(process.execPath, ['--import', 'tsx', 'src/server/admin.ts', ...args], {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
    });
    const out = join(dir, 'cli.ndjson.gz');
    let server = await startServer({ port: 0, dataDir: liveDir, demo: false, quiet: true, distDir: null });
    try {
      const { id } = JSON.parse((await cli(liveDir, ['create-structure', '--name', 'Sauvegardée', '--type', 'ACI'])).stdout) as { id: string };
      await cli(liveDir, ['create-user', '--structure', id, '--role', 'coordinator', '--login', 'sauve', '--password', 'un-mot-de-passe', '--name', 'Sauve Garde']);
      const backup = await cli(liveDir, ['backup', '--out', out]);
      const lines = backup.stdout.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0] ?? '')).toMatchObject({ file: out, schemaVersion: SCHEMA_VERSION });

      const refused = await cli(liveDir, ['restore', '--in', out, '--force']).then(() => null, (e: { code: number; stderr: string; stdout: string }) => e);
      expect(refused?.code).toBe(1);
      expect(refused?.stderr).toContain('arrêtez-le avant de restaurer');
      expect(refused?.stdout).toBe('');

      const bad = await cli(newDir, ['restore']).then(() => null, (e: { code: number; stderr: string }) => e);
      expect(bad?.code).toBe(1);
      expect(bad?.stderr).toContain('option obligatoire manquante : --in');
      const typo = await cli(join(newDir, 'faute-de-frappe'), ['backup', '--out', join(dir, 'vide.ndjson.gz')]).then(() => null, (e: { code: number; stderr: string }) => e);
      expect(typo?.stderr).toContain('aucun stockage Tremplin');

      const restored = await cli(newDir, ['restore', '--in', out]);
      expect(JSON.parse(restored.stdout)).toMatchObject({ rows: expect.any(Number) as number, replaced: false });
      await server.close();
      server = await startServer({ port: 0, dataDir: newDir, demo: false, quiet: true, distDir: null });
      const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', body: JSON.stringify({ login: 'sauve', password: 'un-mot-de-passe', deviceName: 'x' }) });
      expect(login.status).toBe(200);
    } finally {
      await server.close();
      rmSync(liveDir, { recursive: true, force: true });
      rmSync(newDir, { recursive: true, force: true });
    }
  }, 180_000);
});
