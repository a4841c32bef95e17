// Answers for requests Node refuses before the app sees them (headers or URL too long, a
// malformed request line, a request too slow to arrive): by default Node writes a bare status
// line with no body, so a client gets an empty 431 where every other error is JSON. Here they
// get the same {error, message} body (French message) and `Connection: close`, because the
// parser has given up on that connection, with the security headers every answer carries.
import { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { SECURITY_HEADERS } from './securityHeaders';

interface Refusal {
  status: number;
  reason: string;
  error: string;
  message: string;
}

function refusalOf(code: string | undefined): Refusal {
  if (code === 'HPE_HEADER_OVERFLOW') {
    return { status: 431, reason: 'Request Header Fields Too Large', error: 'headers_too_large', message: 'adresse ou en-têtes de la requête trop longs' };
  }
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return { status: 408, reason: 'Request Timeout', error: 'request_timeout', message: 'requête trop lente à arriver' };
  }
  return { status: 400, reason: 'Bad Request', error: 'bad_request', message: 'requête HTTP mal formée' };
}

/**
 * The raw HTTP/1.1 answer written on the socket (the app's response objects are not there yet).
 * An answer to HEAD has no body: a client would read the JSON as garbage after the answer.
 */
export function refusalResponse(code: string | undefined, head = false): string {
  const r = refusalOf(code);
  const body = JSON.stringify({ error: r.error, message: r.message });
  return [
    `HTTP/1.1 ${r.status} ${r.reason}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
    ...Object.entries(SECURITY_HEADERS).map(([name, value]) => `${name}: ${value}`),
    '',
    head ? '' : body,
  ].join('\r\n');
}

/** Whether the refused bytes are a HEAD request (Node hands them over as `rawPacket`). */
function isHead(err: Error & { rawPacket?: unknown }): boolean {
  return Buffer.isBuffer(err.rawPacket) && err.rawPacket.subarray(0, 5).toString('latin1') === 'HEAD ';
}

/** How long a refused connection may keep sending before it is cut (what it sends is discarded). */
const LINGER_MS = 2_000;

export function answerClientErrors(server: unknown): void {
  if (!(server instanceof Server)) return;
  server.on('clientError', (err: Error & { code?: string; rawPacket?: unknown }, socket: Duplex) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    socket.end(refusalResponse(err.code, isHead(err)));
    // Read and drop what the client is still sending, so closing does not reset the connection
    // before it has read the answer; then cut it.
    socket.on('error', () => undefined);
    socket.resume();
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
  });
}
