// Every answer of the server carries the security headers (issue 13): an API answer, error
// answers (a route's 4xx, an unknown path, an internal error, a refused body, Node's own
// refusal), and the built app's files. Strict-Transport-Security only over HTTPS: directly, or
// from a proxy saying so when TRUST_PROXY is on — never over plain HTTP, nor from a proxy header
// the server was not told to trust.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/server/app';
import { makeDeps } from '../../src/server/deps';
import { migrate } from '../../src/server/db/migrations';
import type { Db } from '../../src/server/db/types';
import { startServer, type RunningServer } from '../../src/server/main';
import { backends } from './harness';

/** The headers every answer must carry, whatever it is. */
function expectSecurityHeaders(headers: Headers): void {
  const csp = headers.get('Content-Security-Policy') ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('unsafe-eval');
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers.get('X-Content-Type-Options')).toBe('nosniff');
  expect(headers.get('Referrer-Policy')).toBe('no-referrer');
}

/** A raw HTTP/1.1 exchange on a new socket: what the server writes, as text. */
function rawExchange(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
    let got = '';
    socket.on('data', (d) => {
      got += d.toString('utf8');
      // One answer is enough; the keep-alive connection is ours to end.
      if (/\r\n\r\n/.test(got)) socket.end();
    });
    socket.on('end', () => resolve(got));
    socket.on('error', reject);
  });
}

describe.each(backends)('security headers ($name)', (backend) => {
  let db: Db;
  let dist: string;
  let app: ReturnType<typeof createApp>;
  let proxied: ReturnType<typeof createApp>;
  beforeAll(async () => {
    db = await backend.open();
    await migrate(db);
    dist = mkdtempSync(join(tmpdir(), 'tremplin-dist-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Tremplin</title><script type="module" src="/assets/app-1234.js"></script>');
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'assets', 'app-1234.js'), 'console.log(1)');
    app = createApp(makeDeps({ db }), { distDir: dist });
    proxied = createApp(makeDeps({ db, trustProxy: true }), { distDir: dist });
  });
  afterAll(async () => {
    await db?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('puts them on an API answer', async () => {
    const r = await app.request('/api/health');
    expect(r.status).toBe(200);
    expectSecurityHeaders(r.headers);
  });

  it('puts them on error answers: 401, 400, 404, 413, 426', async () => {
    const answers = [
      await app.request('/api/me'),
      await app.request('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{pas du json' }),
      await app.request('/api/rien-ici'),
      await app.request('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: 'x'.repeat(100_000) }),
      await app.request('/api/health', { headers: { 'X-Tremplin-Protocol': '0' } }),
    ];
    expect(answers.map((r) => r.status)).toEqual([401, 400, 404, 413, 426]);
    for (const r of answers) expectSecurityHeaders(r.headers);
  });

  it('puts them on an internal error (500)', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const broken: Db = { ...db, query: () => Promise.reject(new Error('base indisponible')), transaction: () => Promise.reject(new Error('base indisponible')) };
    const r = await createApp(makeDeps({ db: broken })).request('/api/me', { headers: { Authorization: `Bearer ${'a'.repeat(43)}` } });
    errors.mockRestore();
    expect(r.status).toBe(500);
    expect(await r.json()).toMatchObject({ error: 'internal' });
    expectSecurityHeaders(r.headers);
  });

  it('puts them on the built app: index.html, a client route, an asset, a missing asset', async () => {
    const answers = await Promise.all(['/', '/salaries', '/assets/app-1234.js', '/assets/absent.js'].map((p) => app.request(p)));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 404]);
    expect(await answers[0]?.text()).toContain('<title>Tremplin</title>');
    for (const r of answers) expectSecurityHeaders(r.headers);
  });

  it('sends Strict-Transport-Security over HTTPS only', async () => {
    const hsts = async (a: typeof app, url: string, headers: Record<string, string> = {}) =>
      (await a.request(url, { headers })).headers.get('Strict-Transport-Security');
    // Plain HTTP: none, and a client's own X-Forwarded-Proto is not believed without TRUST_PROXY.
    expect(await hsts(app, 'http://localhost/api/health')).toBeNull();
    expect(await hsts(app, 'http://localhost/', { 'X-Forwarded-Proto': 'https' })).toBeNull();
    // Directly over HTTPS.
    expect(await hsts(app, 'https://tremplin.example/api/health')).toMatch(/^max-age=\d{7,}/);
    expect(await hsts(app, 'https://tremplin.example/')).toMatch(/^max-age=\d{7,}/);
    // Behind a trusted proxy: what the proxy says, the hop nearest the client first.
    expect(await hsts(proxied, 'http://10.0.0.2/', { 'X-Forwarded-Proto': 'https' })).toMatch(/^max-age=\d{7,}/);
    expect(await hsts(proxied, 'http://10.0.0.2/api/rien', { 'X-Forwarded-Proto': 'https, http' })).toMatch(/^max-age=\d{7,}/);
    expect(await hsts(proxied, 'http://10.0.0.2/', { 'X-Forwarded-Proto': 'http' })).toBeNull();
    expect(await hsts(proxied, 'http://10.0.0.2/')).toBeNull();
  });
});

describe.each(backends)('security headers on the wire ($name)', (backend) => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ port: 0, db: await backend.open(), demo: false, quiet: true, distDir: null });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('carries them over real HTTP, without HSTS even for an absolute https:// request line', async () => {
    const r = await fetch(`${server.url}/api/health`);
    expectSecurityHeaders(r.headers);
    expect(r.headers.get('Strict-Transport-Security')).toBeNull();
    // A request line may name an https:// URL; the connection is still plain HTTP.
    const text = await rawExchange(server.port, 'GET https://tremplin.example/api/health HTTP/1.1\r\nHost: tremplin.example\r\n\r\n');
    expect(text).toMatch(/^HTTP\/1\.1 200 /);
    expect(text).toMatch(/\r\nContent-Security-Policy: [^\r]*frame-ancestors 'none'/i);
    expect(text).not.toMatch(/Strict-Transport-Security/i);
  });

  it('carries them on a request Node refuses itself (headers too long)', async () => {
    const text = await rawExchange(server.port, `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'y'.repeat(20_000)}\r\n\r\n`);
    expect(text).toMatch(/^HTTP\/1\.1 431 /);
    expect(text).toMatch(/\r\nContent-Security-Policy: [^\r]*script-src 'self'/);
    expect(text).toMatch(/\r\nX-Content-Type-Options: nosniff\r\n/);
    expect(text).toMatch(/\r\nReferrer-Policy: no-referrer\r\n/);
  });
});
