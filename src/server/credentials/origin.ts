// The public address credentials name their issuer with: PUBLIC_URL when set (what a deployment
// behind a reverse proxy must set: the proxy's https address), else the request's own origin (a
// local or test server). An issuer id is `<origin>/api/issuers/<structureId>` and its key
// `<that>#<keyId>`. Verification accepts only issuers under this same origin: a credential naming
// another server's address is not this server's to vouch for.
export function publicOrigin(requestUrl: string, env: Readonly<Record<string, string | undefined>> = process.env): string {
  const configured = env['PUBLIC_URL']?.trim();
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {
      // A malformed PUBLIC_URL falls back to the request's origin rather than breaking every badge.
    }
  }
  return new URL(requestUrl).origin;
}

export function issuerUrl(origin: string, structureId: string): string {
  return `${origin}/api/issuers/${structureId}`;
}

export function keyUrl(origin: string, structureId: string, keyId: string): string {
  return `${issuerUrl(origin, structureId)}#${keyId}`;
}

/** The structure an issuer id names, when it is one of this server's issuer addresses. */
export function structureOfIssuer(origin: string, issuerId: string): string | null {
  const prefix = `${origin}/api/issuers/`;
  if (!issuerId.startsWith(prefix)) return null;
  const rest = issuerId.slice(prefix.length);
  return /^[0-9A-Za-z-]{1,64}$/.test(rest) ? rest : null;
}
