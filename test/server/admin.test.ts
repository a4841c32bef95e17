// The administration command, as a deployer runs it to get a first coordinator: it prints one
// JSON line with the new id, the login then works, and bad arguments fail in French with exit 1.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdmin, UsageError } from '../../src/server/admin';
import { startServer } from '../../src/server/main';
import { backends, Harness } from './harness';

const run = promisify(execFile);

describe.each(backends)('admin commands ($name)', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.create(backend);
  });
  afterAll(() => h.close());

  it('creates a structure and its first coordinator, who can then sign in', async () => {
    const structureId = await runAdmin(h.db, ['create-structure', '--name', 'ACI du Val', '--type', 'ACI']);
    const userId = await runAdmin(h.db, ['create-user', '--structure', structureId, '--role', 'coordinator', '--login', 'direction', '--password', 'un-mot-de-passe', '--name', 'Camille Direction']);
    const r = await h.login('direction', 'un-mot-de-passe');
    expect(r.status).toBe(200);
    expect(r.body.user).toMatchObject({ id: userId, role: 'coordinator', structureId, displayName: 'Camille Direction' });
    const me = await h.request('GET', '/api/me', { token: r.body.token });
    expect(me.body).toMatchObject({ structure: { id: structureId, name: 'ACI du Val', type: 'ACI' } });
  });

  it('refuses bad arguments with a French message', async () => {
    const sid = await runAdmin(h.db, ['create-structure', '--name=EI Test', '--type=ei']);
    const bad: string[][] = [
      [],
      ['drop-everything'],
      ['create-structure', '--type', 'ACI'],
      ['create-structure', '--name', 'X', '--type', 'SARL'],
      ['create-structure', '--name', 'X', '--type'],
      ['create-user', '--structure', sid, '--role', 'chef', '--login', 'a', '--password', 'un-mot-de-passe', '--name', 'A'],
      ['create-user', '--structure', sid, '--role', 'eti', '--login', 'a', '--password', 'court', '--name', 'A'],
      ['create-user', '--structure', '01a2058f-e4a9-7cf5-987e-c244a97a7379', '--role', 'eti', '--login', 'a', '--password', 'un-mot-de-passe', '--name', 'A'],
      ['create-user', '--structure', sid, '--role', 'salarie', '--login', 'a', '--password', 'un-mot-de-passe', '--name', 'A'],
      ['create-user', '--structure', sid, '--role', 'eti', '--login', 'a', '--password', 'un-mot-de-passe', '--name', 'A', '--color', 'red'],
    ];
    for (const args of bad) await expect(runAdmin(h.db, args), args.join(' ')).rejects.toBeInstanceOf(UsageError);
    await runAdmin(h.db, ['create-user', '--structure', sid, '--role', 'eti', '--login', 'unique', '--password', 'un-mot-de-passe', '--name', 'A']);
    await expect(runAdmin(h.db, ['create-user', '--structure', sid, '--role', 'eti', '--login', 'unique', '--password', 'un-mot-de-passe', '--name', 'B'])).rejects.toThrow(/existe déjà/);
  });
});

describe('npm run admin (process)', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'tremplin-admin-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const admin = (args: string[]) => run(process.execPath, ['--import', 'tsx', 'src/server/admin.ts', ...args], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
  });

  it('prints exactly one JSON line per command, on the store of DATA_DIR', async () => {
    const s = await admin(['create-structure', '--name', 'Chantier école', '--type', 'ACI']);
    const lines = s.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const { id } = JSON.parse(lines[0]!) as { id: string };
    const u = await admin(['create-user', '--structure', id, '--role', 'coordinator', '--login', 'premier', '--password', 'un-mot-de-passe', '--name', 'Premier Coordinateur']);
    expect(u.stdout.trim()).toMatch(/^\{"id":"[0-9a-f-]{36}"\}$/);
  }, 60_000);

  it('exits 1 with a French error on bad arguments', async () => {
    const err = await admin(['create-structure', '--name', 'X']).then(() => null, (e: { code: number; stderr: string; stdout: string }) => e);
    expect(err?.code).toBe(1);
    expect(err?.stderr).toContain('option obligatoire manquante : --type');
    expect(err?.stdout).toBe('');
  }, 60_000);
});

describe('npm run admin while the server runs on the same PGlite store', () => {
  it('goes through the running server instead of opening its files, and a second server is refused', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tremplin-live-'));
    const server = await startServer({ port: 0, dataDir, demo: false, quiet: true, distDir: null });
    try {
      await expect(startServer({ port: 0, dataDir, demo: false, quiet: true, distDir: null })).rejects.toThrow(/autre serveur/);
      const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' };
      const cli = (args: string[]) => run(process.execPath, ['--import', 'tsx', 'src/server/admin.ts', ...args], { env });
      const { id } = JSON.parse((await cli(['create-structure', '--name', 'En direct', '--type', 'EI'])).stdout) as { id: string };
      const out = await cli(['create-user', '--structure', id, '--role', 'coordinator', '--login', 'en.direct', '--password', 'un-mot-de-passe', '--name', 'En Direct']);
      expect(out.stdout.trim()).toMatch(/^\{"id":"[0-9a-f-]{36}"\}$/);
      const dup = await cli(['create-user', '--structure', id, '--role', 'eti', '--login', 'en.direct', '--password', 'un-mot-de-passe', '--name', 'Bis'])
        .then(() => null, (e: { code: number; stderr: string }) => e);
      expect(dup?.code).toBe(1);
      expect(dup?.stderr).toContain('existe déjà');
      const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', body: JSON.stringify({ login: 'en.direct', password: 'un-mot-de-passe', deviceName: 'x' }) });
      expect(login.status).toBe(200);
    } finally {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
