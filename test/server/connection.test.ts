// What a client on one keep-alive connection sees when the server refuses a request before
// reading it: the refusal is a JSON answer, and its next request on that connection works
// (a refused large body used to leave the socket half-read, then dropped: « other side
// closed »). Also Node's own refusals (headers or URL too long) as JSON, and a client leaving
// mid-body logged as such, not as a server error.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DRAIN_MAX_BYTES } from '../../src/server/http/body';
import { MAX_PUSH_BYTES } from '../../src/sync/protocol';
import { backends, type TestStructure } from './harness';
import { jsonOf, KeepAliveClient, liveServer, type Live } from './live';

describe.each(backends)('connections ($name)', (backend) => {
  let live: Live;
  let s: TestStructure;
  let client: KeepAliveClient;
  beforeAll(async () => {
    live = await liveServer(backend);
    s = await live.h.structure();
  });
  afterAll(async () => {
    client.close();
    await live.close();
  });

  const json = { 'Content-Type': 'application/json' };
  const auth = () => ({ ...json, Authorization: `Bearer ${s.coordinator.token}` });

  /** The refusal, then a health check on the same client; both answers. */
  async function refusedThenNext(method: string, path: string, send: Parameters<KeepAliveClient['request']>[2]) {
    client = new KeepAliveClient(live.server.url);
    // A first request opens the connection, so the refused one goes over a used connection.
    expect((await client.request('GET', '/api/health')).status).toBe(200);
    const refused = await client.request(method, path, send);
    const next = await client.request('GET', '/api/health');
    client.close();
    return { refused, next };
  }

  it('keeps the connection after a 413 on a push over 2 MB', async () => {
    const { refused, next } = await refusedThenNext('POST', '/api/sync/push', { headers: auth(), body: 'x'.repeat(MAX_PUSH_BYTES + 500_000) });
    expect(refused.status).toBe(413);
    expect(jsonOf(refused)).toMatchObject({ error: 'payload_too_large' });
    expect(refused.reusedSocket).toBe(true);
    expect(next.status).toBe(200);
    expect(next.reusedSocket).toBe(true);
  });

  it('keeps the connection after a 413 on a chunked body (no Content-Length)', async () => {
    const { refused, next } = await refusedThenNext('POST', '/api/sync/push', { headers: auth(), body: 'x'.repeat(MAX_PUSH_BYTES + 300_000), chunked: true });
    expect(refused.status).toBe(413);
    expect(next.status).toBe(200);
    expect(next.reusedSocket).toBe(true);
  });

  it.each([300_000, 1_500_000])('keeps the connection after a 401 on a %i-byte body', async (size) => {
    const { refused, next } = await refusedThenNext('POST', '/api/sync/push', { headers: json, body: 'x'.repeat(size) });
    expect(refused.status).toBe(401);
    expect(jsonOf(refused)).toMatchObject({ error: 'unauthorized' });
    expect(next.status).toBe(200);
    expect(next.reusedSocket).toBe(true);
  });

  it('keeps the connection after a 403, a 404 and a 426 that never read their bodies', async () => {
    const eti = await live.h.addUser(s.id, 'eti');
    for (const [path, headers, status] of [
      ['/api/users', { ...json, Authorization: `Bearer ${eti.token}` }, 403],
      ['/api/nothing-here', json, 404],
      ['/api/sync/push', { ...auth(), 'X-Tremplin-Protocol': '0' }, 426],
    ] as const) {
      const { refused, next } = await refusedThenNext('POST', path, { headers, body: 'y'.repeat(50_000) });
      expect(refused.status).toBe(status);
      expect(next.status).toBe(200);
      expect(next.reusedSocket).toBe(true);
    }
  });

  it('says Connection: close when a body is beyond what it reads to keep a connection, and the next request still works', async () => {
    const { refused, next } = await refusedThenNext('POST', '/api/sync/push', { headers: auth(), body: Buffer.alloc(DRAIN_MAX_BYTES + 1_000_000, 120) });
    expect(refused.status).toBe(413);
    expect(refused.headers['connection']).toBe('close');
    expect(next.status).toBe(200);
    expect(next.reusedSocket).toBe(false);
  });

  it('answers headers or a URL too long with a JSON 431 and Connection: close', async () => {
    const cases: { path: string; headers: Record<string, string> }[] = [
      { path: '/api/health', headers: { 'X-Big': 'y'.repeat(20_000) } },
      { path: `/api/sync/pull?since=${'a'.repeat(20_000)}`, headers: {} },
    ];
    for (const send of cases) {
      const { refused, next } = await refusedThenNext('GET', send.path, { headers: send.headers });
      expect(refused.status).toBe(431);
      expect(refused.headers['connection']).toBe('close');
      expect(refused.headers['content-type']).toMatch(/^application\/json/);
      expect(jsonOf(refused)).toEqual({ error: 'headers_too_large', message: expect.stringMatching(/trop longs/) });
      expect(next.status).toBe(200);
    }
  });

  it('answers a HEAD with headers too long without a body (the client would read it as garbage)', async () => {
    const { refused, next } = await refusedThenNext('HEAD', '/api/health', { headers: { 'X-Big': 'y'.repeat(20_000) } });
    expect(refused.status).toBe(431);
    expect(refused.text).toBe('');
    expect(next.status).toBe(200);
  });

  it('answers a URL just under the limit through the app (400 naming the field, not an empty answer)', async () => {
    client = new KeepAliveClient(live.server.url);
    const r = await client.request('GET', `/api/sync/pull?since=${'a'.repeat(12_000)}`, { headers: auth() });
    expect(r.status).toBe(400);
    expect(jsonOf(r)).toMatchObject({ field: 'since' });
    client.close();
  });

  it('answers a malformed request line with a JSON 400', async () => {
    const text = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(live.server.port, '127.0.0.1', () => socket.write('GET /api/health HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n'));
      let got = '';
      socket.on('data', (d) => (got += d.toString('utf8')));
      socket.on('end', () => resolve(got));
      socket.on('error', reject);
    });
    expect(text).toMatch(/^HTTP\/1\.1 400 /);
    expect(text).toMatch(/Connection: close/);
    expect(JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4))).toMatchObject({ error: 'bad_request' });
  });

  it('logs a client leaving mid-body as an interrupted request, not as a server error', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      await new Promise<void>((resolve) => {
        const socket = net.connect(live.server.port, '127.0.0.1', () => {
          socket.write(`POST /api/sync/push HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${s.coordinator.token}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"changes":[`);
          setTimeout(() => { socket.destroy(); resolve(); }, 150);
        });
      });
      await vi.waitFor(() => expect(warnings).toHaveBeenCalledWith(expect.stringMatching(/POST \/api\/sync\/push: requête interrompue par le client/)));
      expect(errors).not.toHaveBeenCalled();
      // The server goes on serving.
      client = new KeepAliveClient(live.server.url);
      expect((await client.request('GET', '/api/health')).status).toBe(200);
      client.close();
    } finally {
      errors.mockRestore();
      warnings.mockRestore();
    }
  });
});
