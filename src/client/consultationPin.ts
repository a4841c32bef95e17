// The PIN that ends consultation mode (an ETI lends the tablet to one salarié): 4 to 6 digits,
// kept on the device only as a salted PBKDF2-SHA-256 hash (WebCrypto), so reading the tablet's
// storage does not give the code away. A PIN of 4 digits is weak against anyone with the hash
// (10,000 tries); what protects it in use is the delay after repeated failures (consultation.ts),
// and what it protects is the ETI's screens from the salarié holding the tablet, nothing more.
export const PIN_PATTERN = /^\d{4,6}$/;
const ITERATIONS = 100_000;

export interface StoredPin {
  /** base64 of 16 random bytes. */
  salt: string;
  /** base64 of the 32-byte PBKDF2 output. */
  hash: string;
  iterations: number;
}

export function isValidPin(pin: string): boolean {
  return PIN_PATTERN.test(pin);
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

async function derive(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256);
  return new Uint8Array(bits);
}

export async function hashPin(pin: string, iterations = ITERATIONS): Promise<StoredPin> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return { salt: toBase64(salt), hash: toBase64(await derive(pin, salt, iterations)), iterations };
}

export async function verifyPin(pin: string, stored: StoredPin): Promise<boolean> {
  if (!isValidPin(pin)) return false;
  const got = await derive(pin, fromBase64(stored.salt), stored.iterations);
  const want = fromBase64(stored.hash);
  if (got.length !== want.length) return false;
  // Compare every byte: the time taken does not tell how many leading bytes matched.
  let diff = 0;
  for (let i = 0; i < got.length; i++) diff |= got[i]! ^ want[i]!;
  return diff === 0;
}
