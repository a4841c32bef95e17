// Reading and writing an object by a key that comes from outside (a request body, a pulled
// page, a stored record): `obj[key]` on a plain object reaches Object.prototype for names such
// as `toString`, `valueOf` or `constructor` (a function where a field spec or a clock was
// expected), and `obj[key] = v` with `__proto__` replaces the object's prototype instead of
// storing a field. These helpers only ever touch own properties, whatever the name.

/**
 * The names a plain object inherits from Object.prototype. Written out rather than read from
 * the running engine, so the device and the server refuse exactly the same field names.
 */
export const PROTOTYPE_NAMES: ReadonlySet<string> = new Set([
  'constructor', '__defineGetter__', '__defineSetter__', 'hasOwnProperty', '__lookupGetter__',
  '__lookupSetter__', 'isPrototypeOf', 'propertyIsEnumerable', 'toString', 'valueOf', '__proto__',
  'toLocaleString', 'prototype',
]);

/** The object's own value under `key`, never an inherited one. */
export function ownValue<V>(obj: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/** Sets an own, enumerable data property, even when the key is `__proto__`. */
export function setOwn<V>(obj: Record<string, V>, key: string, value: V): void {
  Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
}

/** Whether a JSON value holds a number JSON cannot carry (Infinity, NaN): JSON.stringify would turn it into null. */
export function hasNonFiniteNumber(value: unknown, depth = 0): boolean {
  if (typeof value === 'number') return !Number.isFinite(value);
  // Deeper values are refused elsewhere (server: at the door; device: the app writes none).
  if (depth > 64 || typeof value !== 'object' || value === null) return false;
  const items: unknown[] = Array.isArray(value) ? value : Object.values(value);
  return items.some((v) => hasNonFiniteNumber(v, depth + 1));
}
