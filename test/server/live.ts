// A real listening server over a Harness's store, and a client that keeps ONE keep-alive
// connection, as a tablet's browser does: what app.request() cannot show (connections kept or
// dropped, Node's own refusals) is tested through them. PGlite, or PostgreSQL when
// TEST_DATABASE_URL is set, exactly like the harness.
import http from 'node:http';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { startServer, type RunningServer } from '../../src/server/main';
import { Harness, type Backend } from './harness';

export interface Live {
  h: Harness;
  server: RunningServer;
  close(): Promise<void>;
}

/** The harness (for its helpers) and a server listening on the same store; close() closes both. */
export async function liveServer(backend: Backend): Promise<Live> {
  const h = await Harness.create(backend);
  const server = await startServer({ db: h.db, port: 0, host: '127.0.0.1', demo: false, quiet: true, distDir: null });
  // The server closes the store; the harness shares it, so it is not closed twice.
  return { h, server, close: () => server.close() };
}

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  /** Whether the request went over a connection that an earlier request had used. */
  reusedSocket: boolean;
}

export interface Send {
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Send the body with Transfer-Encoding: chunked (no Content-Length). */
  chunked?: boolean;
}

/** One keep-alive connection at most (a new one only when the server closed the last). */
export class KeepAliveClient {
  readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  constructor(readonly baseUrl: string) {}

  request(method: string, path: string, send: Send = {}): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string> = { ...send.headers };
      if (send.body !== undefined && !send.chunked) headers['Content-Length'] = String(Buffer.byteLength(send.body));
      const req = http.request(`${this.baseUrl}${path}`, { method, agent: this.agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const raw = Buffer.concat(chunks);
          // A client asking for gzip (or br) reads the answer unpacked, as a browser does.
          const encoding = res.headers['content-encoding'];
          const body = raw.length === 0 ? raw : encoding === 'gzip' ? gunzipSync(raw) : encoding === 'br' ? brotliDecompressSync(raw) : encoding === 'deflate' ? inflateSync(raw) : raw;
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text: body.toString('utf8'), reusedSocket: req.reusedSocket });
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      if (send.body === undefined) req.end();
      else if (send.chunked) {
        // Several writes: Node sends them as chunks.
        const body = Buffer.from(send.body);
        const step = 64 * 1024;
        for (let i = 0; i < body.length; i += step) req.write(body.subarray(i, i + step));
        req.end();
      } else req.end(send.body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** JSON of an answer, or null when it is not JSON. */
export function jsonOf(a: Answer): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(a.text);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
