// Keys named after Object.prototype members (`valueOf`, `toString`, `__proto__`…) in anything a
// client sends: a field of any entity, an entity name, a nested value, the body of every
// endpoint that takes keyed input. A lookup by such a key used to reach the prototype (a push
// with `set.valueOf` answered 500). Each is now a 400 naming the field, and nothing is written.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTITY_NAMES, type EntityName } from '../../src/domain/entities';
import { PROTOTYPE_NAMES, setOwn } from '../../src/domain/ownKeys';
import type { Fields } from '../../src/sync/protocol';
import { validSample } from '../fixtures/samples';
import { storeFingerprint } from './fingerprint';
import { backends, change, Harness, newId, world } from './harness';

type World = Awaited<ReturnType<typeof world>>;

const KEYS = [...PROTOTYPE_NAMES];
const key = fc.constantFrom(...KEYS);
const entity = fc.constantFrom(...ENTITY_NAMES);
const value = fc.oneof(fc.integer(), fc.string({ maxLength: 20 }), fc.boolean(), fc.constant(null), fc.dictionary(fc.string({ maxLength: 8 }), fc.integer(), { maxKeys: 3 }));

/** An object with `k` as an OWN key (an object literal `{ __proto__: v }` would set the prototype). */
function withKey<T>(base: Record<string, T>, k: string, v: T): Record<string, T> {
  const out = { ...base };
  setOwn(out, k, v);
  return out;
}

describe.each(backends)('keys named after Object.prototype members ($name)', (backend) => {
  let h: Harness;
  let w: World;
  beforeAll(async () => {
    h = await Harness.create(backend);
    w = await world(h);
  });
  afterAll(() => h.close());

  const push = (body: unknown) => h.request('POST', '/api/sync/push', { token: w.co, rawBody: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });

  it('a field of any entity with such a name is a 400 naming it, and nothing is written', async () => {
    await fc.assert(fc.asyncProperty(entity, key, value, async (e: EntityName, k, v) => {
      const before = await storeFingerprint(h.db);
      const c = change(e, withKey(validSample(e), k, v as Fields[string]) as Fields);
      const r = await push({ changes: [c] });
      expect(r.status).toBe(400);
      expect(r.body['field']).toBe(`changes[0].set.${k}`);
      expect(await storeFingerprint(h.db)).toEqual(before);
    }), { seed: 1313, numRuns: 120 });
  });

  it('nested inside a field value, or after valid changes, it is refused the same way', async () => {
    await fc.assert(fc.asyncProperty(entity, key, async (e, k) => {
      const before = await storeFingerprint(h.db);
      const nested = change(e, { ...validSample(e), extraNote: withKey({ a: 1 }, k, 2) } as Fields);
      const r = await push({ changes: [change('team', { name: 'Valide', etiUserIds: [] }), nested] });
      expect(r.status).toBe(400);
      expect(r.body['field']).toBe(`changes[1].set.extraNote.${k}`);
      expect(await storeFingerprint(h.db)).toEqual(before);
    }), { seed: 1314, numRuns: 60 });
  });

  it('as an entity name, or as a key of the change or of the body, it is a 400 naming it', async () => {
    for (const k of KEYS) {
      const before = await storeFingerprint(h.db);
      const asEntity = await push({ changes: [{ ...change('team', { name: 'x', etiUserIds: [] }), entity: k }] });
      expect(asEntity.status).toBe(400);
      expect(asEntity.body['field']).toBe('changes[0].entity');
      const inChange = await push({ changes: [withKey(change('team', { name: 'x', etiUserIds: [] }) as unknown as Record<string, unknown>, k, 1)] });
      expect(inChange.status).toBe(400);
      expect(inChange.body['field']).toBe(`changes[0].${k}`);
      const inBody = await push(withKey<unknown>({ changes: [] }, k, 1));
      expect(inBody.status).toBe(400);
      expect(inBody.body['field']).toBe(k);
      expect(await storeFingerprint(h.db)).toEqual(before);
    }
  });

  it('every other endpoint taking a JSON body answers 400 naming it and writes nothing', async () => {
    const target = await h.addUser(w.s.id, 'eti');
    await fc.assert(fc.asyncProperty(key, value, async (k, v) => {
      const before = await storeFingerprint(h.db);
      const login = { login: `nouveau-${newId().slice(-8)}`, password: 'motdepasse-long', role: 'eti', displayName: 'Nouvel ETI' };
      const calls = [
        ['POST', '/api/users', w.co, withKey<unknown>(login, k, v)],
        ['PATCH', `/api/users/${target.id}`, w.co, withKey<unknown>({ displayName: 'Autre nom' }, k, v)],
        ['POST', '/api/auth/login', undefined, withKey<unknown>({ login: target.login, password: target.password, deviceName: 'x' }, k, v)],
        ['POST', '/api/credentials/verify', undefined, withKey<unknown>({ '@context': ['x'], type: ['VerifiableCredential'], issuer: 'x', credentialSubject: {}, proof: [] }, k, v)],
      ] as const;
      for (const [method, path, token, body] of calls) {
        const r = await h.request(method, path, { ...(token ? { token } : {}), rawBody: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
        expect(r.status, `${method} ${path}`).toBe(400);
        expect(r.body['field'], `${method} ${path}`).toBe(k);
      }
      expect(await storeFingerprint(h.db)).toEqual(before);
    }), { seed: 1315, numRuns: 30 });
  });

  it('in a path or a query it is an ordinary unknown name (404 or 400), never a 500', async () => {
    for (const k of KEYS) {
      const history = await h.request('GET', `/api/history/${encodeURIComponent(k)}/${w.sal1}`, { token: w.co });
      expect(history.status).toBe(404);
      const cursor = Buffer.from(`{"${k}": {"v": 1, "seq": 0, "scope": "x"}}`).toString('base64url');
      const pull = await h.request('GET', `/api/sync/pull?since=${cursor}&${encodeURIComponent(k)}=1`, { token: w.co });
      expect(pull.status).toBe(400);
      expect(pull.body['field']).toBe('since');
      const other = await h.request('GET', `/api/${encodeURIComponent(k)}`, { token: w.co });
      expect(other.status).toBe(404);
    }
  });
});
