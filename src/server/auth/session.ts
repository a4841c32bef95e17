// Bearer-token authentication: the token names one device's session. Unknown token → 401
// unauthorized; revoked device, or a user since deactivated or deleted → 401 device_revoked
// (the app then erases its local data: the person no longer may hold those files); a session
// unused beyond the idle limit → 401 session_expired (auth/expiry.ts: the app asks for the
// password again and keeps its data). Every accepted request renews the session.
import type { MiddlewareHandler } from 'hono';
import type { AppDeps } from '../deps';
import { HttpError } from '../http/errors';
import type { AppEnv } from '../http/env';
import { userInfoFrom } from '../sync/scope';
import type { Fields } from '../../sync/protocol';
import { storageKindOf, STORAGE_HEADER } from '../devices/storage';
import { isSessionExpired, shouldRenew } from './expiry';
import { tokenHash } from './tokens';

interface DeviceRow {
  device_id: string;
  user_id: string;
  structure_id: string;
  revoked_at: Date | null;
  created_at: Date | string;
  last_seen_at: Date | string;
  storage: string | null;
  fields: Fields | null;
  deleted: boolean | null;
}

export function requireSession(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('Authorization') ?? '';
    const m = /^Bearer\s+([A-Za-z0-9_-]{20,200})\s*$/.exec(header);
    if (!m?.[1]) throw new HttpError(401, { error: 'unauthorized', message: 'connexion requise' });
    const { rows } = await deps.db.query<DeviceRow>(
      `SELECT d.id AS device_id, d.user_id, d.structure_id, d.revoked_at, d.created_at, d.last_seen_at, d.storage, r.fields, r.deleted
       FROM devices d LEFT JOIN records r ON r.entity = 'user' AND r.id = d.user_id
       WHERE d.token_hash = $1`,
      [tokenHash(m[1])],
    );
    const row = rows[0];
    if (!row) throw new HttpError(401, { error: 'unauthorized', message: 'session inconnue' });
    if (row.revoked_at) throw new HttpError(401, { error: 'device_revoked', message: 'cet appareil a été déconnecté' });
    const user = userInfoFrom(row.user_id, row.structure_id, row.fields, row.deleted ?? true);
    if (!user || !user.active) throw new HttpError(401, { error: 'device_revoked', message: 'ce compte est désactivé' });
    // Checked before the renewal below, so an expired token never revives itself by being tried.
    const now = deps.now();
    const times = { createdAt: new Date(row.created_at).getTime(), lastSeenAt: new Date(row.last_seen_at).getTime() };
    if (isSessionExpired(deps.sessionLimits, times, now)) {
      throw new HttpError(401, { error: 'session_expired', message: 'session expirée : reconnectez-vous (les données de la tablette sont gardées)' });
    }
    // One write at most per request: when last seen is stale (the renewal) or the device's storage changed.
    const storage = storageKindOf(c.req.header(STORAGE_HEADER)) ?? row.storage;
    if (shouldRenew(times, now) || storage !== row.storage) {
      // GREATEST: a slow request finishing after a newer one never moves last seen back.
      await deps.db.query('UPDATE devices SET last_seen_at = GREATEST(last_seen_at, $2::timestamptz), storage = $3 WHERE id = $1', [row.device_id, new Date(now).toISOString(), storage]);
    }
    c.set('session', { deviceId: row.device_id, user });
    await next();
  };
}

export function requireCoordinator(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.get('session').user.role !== 'coordinator') {
      throw new HttpError(403, { error: 'forbidden', message: 'réservé à la coordination' });
    }
    await next();
  };
}
