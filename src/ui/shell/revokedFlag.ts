// Survives the reload that follows a revocation (the database is erased, so not there), so the
// sign-in screen can say why this tablet is signed out. Per tab; cleared by the next sign-in.
// Apart from boot.ts so the light sign-in (ui/boot) reads it without the device layer.
const REVOKED_FLAG = 'tremplin.revoked';

/** Reads the flag; `true` sets it, `false` clears it first. */
export function revokedFlag(value?: boolean): boolean {
  try {
    const store = globalThis.sessionStorage;
    if (value === true) store.setItem(REVOKED_FLAG, '1');
    if (value === false) store.removeItem(REVOKED_FLAG);
    return store.getItem(REVOKED_FLAG) === '1';
  } catch {
    return false; // storage refused (private mode): the notice is a courtesy, not a need
  }
}
