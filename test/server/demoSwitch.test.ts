// TREMPLIN_DEMO decides whether a store gets the demo: a real structure trying Tremplin on PGlite
// must be able to start empty (TREMPLIN_DEMO=0), and PostgreSQL never gets it unasked.
import { describe, expect, it } from 'vitest';
import { demoFromEnv } from '../../src/server/main';

describe('demoFromEnv', () => {
  it.each([
    [undefined, 'pglite', 'auto'],
    [undefined, 'postgres', false],
    ['0', 'pglite', false],
    ['0', 'postgres', false],
    ['1', 'pglite', true],
    ['1', 'postgres', true],
    ['yes', 'postgres', false],
  ] as const)('TREMPLIN_DEMO=%s on %s → %s', (value, kind, expected) => {
    expect(demoFromEnv(value, kind)).toBe(expected);
  });
});
