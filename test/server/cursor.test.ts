// The pull cursor (server/sync/cursor.ts): what it carries round-trips, a store never restored
// issues the same cursors as before epochs existed, and anything else is refused as `since`.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../src/server/sync/cursor';

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

describe('the pull cursor', () => {
  it('round-trips its position, scope and epoch', () => {
    fc.assert(fc.property(
      fc.nat(), fc.string({ maxLength: 40 }), fc.oneof(fc.constant(''), fc.stringMatching(/^[0-9a-f]{1,16}$/)),
      (seq, scope, epoch) => {
        const text = encodeCursor({ seq, scope, epoch });
        fc.pre(text.length <= 200);
        expect(decodeCursor(text)).toEqual({ seq, scope, epoch });
      },
    ));
  });

  it('is, before any restore, the cursor tablets already hold (no epoch field)', () => {
    expect(encodeCursor({ seq: 12, scope: 'abc', epoch: '' })).toBe(b64({ v: 1, seq: 12, scope: 'abc' }));
    expect(decodeCursor(b64({ v: 1, seq: 12, scope: 'abc' }))).toEqual({ seq: 12, scope: 'abc', epoch: '' });
  });

  it.each([
    ['an empty epoch', { v: 1, seq: 1, scope: 's', e: '' }],
    ['an epoch that is not text', { v: 1, seq: 1, scope: 's', e: 5 }],
    ['an epoch too long', { v: 1, seq: 1, scope: 's', e: 'x'.repeat(33) }],
    ['another version', { v: 2, seq: 1, scope: 's' }],
    ['a negative position', { v: 1, seq: -1, scope: 's' }],
  ])('refuses %s as `since`', (_, value) => {
    expect(() => decodeCursor(b64(value))).toThrow(expect.objectContaining({ status: 400, body: expect.objectContaining({ field: 'since' }) }));
  });
});
