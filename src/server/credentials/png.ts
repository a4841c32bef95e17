// The badge image: a small PNG committed beside this file (badge-base.png, drawn once with
// Chromium), with the signed credential baked in an iTXt chunk of keyword `openbadgecredential`
// (Open Badges 3.0 « baking »), uncompressed so any reader can take it out. Read once per process.
import { readFile } from 'node:fs/promises';
import extract from 'png-chunks-extract';
import encode from 'png-chunks-encode';
import { encodeSync } from 'png-chunk-itxt';
import { BAKED_KEYWORD } from '../../domain/badges/pngCredential';

let base: Promise<Uint8Array> | undefined;

function baseImage(): Promise<Uint8Array> {
  base ??= readFile(new URL('./badge-base.png', import.meta.url)).then((b) => new Uint8Array(b));
  return base;
}

/** The PNG with `credentialJson` baked in (any earlier baked credential replaced). */
export async function bakedPng(credentialJson: string): Promise<Uint8Array> {
  const chunks = extract(await baseImage()).filter((c) => !(c.name === 'iTXt' && c.data.subarray(0, BAKED_KEYWORD.length + 1).every((b, i) => b === (i < BAKED_KEYWORD.length ? BAKED_KEYWORD.charCodeAt(i) : 0))));
  const itxt = { name: 'iTXt', data: encodeSync({ keyword: BAKED_KEYWORD, compressionFlag: false, compressionMethod: 0, languageTag: '', translatedKeyword: '', text: credentialJson }) };
  const end = chunks.findIndex((c) => c.name === 'IEND');
  chunks.splice(end < 0 ? chunks.length : end, 0, itxt);
  return encode(chunks);
}
