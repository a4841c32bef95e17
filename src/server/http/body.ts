// The request body at the door, for every request, so that a refused request never breaks the
// client's connection:
// - a body larger than its route allows is a 413 JSON answer (Content-Length or chunked);
// - a body no handler read (a 401, 403, 404 or 413 answered before reading it) is read to its
//   end and thrown away BEFORE the answer goes. Otherwise Node and @hono/node-server leave it
//   half-read on a paused socket, then drop the socket under the client, whose next request on
//   the same keep-alive connection fails (« other side closed »). Beyond DRAIN_MAX_BYTES the
//   answer says `Connection: close` instead, and Node closes the connection after it;
// - a client that goes away mid-body is a ClientAbortedError: not a server fault (app.ts logs it
//   as such).
import { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';

/** What is read and thrown away to keep a connection, at most (4 × the largest body accepted). */
export const DRAIN_MAX_BYTES = 8 * 1024 * 1024;

export class ClientAbortedError extends Error {
  constructor() {
    super('requête interrompue par le client');
    this.name = 'ClientAbortedError';
  }
}

/** Whether a failure while reading the body is the client going away (not a fault of ours). */
export function isClientAbort(c: Context, err: unknown): boolean {
  if (c.req.raw.signal.aborted) return true;
  const e = err as { code?: unknown; message?: unknown } | null;
  return typeof e === 'object' && e !== null && (e.code === 'ECONNRESET' || e.message === 'aborted' || e.code === 'ERR_STREAM_PREMATURE_CLOSE');
}

/** The Node request behind the context, when served by @hono/node-server (not in app.request tests). */
function nodeIncoming(c: Context): IncomingMessage | null {
  const env: unknown = c.env;
  const incoming = typeof env === 'object' && env !== null && 'incoming' in env ? env.incoming : null;
  return incoming instanceof IncomingMessage ? incoming : null;
}

function declaredLength(c: Context): number | null {
  const text = c.req.header('content-length');
  if (text === undefined || c.req.header('transfer-encoding') !== undefined) return null;
  const n = Number(text);
  return Number.isSafeInteger(n) && n >= 0 ? n : null;
}

function hasBody(c: Context): boolean {
  const declared = declaredLength(c);
  if (declared !== null) return declared > 0;
  if (c.req.header('transfer-encoding') !== undefined) return true;
  // Over HTTP/1.1 no length and no chunks is no body; a Request built in process (app.request)
  // may carry one without saying its length.
  return nodeIncoming(c) === null && c.req.raw.body !== null;
}

/** Reads a Node request to its end, at most `cap` bytes; false when it could not (too long, or the client left). */
function drainNode(incoming: IncomingMessage, cap: number): Promise<boolean> {
  if (incoming.readableEnded) return Promise.resolve(true);
  return new Promise((done) => {
    let bytes = 0;
    const finish = (ok: boolean) => {
      incoming.off('data', onData);
      incoming.off('end', onEnd);
      incoming.off('error', onFail);
      incoming.off('close', onFail);
      // Stop pulling: what is left is for the closing connection to discard, not us.
      if (!ok) incoming.pause();
      done(ok);
    };
    const onData = (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > cap) finish(false);
    };
    const onEnd = () => finish(true);
    const onFail = () => finish(incoming.readableEnded);
    incoming.on('data', onData);
    incoming.once('end', onEnd);
    incoming.once('error', onFail);
    incoming.once('close', onFail);
    incoming.resume();
  });
}

/** The same over a web stream reader (continuing one already started), releasing nothing. */
async function drainReader(reader: ReadableStreamDefaultReader<Uint8Array>, cap: number, already = 0): Promise<boolean> {
  let bytes = already;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return true;
      bytes += value.byteLength;
      if (bytes > cap) return false;
    }
  } catch {
    return false;
  }
}

/** Reads and discards what no handler read; false when the connection cannot be kept. */
async function drainUnread(c: Context, cap: number): Promise<boolean> {
  const incoming = nodeIncoming(c);
  if (incoming !== null) return drainNode(incoming, cap);
  const raw = c.req.raw;
  if (raw.bodyUsed || raw.body === null) return true;
  if (raw.body.locked) return false;
  return drainReader(raw.body.getReader(), cap);
}

function consumed(c: Context): boolean {
  const incoming = nodeIncoming(c);
  return incoming !== null ? incoming.readableEnded : c.req.raw.bodyUsed;
}

function tooLarge(c: Context, max: number, keepConnection: boolean): Response {
  if (!keepConnection) c.header('Connection', 'close');
  return c.json({ error: 'payload_too_large', message: `requête trop volumineuse (${Math.round(max / 1024)} Ko au plus)` }, 413);
}

/** The body guard; `maxFor` gives the largest body a path accepts. */
export function bodyGuard(maxFor: (path: string) => number): MiddlewareHandler {
  return async (c, next) => {
    if (!hasBody(c)) return next();
    const max = maxFor(c.req.path);
    const declared = declaredLength(c);
    if (declared !== null && declared > max) {
      return tooLarge(c, max, declared <= DRAIN_MAX_BYTES && (await drainUnread(c, DRAIN_MAX_BYTES)));
    }
    if (declared === null && c.req.raw.body !== null) {
      // Chunked: the size is only known by reading; read it here, then hand the bytes on.
      const reader = c.req.raw.body.getReader();
      const chunks: Uint8Array[] = [];
      let size = 0;
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          size += value.byteLength;
          if (size > max) return tooLarge(c, max, await drainReader(reader, DRAIN_MAX_BYTES, size));
          chunks.push(value);
        }
      } catch (err) {
        if (isClientAbort(c, err)) throw new ClientAbortedError();
        throw err;
      }
      c.req.raw = new Request(c.req.raw, { body: Buffer.concat(chunks) });
    }
    await next();
    if (!consumed(c) && !(await drainUnread(c, DRAIN_MAX_BYTES))) {
      try {
        c.res.headers.set('Connection', 'close');
      } catch {
        // Immutable headers (a fetched Response): copy it to say so.
        c.res = new Response(c.res.body, c.res);
        c.res.headers.set('Connection', 'close');
      }
    }
  };
}
