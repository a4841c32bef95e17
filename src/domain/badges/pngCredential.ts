// Reads the credential baked in a badge PNG (Open Badges 3.0: an iTXt chunk of keyword
// `openbadgecredential`), in the browser as on the server: a walk over the PNG chunks, no
// library, no DOM. Only uncompressed iTXt text is read — the one Tremplin writes, and what the
// baking spec asks for; a compressed one is reported as unreadable rather than inflated here.
export const BAKED_KEYWORD = 'openbadgecredential';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export type BakedRead =
  | { ok: true; text: string }
  | { ok: false; reason: 'not_png' | 'no_credential' | 'compressed' };

function u32(b: Uint8Array, at: number): number {
  return ((b[at]! << 24) >>> 0) + (b[at + 1]! << 16) + (b[at + 2]! << 8) + b[at + 3]!;
}

export function readBakedCredential(bytes: Uint8Array): BakedRead {
  if (bytes.length < 8 || SIGNATURE.some((v, i) => bytes[i] !== v)) return { ok: false, reason: 'not_png' };
  let at = 8;
  while (at + 12 <= bytes.length) {
    const length = u32(bytes, at);
    const name = String.fromCharCode(bytes[at + 4]!, bytes[at + 5]!, bytes[at + 6]!, bytes[at + 7]!);
    const start = at + 8;
    const end = start + length;
    if (end + 4 > bytes.length) return { ok: false, reason: 'not_png' };
    if (name === 'iTXt') {
      const data = bytes.subarray(start, end);
      const keywordEnd = data.indexOf(0);
      const keyword = keywordEnd < 0 ? '' : new TextDecoder('latin1').decode(data.subarray(0, keywordEnd));
      if (keyword === BAKED_KEYWORD) {
        if (data[keywordEnd + 1] !== 0) return { ok: false, reason: 'compressed' };
        // After the keyword: compression flag, method, language tag\0, translated keyword\0, text.
        const langEnd = data.indexOf(0, keywordEnd + 3);
        const transEnd = langEnd < 0 ? -1 : data.indexOf(0, langEnd + 1);
        if (transEnd < 0) return { ok: false, reason: 'not_png' };
        return { ok: true, text: new TextDecoder('utf-8').decode(data.subarray(transEnd + 1)) };
      }
    }
    if (name === 'IEND') return { ok: false, reason: 'no_credential' };
    at = end + 4;
  }
  // No IEND: the file was cut short.
  return { ok: false, reason: 'not_png' };
}
