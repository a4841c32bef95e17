// Record identifiers: client-generated UUID (v7 preferred, sortable) or ULID, per the contract.
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ULID_RE = /^[0-9A-HJKMNP-TV-Z]{26}$/;

export function isRecordId(s: unknown): s is string {
  return typeof s === 'string' && (UUID_RE.test(s) || ULID_RE.test(s));
}

/** UUID v7: 48-bit millisecond timestamp then random bits, so ids sort by creation time. */
export function uuidv7(nowMs: number = Date.now(), random: (n: number) => Uint8Array = defaultRandom): string {
  const bytes = random(16);
  let t = nowMs;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = t % 256;
    t = Math.floor(t / 256);
  }
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function defaultRandom(n: number): Uint8Array {
  const out = new Uint8Array(n);
  globalThis.crypto.getRandomValues(out);
  return out;
}
