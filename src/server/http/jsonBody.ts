// What every JSON body must be before any route looks at it, checked once at the door (readJson):
// - no key named after an Object.prototype member (`valueOf`, `__proto__`…): code that indexes
//   an object by a key from the request would reach the prototype, not a field;
// - no number JSON cannot carry (`1e309` parses to Infinity, stored as null: it would come back
//   as something else than what was sent);
// - no absurd nesting (no form of the app nests deeply; deep values exhaust recursive code).
// Walked with an explicit stack, so a hostile body cannot overflow the call stack here.
import { PROTOTYPE_NAMES } from '../../domain/ownKeys';

export const MAX_BODY_DEPTH = 64;

export interface BodyProblem {
  /** Path of the offending value, as 400 answers name fields: `changes[0].set.level`. */
  field: string;
  message: string;
}

export function jsonBodyProblem(body: unknown): BodyProblem | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: body, path: '', depth: 0 }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { value, path, depth } = item;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return { field: path || 'body', message: 'nombre hors limites (trop grand pour être gardé tel quel)' };
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_BODY_DEPTH) return { field: path || 'body', message: 'structure trop imbriquée' };
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: `${path}[${i}]`, depth: depth + 1 });
      continue;
    }
    const entries = Object.entries(value);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, v] = entries[i]!;
      const here = path ? `${path}.${key}` : key;
      if (PROTOTYPE_NAMES.has(key)) return { field: here, message: `nom de champ réservé « ${key} »` };
      stack.push({ value: v, path: here, depth: depth + 1 });
    }
  }
  return null;
}
