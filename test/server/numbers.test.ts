// A number JSON cannot carry (`1e309` parses to Infinity) used to be applied and come back as
// null. Every JSON body refuses it now with a 400 naming the field, and writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validSample } from '../fixtures/samples';
import { storeFingerprint } from './fingerprint';
import { backends, byId, change, Harness, world } from './harness';

type World = Awaited<ReturnType<typeof world>>;

describe.each(backends)('numbers out of JSON range ($name)', (backend) => {
  let h: Harness;
  let w: World;
  beforeAll(async () => {
    h = await Harness.create(backend);
    w = await world(h);
  });
  afterAll(() => h.close());

  /** The body as JSON text with `"@N@"` replaced by a literal number (JSON.stringify cannot write 1e309). */
  const raw = (body: unknown, literal: string) => JSON.stringify(body).replace('"@N@"', literal);
  const send = (method: string, path: string, token: string | undefined, text: string) =>
    h.request(method, path, { ...(token ? { token } : {}), rawBody: text, headers: { 'Content-Type': 'application/json' } });

  it.each(['1e309', '-1e309', '123e999'])('%s in a pushed field, known or not, is a 400 naming it', async (literal) => {
    const before = await storeFingerprint(h.db);
    for (const [entity, set, field] of [
      ['timeEntry', { ...validSample('timeEntry'), salarieId: w.sal1, hours: '@N@' }, 'changes[0].set.hours'],
      ['team', { ...validSample('team'), score: '@N@' }, 'changes[0].set.score'],
      ['team', { ...validSample('team'), extra: { list: [1, '@N@'] } }, 'changes[0].set.extra.list[1]'],
    ] as const) {
      const r = await send('POST', '/api/sync/push', w.co, raw({ changes: [change(entity, set as never)] }, literal));
      expect(r.status).toBe(400);
      expect(r.body['field']).toBe(field);
      expect(r.body['message']).toMatch(/nombre hors limites/);
    }
    expect(await storeFingerprint(h.db)).toEqual(before);
  });

  it('in any other JSON body, a 400 naming it', async () => {
    const before = await storeFingerprint(h.db);
    const cases = [
      ['POST', '/api/users', w.co, { login: 'chiffres', password: 'motdepasse-long', role: 'eti', displayName: '@N@' }, 'displayName'],
      ['PATCH', `/api/users/${w.eti1.id}`, w.co, { active: '@N@' }, 'active'],
      ['POST', '/api/auth/login', undefined, { login: w.eti1.login, password: '@N@' }, 'password'],
      ['POST', '/api/credentials/verify', undefined, { proof: { created: '@N@' } }, 'proof.created'],
    ] as const;
    for (const [method, path, token, body, field] of cases) {
      const r = await send(method, path, token, raw(body, '1e309'));
      expect(r.status, path).toBe(400);
      expect(r.body['field'], path).toBe(field);
    }
    expect(await storeFingerprint(h.db)).toEqual(before);
  });

  it('the largest finite numbers still travel and come back as sent', async () => {
    const c = change('team', { ...validSample('team'), score: 1.7976931348623157e308, tiny: 5e-324 } as never);
    await h.pushOk(w.co, [c]);
    const back = byId((await h.pullAll(w.co)).changes).get(c.id);
    expect(back?.fields['score']).toBe(1.7976931348623157e308);
    expect(back?.fields['tiny']).toBe(5e-324);
  });
});
