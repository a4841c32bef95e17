// Device tokens: 32 random bytes shown once to the device, stored only as a SHA-256 digest so a
// copy of the database cannot be replayed as sessions.
import { createHash, randomBytes } from 'node:crypto';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
