// The client's address for login throttling: the socket's peer, or the first X-Forwarded-For
// hop when the server is told it runs behind a reverse proxy (TRUST_PROXY=1).
import type { Context } from 'hono';
import type { IncomingMessage } from 'node:http';

export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const fwd = c.req.header('X-Forwarded-For')?.split(',')[0]?.trim();
    if (fwd) return fwd;
  }
  const env = c.env as { incoming?: IncomingMessage } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}
