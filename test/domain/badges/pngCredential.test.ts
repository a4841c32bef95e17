// Reading the credential baked in a badge PNG, as the verification page does in the browser: a
// PNG made by the server's own libraries gives its iTXt text back; anything else says why not.
import encode from 'png-chunks-encode';
import { encodeSync } from 'png-chunk-itxt';
import { describe, expect, it } from 'vitest';
import { BAKED_KEYWORD, readBakedCredential } from '../../../src/domain/badges/pngCredential';

const IHDR = { name: 'IHDR', data: new Uint8Array([0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]) };
const IEND = { name: 'IEND', data: new Uint8Array(0) };
const itxt = (keyword: string, text: string, compressed = false) =>
  ({ name: 'iTXt', data: encodeSync({ keyword, compressionFlag: compressed, compressionMethod: 0, languageTag: '', translatedKeyword: '', text }) });

describe('readBakedCredential', () => {
  it('finds the openbadgecredential text among other chunks, in UTF-8', () => {
    const text = JSON.stringify({ name: 'Tailler une haie', issuer: 'Les Jardins d’Île-de-France' });
    const png = encode([IHDR, itxt('Comment', 'autre'), itxt(BAKED_KEYWORD, text), IEND]);
    expect(readBakedCredential(png)).toEqual({ ok: true, text });
  });
  it.each([
    { name: 'not a PNG', bytes: new TextEncoder().encode('{"a":1}'), reason: 'not_png' },
    { name: 'a PNG without a badge', bytes: encode([IHDR, itxt('Comment', 'rien'), IEND]), reason: 'no_credential' },
    { name: 'a compressed text', bytes: encode([IHDR, itxt(BAKED_KEYWORD, '{"a":1}', true), IEND]), reason: 'compressed' },
    { name: 'a cut file', bytes: encode([IHDR, itxt(BAKED_KEYWORD, '{"a":1}'), IEND]).slice(0, 40), reason: 'not_png' },
  ])('$name → $reason', ({ bytes, reason }) => {
    expect(readBakedCredential(bytes)).toEqual({ ok: false, reason });
  });
});
