// POST /api/auth/login (a new device session), POST /api/auth/logout (revokes it), GET /api/me.
// A failed login answers the same 401 whether the login or the password was wrong.
import { Hono } from 'hono';
import { uuidv7 } from '../../domain/ids';
import type { Fields, LoginResponse, SessionUser } from '../../sync/protocol';
import type { AppDeps } from '../deps';
import { clientAddress } from '../http/address';
import { badRequest, HttpError, isPlainObject, readJson } from '../http/errors';
import type { AppEnv } from '../http/env';
import { isSafeText } from '../http/text';
import { userInfoFrom, type UserInfo } from '../sync/scope';
import { storageKindOf, STORAGE_HEADER } from '../devices/storage';
import { dummyHash, verifyPassword } from './password';
import { requireSession } from './session';
import { newToken, tokenHash } from './tokens';

export function normalizeLogin(login: string): string {
  return login.normalize('NFC').trim().toLowerCase();
}

export function sessionUser(u: UserInfo): SessionUser {
  return { id: u.id, role: u.role, structureId: u.structureId, ...(u.salarieId ? { salarieId: u.salarieId } : {}), displayName: u.displayName };
}

interface LoginRow {
  id: string;
  structure_id: string;
  password_hash: string;
  fields: Fields | null;
  deleted: boolean | null;
}

export function authRoutes(deps: AppDeps): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  r.post('/auth/login', async (c) => {
    const body = await readJson(c);
    if (!isPlainObject(body)) throw badRequest('body', 'objet JSON attendu : {login, password, deviceName}');
    const { login, password, deviceName } = body;
    if (typeof login !== 'string' || login.length > 200 || !isSafeText(login)) throw badRequest('login', 'identifiant : texte attendu');
    if (typeof password !== 'string' || password.length > 1000 || !isSafeText(password)) throw badRequest('password', 'mot de passe : texte attendu');
    if (deviceName !== undefined && (typeof deviceName !== 'string' || deviceName.length > 200 || !isSafeText(deviceName))) {
      throw badRequest('deviceName', 'nom de l’appareil : texte de 200 caractères au plus');
    }
    const key = normalizeLogin(login);
    const address = clientAddress(c, deps.trustProxy);
    // Claimed before the password is checked, in the database: every server process counts the
    // same tries, and concurrent attempts cannot slip past the limit together (auth/throttle.ts).
    const claim = await deps.throttle.claim(key, address);
    if (!claim.allowed) {
      const wait = claim.retryAfter;
      throw new HttpError(429, { error: 'too_many_attempts', message: `trop d’essais : réessayez dans ${Math.ceil(wait / 60)} min` }, { 'Retry-After': String(wait) });
    }
    const { rows } = await deps.db.query<LoginRow>(
      `SELECT u.id, u.structure_id, u.password_hash, r.fields, r.deleted
       FROM users u LEFT JOIN records r ON r.entity = 'user' AND r.id = u.id WHERE u.login = $1`,
      [key],
    );
    const row = rows[0];
    const passwordOk = await verifyPassword(password, row?.password_hash ?? (await dummyHash()));
    const user = row ? userInfoFrom(row.id, row.structure_id, row.fields, row.deleted ?? true) : null;
    if (!row || !passwordOk || !user || !user.active) {
      // The claimed attempt stays counted: that is the failure.
      throw new HttpError(401, { error: 'invalid_credentials', message: 'identifiant ou mot de passe incorrect' });
    }
    await deps.throttle.succeeded(claim);
    const token = newToken();
    const deviceId = uuidv7();
    const name = (typeof deviceName === 'string' ? deviceName.trim() : '') || 'Appareil sans nom';
    const at = new Date(deps.now()).toISOString();
    await deps.db.transaction(async (tx) => {
      await tx.query(
        'INSERT INTO devices (id, structure_id, user_id, name, token_hash, created_at, last_seen_at, storage) VALUES ($1, $2, $3, $4, $5, $6, $6, $7)',
        [deviceId, user.structureId, user.id, name, tokenHash(token), at, storageKindOf(c.req.header(STORAGE_HEADER)) ?? null],
      );
      await tx.query('UPDATE users SET last_login_at = $2 WHERE id = $1', [user.id, at]);
    });
    return c.json({ token, user: sessionUser(user), deviceId } satisfies LoginResponse);
  });

  r.post('/auth/logout', requireSession(deps), async (c) => {
    const { deviceId } = c.get('session');
    await deps.db.query('UPDATE devices SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1', [deviceId, new Date(deps.now()).toISOString()]);
    return c.json({ ok: true });
  });

  r.get('/me', requireSession(deps), async (c) => {
    const { user, deviceId } = c.get('session');
    const { rows } = await deps.db.query<{ fields: Fields }>(
      `SELECT fields FROM records WHERE entity = 'structure' AND id = $1`,
      [user.structureId],
    );
    const s = rows[0]?.fields ?? {};
    return c.json({
      user: { ...sessionUser(user), login: user.login },
      structure: { id: user.structureId, name: s['name'] ?? '', type: s['type'] ?? null, etiMayEditReferentiel: s['etiMayEditReferentiel'] === true },
      deviceId,
      serverHlc: deps.clock.tick(),
    });
  });

  return r;
}
