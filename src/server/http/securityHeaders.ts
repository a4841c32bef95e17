// Security headers on every answer of the server — API, the built PWA, errors and 404s alike
// (registered first in app.ts, so it wraps the answers app.onError and app.notFound make).
// - Content-Security-Policy: the built app is only same-origin files (no inline script or style,
//   no eval, no other origin), so anything else a page tries to run or load is refused. Images
//   also from data: (the level pies and objective marks are data: URLs in the CSS) and blob:.
//   frame-ancestors 'none' (with X-Frame-Options for old browsers): no one can frame Tremplin.
// - X-Content-Type-Options: nosniff: a file is only ever what its Content-Type says.
// - Referrer-Policy: no-referrer: a calendar feed address is a secret, and no address of the app
//   (a salarié's id in a hash route, say) has any business leaving with a link.
// - Strict-Transport-Security, only on an answer that went over HTTPS: directly (a TLS socket),
//   or through a reverse proxy saying `X-Forwarded-Proto: https` when the server is told to trust
//   it (TRUST_PROXY=1, the setting that already trusts X-Forwarded-For). Over plain HTTP it would
//   be meaningless, and a local `http://localhost` server must stay reachable.
import type { Context, MiddlewareHandler } from 'hono';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Sent with every answer, whatever the transport (also on Node's own refusals, http/connection.ts). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

/** One year; no includeSubDomains: the deployment may not own its sibling hosts. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000';

/** Whether this request reached us over HTTPS (see the header comment for when a proxy counts). */
export function cameOverHttps(c: Context, trustProxy: boolean): boolean {
  if (trustProxy) {
    // The first value is what the proxy nearest the client saw.
    const proto = c.req.header('X-Forwarded-Proto')?.split(',')[0]?.trim().toLowerCase();
    if (proto !== undefined && proto !== '') return proto === 'https';
  }
  // Served by @hono/node-server: the socket says. Its URL is not enough (a request line may be
  // an absolute `https://…` URL over plain HTTP). In process (app.request): the URL given.
  const env: unknown = c.env;
  const incoming = typeof env === 'object' && env !== null && 'incoming' in env ? env.incoming : null;
  if (typeof incoming === 'object' && incoming !== null && 'socket' in incoming) {
    const socket = incoming.socket;
    return typeof socket === 'object' && socket !== null && 'encrypted' in socket && socket.encrypted === true;
  }
  return new URL(c.req.url).protocol === 'https:';
}

export function securityHeaders(trustProxy: boolean): MiddlewareHandler {
  return async (c, next) => {
    const https = cameOverHttps(c, trustProxy);
    await next();
    let headers = c.res.headers;
    try {
      headers.set('X-Content-Type-Options', 'nosniff');
    } catch {
      // Immutable headers (a fetched Response): answer with a copy.
      c.res = new Response(c.res.body, c.res);
      headers = c.res.headers;
    }
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
    if (https) headers.set('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
  };
}
