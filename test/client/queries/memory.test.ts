// The memory behind remembered queries keeps the last answers by key and drops the least
// recently used first, so a long day of browsing weeks does not grow without bound.
import { describe, expect, it } from 'vitest';
import { queryMemory } from '../../../src/client/queries/memory';

describe('queryMemory', () => {
  it.each([
    { max: 2, sets: ['a', 'b', 'c'], reads: [], kept: ['b', 'c'] },
    { max: 2, sets: ['a', 'b'], reads: ['a'], then: 'c', kept: ['a', 'c'] },
    { max: 3, sets: ['a', 'b', 'a'], reads: [], kept: ['a', 'b'] },
  ])('max $max, set $sets, read $reads → keeps $kept', ({ max, sets, reads, then, kept }) => {
    const m = queryMemory<string>(max);
    for (const k of sets) m.set(k, `value ${k}`);
    for (const k of reads) m.get(k);
    if (then !== undefined) m.set(then, `value ${then}`);
    for (const k of ['a', 'b', 'c']) expect(m.get(k)).toBe(kept.includes(k) ? `value ${k}` : undefined);
  });
});
