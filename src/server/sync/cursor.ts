// The pull cursor, opaque to devices: a commit position in the structure, the fingerprint of the
// reader's scope, so a cursor taken under another scope is recognised and reset, and the store's
// epoch (a restore changes it: migration 12), so a cursor from before a restore is reset too.
import { badRequest } from '../http/errors';

export interface Cursor {
  seq: number;
  scope: string;
  /** The store's epoch ('' until a first restore; cursors issued before there was one carry none). */
  epoch: string;
}

export function encodeCursor(c: Cursor): string {
  // The first epoch is left out: the cursors of a store never restored are as they always were.
  return Buffer.from(JSON.stringify({ v: 1, seq: c.seq, scope: c.scope, ...(c.epoch === '' ? {} : { e: c.epoch }) })).toString('base64url');
}

/** A cursor this server issued; anything else is a 400 naming `since`. */
export function decodeCursor(text: string): Cursor {
  const invalid = badRequest('since', 'curseur de synchronisation invalide', 'invalid_request');
  if (text.length > 200 || !/^[A-Za-z0-9_-]+$/.test(text)) throw invalid;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw invalid;
  }
  if (typeof parsed !== 'object' || parsed === null) throw invalid;
  const { v, seq, scope, e } = parsed as Record<string, unknown>;
  if (v !== 1 || typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0 || typeof scope !== 'string') throw invalid;
  if (e !== undefined && (typeof e !== 'string' || e === '' || e.length > 32)) throw invalid;
  return { seq, scope, epoch: e ?? '' };
}
