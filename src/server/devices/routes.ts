// GET /api/devices and POST /api/devices/:id/revoke (coordinator): the structure's device
// sessions, so a lost tablet can be cut off; a device of another structure is a 404. Each device
// shows its user, when it was last seen (its last sync: every sync is an authenticated request)
// and whether its browser keeps its data for good (`persisted`, from the device's own report,
// devices/storage.ts; null until it says), and whether its session lapsed unused (auth/expiry.ts:
// worked out here rather than stored, so a tablet forgotten in a van shows as expired without
// ever calling again; such a device is not revoked — its person signs in again and keeps its data).
import { Hono } from 'hono';
import { isRecordId } from '../../domain/ids';
import type { AppDeps } from '../deps';
import { isSessionExpired, sessionExpiresAt } from '../auth/expiry';
import { requireCoordinator, requireSession } from '../auth/session';
import { HttpError } from '../http/errors';
import type { AppEnv } from '../http/env';

interface DeviceRow {
  id: string;
  user_id: string;
  name: string;
  created_at: Date | string;
  last_seen_at: Date | string;
  revoked_at: Date | string | null;
  storage: string | null;
  login: string | null;
  display_name: string | null;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function deviceRoutes(deps: AppDeps): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.use('/devices', requireSession(deps), requireCoordinator());
  r.use('/devices/*', requireSession(deps), requireCoordinator());

  r.get('/devices', async (c) => {
    const { user, deviceId } = c.get('session');
    const { rows } = await deps.db.query<DeviceRow>(
      `SELECT d.id, d.user_id, d.name, d.created_at, d.last_seen_at, d.revoked_at, d.storage,
              r.fields->>'login' AS login, r.fields->>'displayName' AS display_name
       FROM devices d LEFT JOIN records r ON r.entity = 'user' AND r.id = d.user_id
       WHERE d.structure_id = $1 ORDER BY d.created_at DESC, d.id`,
      [user.structureId],
    );
    const now = deps.now();
    return c.json({
      devices: rows.map((d) => {
        const times = { createdAt: new Date(d.created_at).getTime(), lastSeenAt: new Date(d.last_seen_at).getTime() };
        const live = d.revoked_at === null;
        return {
          id: d.id,
          name: d.name,
          userId: d.user_id,
          userLogin: d.login,
          userDisplayName: d.display_name,
          user: { id: d.user_id, displayName: d.display_name ?? '', login: d.login ?? '' },
          createdAt: iso(d.created_at),
          lastSeenAt: iso(d.last_seen_at),
          revokedAt: iso(d.revoked_at),
          revoked: d.revoked_at !== null,
          persisted: d.storage === 'persisted' ? true : d.storage === 'best-effort' ? false : null,
          current: d.id === deviceId,
          /** Unused beyond the idle limit (never true for a revoked device): its next request is refused until a new sign-in. */
          sessionExpired: live && isSessionExpired(deps.sessionLimits, times, now),
          /** When the session lapses if unused (ISO); null for a revoked device. */
          sessionExpiresAt: live ? new Date(sessionExpiresAt(deps.sessionLimits, times)).toISOString() : null,
        };
      }),
    });
  });

  r.post('/devices/:id/revoke', async (c) => {
    const { user } = c.get('session');
    const id = c.req.param('id');
    if (!isRecordId(id)) throw new HttpError(404, { error: 'not_found', message: 'appareil inconnu' });
    const { rows } = await deps.db.query<{ id: string; revoked_at: Date | string }>(
      `UPDATE devices SET revoked_at = COALESCE(revoked_at, $3) WHERE id = $1 AND structure_id = $2 RETURNING id, revoked_at`,
      [id, user.structureId, new Date(deps.now()).toISOString()],
    );
    const row = rows[0];
    if (!row) throw new HttpError(404, { error: 'not_found', message: 'appareil inconnu' });
    return c.json({ id: row.id, revoked: true, revokedAt: iso(row.revoked_at) });
  });
  return r;
}
