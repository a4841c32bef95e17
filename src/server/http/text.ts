// PostgreSQL refuses NUL characters and lone UTF-16 surrogates in text and JSON, though they
// are valid in a JSON body: caught at the door (with absurdly deep values), they are a 400
// naming the field instead of a database error that would make a device retry forever.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isSafeText(s: string): boolean {
  return !s.includes('\0') && !LONE_SURROGATE.test(s);
}

/** Nesting beyond this is refused too: no form of the app needs it, and deep values exhaust stacks. */
export const MAX_DEPTH = 16;

/** The path (relative to `value`) of the first unsafe string or key, or of a too deep value; null if none. */
export function findUnsafeText(value: unknown, path = '', depth = 0): string | null {
  if (typeof value === 'string') return isSafeText(value) ? null : path;
  if (typeof value === 'object' && value !== null && depth >= MAX_DEPTH) return path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = findUnsafeText(value[i], `${path}[${i}]`, depth + 1);
      if (p !== null) return p;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      const here = path ? `${path}.${k}` : k;
      if (!isSafeText(k)) return here;
      const p = findUnsafeText(v, here, depth + 1);
      if (p !== null) return p;
    }
  }
  return null;
}
