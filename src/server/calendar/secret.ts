// The secret of a calendar address: 32 random bytes (base64url, 43 characters) shown once in
// the address, stored only as its SHA-256 digest (base64url). A copy of the database therefore
// gives no working address, and a lookup by digest leaks nothing about the secret through
// timing: the index compares digests, which an attacker cannot choose.
import { createHash, randomBytes } from 'node:crypto';

const SECRET_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function newCalendarSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function calendarSecretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

/** Whether a path segment could be a secret at all (anything else is a 404 without a lookup). */
export function isCalendarSecret(s: string): boolean {
  return SECRET_SHAPE.test(s);
}
