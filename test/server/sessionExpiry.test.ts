// Sessions that lapse when unused (issue 13): a tablet forgotten in a van is refused with
// 401 session_expired — never device_revoked, which would make it erase its data — while a tablet
// used regularly is never signed out; signing in again gives a working session and the old token
// stays refused. The pure rule (auth/expiry.ts) as a table and fast-check properties, then the
// real app with the clock driven through the deps' `now`.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_SESSION_LIMITS, isSessionExpired, RENEW_EVERY_MS, sessionExpiresAt, sessionLimitsFromEnv, shouldRenew, type SessionLimits,
} from '../../src/server/auth/expiry';
import { backends, Harness, PASSWORD, type TestStructure, type TestUser } from './harness';

const MIN = 60_000;
const DAY = 86_400_000;
const IDLE = DEFAULT_SESSION_LIMITS.idleMs;

describe('the expiry rule', () => {
  it('lets a session live 14 days unused by default, with no absolute maximum', () => {
    expect(DEFAULT_SESSION_LIMITS).toEqual({ idleMs: 14 * DAY, maxAgeMs: null });
  });

  it.each([
    ['used a minute ago', { createdAt: 0, lastSeenAt: 100 * DAY }, 100 * DAY + MIN, null, false],
    ['unused exactly 14 days', { createdAt: 0, lastSeenAt: 0 }, 14 * DAY, null, false],
    ['unused 14 days and the renewal minute', { createdAt: 0, lastSeenAt: 0 }, 14 * DAY + MIN, null, false],
    ['unused 14 days and 2 minutes', { createdAt: 0, lastSeenAt: 0 }, 14 * DAY + 2 * MIN, null, true],
    ['unused 3 months (a van)', { createdAt: 0, lastSeenAt: 0 }, 90 * DAY, null, true],
    ['clock gone back', { createdAt: 10 * DAY, lastSeenAt: 10 * DAY }, 0, null, false],
    ['in daily use but older than a 90-day maximum', { createdAt: 0, lastSeenAt: 91 * DAY }, 91 * DAY, 90 * DAY, true],
    ['in daily use within a 90-day maximum', { createdAt: 0, lastSeenAt: 89 * DAY }, 89 * DAY, 90 * DAY, false],
  ] as const)('%s', (_label, times, now, maxAgeMs, expired) => {
    expect(isSessionExpired({ idleMs: IDLE, maxAgeMs }, times, now)).toBe(expired);
  });

  // The middleware's loop: each request is refused if expired, else renews when last seen is stale.
  const serve = (limits: SessionLimits, gaps: readonly number[]) => {
    let now = 0;
    let lastSeenAt = 0;
    for (const gap of gaps) {
      now += gap;
      if (isSessionExpired(limits, { createdAt: 0, lastSeenAt }, now)) return { refusedAt: now, now, lastSeenAt };
      if (shouldRenew({ lastSeenAt }, now)) lastSeenAt = now;
    }
    return { refusedAt: null, now, lastSeenAt };
  };
  const limitsArb = fc.record({ idleMs: fc.integer({ min: 3_600_000, max: 60 * DAY }), maxAgeMs: fc.constant(null) });

  it('never expires a session whose requests are never further apart than the idle limit', () => {
    fc.assert(fc.property(limitsArb, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 60 }), (limits, fractions) => {
      // Gaps from nothing to the whole limit, with the renewal minute's lag in play.
      const gaps = fractions.map((f) => Math.round(f * limits.idleMs));
      expect(serve(limits, gaps).refusedAt).toBeNull();
    }));
  });

  it('always expires a session left unused longer than the limit and the renewal minute', () => {
    fc.assert(fc.property(limitsArb, fc.array(fc.integer({ min: 0, max: 3 * MIN }), { maxLength: 30 }), fc.integer({ min: 1, max: 30 * DAY }), (limits, gaps, beyond) => {
      const used = serve(limits, gaps);
      const later = used.now + limits.idleMs + RENEW_EVERY_MS + beyond;
      expect(isSessionExpired(limits, { createdAt: 0, lastSeenAt: used.lastSeenAt }, later)).toBe(true);
    }));
  });

  it('says when a session lapses: expired exactly after that instant, and for good', () => {
    const limitsWithMax = fc.record({ idleMs: fc.integer({ min: 3_600_000, max: 60 * DAY }), maxAgeMs: fc.option(fc.integer({ min: 3_600_000, max: 400 * DAY })) });
    fc.assert(fc.property(limitsWithMax, fc.integer({ min: 0, max: 100 * DAY }), fc.integer({ min: 0, max: 100 * DAY }), fc.integer({ min: 0, max: 500 * DAY }), fc.integer({ min: 0, max: 100 * DAY }), (limits, createdAt, used, now, more) => {
      const times = { createdAt, lastSeenAt: createdAt + used };
      const at = sessionExpiresAt(limits, times);
      expect(isSessionExpired(limits, times, now)).toBe(now > at);
      if (isSessionExpired(limits, times, now)) expect(isSessionExpired(limits, times, now + more)).toBe(true);
    }));
  });

  it('reads SESSION_IDLE_DAYS and SESSION_MAX_DAYS, and refuses what is not a number of days', () => {
    expect(sessionLimitsFromEnv({})).toEqual(DEFAULT_SESSION_LIMITS);
    expect(sessionLimitsFromEnv({ SESSION_IDLE_DAYS: '21' })).toEqual({ idleMs: 21 * DAY, maxAgeMs: null });
    expect(sessionLimitsFromEnv({ SESSION_IDLE_DAYS: '0,5', SESSION_MAX_DAYS: '90' })).toEqual({ idleMs: DAY / 2, maxAgeMs: 90 * DAY });
    expect(sessionLimitsFromEnv({ SESSION_IDLE_DAYS: ' ' })).toEqual(DEFAULT_SESSION_LIMITS);
    for (const bad of ['0', '-3', 'quatorze', '0.01', 'Infinity', '100000']) {
      expect(() => sessionLimitsFromEnv({ SESSION_IDLE_DAYS: bad }), bad).toThrow(/SESSION_IDLE_DAYS invalide/);
    }
    expect(() => sessionLimitsFromEnv({ SESSION_MAX_DAYS: 'jamais' })).toThrow(/SESSION_MAX_DAYS invalide/);
  });
});

interface DeviceItem { id: string; revoked: boolean; sessionExpired: boolean; sessionExpiresAt: string | null }

describe.each(backends)('sessions unused too long ($name)', (backend) => {
  let h: Harness;
  let s: TestStructure;
  let t = Date.now();
  beforeAll(async () => {
    h = await Harness.create(backend, { now: () => t });
    s = await h.structure('Chantier lointain');
  });
  afterAll(() => h.close());

  const push = (token: string) => h.request('POST', '/api/sync/push', { token, body: { changes: [] } });
  const devices = async (token: string) => (await h.request<{ devices: DeviceItem[] }>('GET', '/api/devices', { token })).body.devices;

  it('refuses pull and push of a tablet left unused beyond 14 days with session_expired, not device_revoked', async () => {
    const eti: TestUser = await h.addUser(s.id, 'eti');
    expect((await h.pull(eti.token)).status).toBe(200);
    t += 14 * DAY + 2 * MIN;
    const pull = await h.pull(eti.token);
    expect(pull.status).toBe(401);
    expect(pull.body).toMatchObject({ error: 'session_expired' });
    expect(String((pull.body as unknown as { message: string }).message)).toContain('reconnectez-vous');
    const pushed = await push(eti.token);
    expect(pushed.status).toBe(401);
    expect(pushed.body).toMatchObject({ error: 'session_expired' });
    expect((await h.request('GET', '/api/me', { token: eti.token })).body).toMatchObject({ error: 'session_expired' });

    // Trying again does not renew it, a minute later neither.
    t += MIN;
    expect((await h.pull(eti.token)).body).toMatchObject({ error: 'session_expired' });

    // The coordination sees it lapsed, not revoked (the coordinator's own session is fresh).
    const co = await h.signIn(s.coordinator.login);
    const listed = (await devices(co.token)).find((d) => d.id === eti.deviceId);
    expect(listed).toMatchObject({ revoked: false, sessionExpired: true });

    // Signing in again gives a new working session; the old token stays refused.
    const again = await h.login(eti.login, PASSWORD);
    expect(again.status).toBe(200);
    expect((await h.pull(again.body.token)).status).toBe(200);
    expect((await push(again.body.token)).status).toBe(200);
    expect((await push(eti.token)).body).toMatchObject({ error: 'session_expired' });
    const relisted = await devices(co.token);
    expect(relisted.find((d) => d.id === again.body.deviceId)).toMatchObject({ revoked: false, sessionExpired: false });
  });

  it('never expires a tablet that syncs at least once every 14 days, even within the renewal minute', async () => {
    const eti = await h.addUser(s.id, 'eti');
    for (let i = 0; i < 6; i++) {
      // A sync 30 s after the last one writes nothing (last seen lags), then the full limit passes.
      t += 30_000;
      expect((await h.pull(eti.token)).status).toBe(200);
      t += IDLE;
      expect((await h.pull(eti.token)).status, `after ${i + 1} fortnights`).toBe(200);
      expect((await push(eti.token)).status).toBe(200);
    }
    const co = await h.signIn(s.coordinator.login);
    const listed = (await devices(co.token)).find((d) => d.id === eti.deviceId);
    expect(listed).toMatchObject({ sessionExpired: false });
    expect(Date.parse(listed?.sessionExpiresAt ?? '')).toBeGreaterThan(t + IDLE - MIN);
  });

  it('keeps a revoked tablet revoked (device_revoked, erase) even once its session would have lapsed', async () => {
    const eti = await h.addUser(s.id, 'eti');
    const co = await h.signIn(s.coordinator.login);
    expect((await h.request('POST', `/api/devices/${eti.deviceId}/revoke`, { token: co.token })).status).toBe(200);
    t += 20 * DAY;
    expect((await h.pull(eti.token)).body).toMatchObject({ error: 'device_revoked' });
    const co2 = await h.signIn(s.coordinator.login);
    expect((await devices(co2.token)).find((d) => d.id === eti.deviceId)).toMatchObject({ revoked: true, sessionExpired: false, sessionExpiresAt: null });
  });
});
