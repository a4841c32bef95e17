// The hybrid logical clock: its string form must sort in causal order (the merge is a string
// compare), it must never go backwards, and malformed clocks from the network are refused.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  MAX_CLOCK_SKEW_MS, formatHlc, initialHlc, isHlc, isTooFarAhead, parseHlc, receiveHlc, tickHlc, type Hlc,
} from '../../src/sync/hlc';

const T0 = Date.parse('2026-11-22T22:25:08.123Z');
const MAX_MS = Date.parse('9999-12-31T23:59:59.999Z');

const nodeArb = fc.stringMatching(/^[A-Za-z0-9_-]{1,16}$/);
const hlcArb: fc.Arbitrary<Hlc> = fc.record({
  wallMs: fc.integer({ min: 0, max: MAX_MS - 1 }),
  counter: fc.integer({ min: 0, max: 0xffff }),
  node: nodeArb,
});

function cmp(a: Hlc, b: Hlc): number {
  if (a.wallMs !== b.wallMs) return a.wallMs - b.wallMs;
  if (a.counter !== b.counter) return a.counter - b.counter;
  return a.node < b.node ? -1 : a.node > b.node ? 1 : 0;
}

describe('format and parse', () => {
  it('has the contract’s shape', () => {
    expect(formatHlc({ wallMs: T0, counter: 1, node: 'dev-1' })).toBe('2026-11-22T22:25:08.123Z-0001-dev-1');
    expect(formatHlc({ wallMs: T0, counter: 0xabc, node: 'x' })).toBe('2026-11-22T22:25:08.123Z-0abc-x');
  });

  it('round-trips', () => {
    fc.assert(fc.property(hlcArb, (h) => {
      expect(parseHlc(formatHlc(h))).toEqual(h);
      expect(isHlc(formatHlc(h))).toBe(true);
    }), { seed: 42, numRuns: 500 });
  });

  it('rejects malformed strings', () => {
    const bad = [
      '',
      'not a clock',
      '2026-11-22T22:25:08.123Z-001-dev',        // counter too short
      '2026-11-22T22:25:08.123Z-00001-dev',      // counter too long
      '2026-11-22T22:25:08.123Z-00AB-dev',       // upper-case hex would sort wrongly
      '2026-11-22T22:25:08.123Z-0001-',          // empty node
      '2026-11-22T22:25:08.123Z-0001',           // no node
      '2026-02-30T10:00:00.000Z-0001-dev',       // no such day
      '2026-13-01T10:00:00.000Z-0001-dev',       // no such month
      '2026-11-22T24:00:00.000Z-0001-dev',       // no such hour
      '2026-11-22T22:25:08Z-0001-dev',           // no milliseconds: breaks fixed width
      '2026-11-22T22:25:08.123+01:00-0001-dev',  // not UTC
      '2026-11-22T22:25:08.123Z-0001-dev 1',     // space in node
      '2026-11-22T22:25:08.123Z-0001-dév',       // non-ASCII node
      `2026-11-22T22:25:08.123Z-0001-${'n'.repeat(65)}`,
      ' 2026-11-22T22:25:08.123Z-0001-dev',
    ];
    for (const s of bad) expect(parseHlc(s), s).toBeNull();
    expect(isHlc(42)).toBe(false);
    expect(isHlc(null)).toBe(false);
  });

  it('accepts a node id containing dashes (a UUID)', () => {
    const node = '01900000-0000-7000-8000-000000000001';
    expect(parseHlc(`2026-11-22T22:25:08.123Z-0001-${node}`)).toEqual({ wallMs: T0, counter: 1, node });
  });
});

describe('order', () => {
  it('lexicographic order of the strings equals causal order of the clocks', () => {
    fc.assert(fc.property(hlcArb, hlcArb, (a, b) => {
      const sa = formatHlc(a);
      const sb = formatHlc(b);
      expect(Math.sign(sa < sb ? -1 : sa > sb ? 1 : 0)).toBe(Math.sign(cmp(a, b)));
    }), { seed: 42, numRuns: 1000 });
  });

  it('also holds for clocks close together (same millisecond, same counter)', () => {
    const near = fc.record({
      wallMs: fc.integer({ min: T0, max: T0 + 2 }),
      counter: fc.integer({ min: 0, max: 3 }),
      node: fc.constantFrom('a', 'ab', 'a-b', 'a_b', 'B', 'z9'),
    });
    fc.assert(fc.property(near, near, (a, b) => {
      const sa = formatHlc(a);
      const sb = formatHlc(b);
      expect(Math.sign(sa < sb ? -1 : sa > sb ? 1 : 0)).toBe(Math.sign(cmp(a, b)));
    }), { seed: 42, numRuns: 1000 });
  });
});

describe('tick', () => {
  it('takes the wall clock when it moves forward', () => {
    expect(tickHlc(initialHlc('d'), T0)).toEqual({ wallMs: T0, counter: 0, node: 'd' });
  });

  it('increases strictly even when the wall clock stands still or goes backwards', () => {
    let h = tickHlc(initialHlc('d'), T0);
    const a = tickHlc(h, T0);
    expect(formatHlc(a) > formatHlc(h)).toBe(true);
    const b = tickHlc(a, T0 - 60_000);
    expect(formatHlc(b) > formatHlc(a)).toBe(true);
    expect(b.wallMs).toBe(T0);

    fc.assert(fc.property(fc.array(fc.integer({ min: -1_000_000, max: 1_000_000 }), { minLength: 1, maxLength: 100 }), (jumps) => {
      h = { wallMs: T0, counter: 0, node: 'd' };
      let now = T0;
      for (const j of jumps) {
        now += j;
        const next = tickHlc(h, now);
        expect(formatHlc(next) > formatHlc(h)).toBe(true);
        expect(next.wallMs).toBeGreaterThanOrEqual(now);
        h = next;
      }
    }), { seed: 42, numRuns: 300 });
  });

  it('borrows a millisecond when the counter overflows, and stays parseable', () => {
    const full: Hlc = { wallMs: T0, counter: 0xffff, node: 'd' };
    const next = tickHlc(full, T0);
    expect(next).toEqual({ wallMs: T0 + 1, counter: 0, node: 'd' });
    expect(formatHlc(next) > formatHlc(full)).toBe(true);
    expect(parseHlc(formatHlc(next))).toEqual(next);
  });
});

describe('receive', () => {
  it('is greater than both the local and the remote clock', () => {
    fc.assert(fc.property(hlcArb, hlcArb, fc.integer({ min: 0, max: MAX_MS - 2 }), (local, remote, now) => {
      const r = receiveHlc(local, remote, now);
      expect(cmp(r, local)).toBeGreaterThan(0);
      // Strictly after the remote's time and counter: the node does not decide it.
      expect(r.wallMs > remote.wallMs || (r.wallMs === remote.wallMs && r.counter > remote.counter)).toBe(true);
      expect(r.wallMs).toBeGreaterThanOrEqual(now);
      expect(r.node).toBe(local.node);
      expect(r.counter).toBeLessThanOrEqual(0xffff);
      expect(parseHlc(formatHlc(r))).toEqual(r);
    }), { seed: 42, numRuns: 1000 });
  });

  it('a later local tick sorts after a received change (causality across devices)', () => {
    const server: Hlc = { wallMs: T0 + 5_000, counter: 7, node: 'server' };
    const device = receiveHlc({ wallMs: T0, counter: 0, node: 'zzz' }, server, T0);
    const edit = tickHlc(device, T0 + 1);
    expect(formatHlc(edit) > formatHlc(server)).toBe(true);
  });

  it('handles counter overflow on either side', () => {
    const remote: Hlc = { wallMs: T0, counter: 0xffff, node: 'r' };
    expect(receiveHlc({ wallMs: T0 - 1, counter: 0, node: 'l' }, remote, T0 - 5)).toEqual({ wallMs: T0 + 1, counter: 0, node: 'l' });
    expect(receiveHlc({ wallMs: T0, counter: 3, node: 'l' }, remote, T0)).toEqual({ wallMs: T0 + 1, counter: 0, node: 'l' });
    expect(receiveHlc({ wallMs: T0, counter: 0xffff, node: 'l' }, { wallMs: 0, counter: 0, node: 'r' }, 0)).toEqual({ wallMs: T0 + 1, counter: 0, node: 'l' });
  });

  it('takes physical time when it is ahead of both', () => {
    expect(receiveHlc({ wallMs: T0, counter: 9, node: 'l' }, { wallMs: T0 + 1, counter: 9, node: 'r' }, T0 + 10)).toEqual({ wallMs: T0 + 10, counter: 0, node: 'l' });
  });
});

describe('isTooFarAhead', () => {
  const at = (ms: number) => formatHlc({ wallMs: ms, counter: 0, node: 'd' });

  it('accepts up to exactly 10 minutes ahead and refuses beyond', () => {
    expect(MAX_CLOCK_SKEW_MS).toBe(600_000);
    expect(isTooFarAhead(at(T0), T0)).toBe(false);
    expect(isTooFarAhead(at(T0 - 3_600_000), T0)).toBe(false);
    expect(isTooFarAhead(at(T0 + 600_000), T0)).toBe(false);
    expect(isTooFarAhead(formatHlc({ wallMs: T0 + 600_000, counter: 0xffff, node: 'd' }), T0)).toBe(false);
    expect(isTooFarAhead(at(T0 + 600_001), T0)).toBe(true);
  });

  it('refuses a malformed clock', () => {
    expect(isTooFarAhead('tomorrow', T0)).toBe(true);
  });
});
