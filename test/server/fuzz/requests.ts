// What the HTTP fuzz sends: fast-check arbitraries for requests to every endpoint of the server
// (listed from src/server/**/routes.ts and app.ts), right and wrong methods, ids of both
// structures and garbage in paths, missing, forged and real tokens of structure A, odd
// headers, and bodies that are malformed JSON, the wrong type, huge, nested, with keys named
// after Object.prototype members, unknown fields, numbers JSON cannot carry, or nearly valid.
import fc from 'fast-check';
import { ENTITY_NAMES, type EntityName } from '../../../src/domain/entities';
import { PROTOTYPE_NAMES, setOwn } from '../../../src/domain/ownKeys';
import { PROTOCOL_VERSION } from '../../../src/sync/protocol';
import { validSample } from '../../fixtures/samples';
import type { FuzzWorld } from './world';

/** Every route of the server: method, path with `:params`, what its body is. */
export const ENDPOINTS = [
  ['GET', '/api/health', 'none'],
  ['POST', '/api/auth/login', 'login'],
  ['POST', '/api/auth/logout', 'none'],
  ['GET', '/api/me', 'none'],
  ['GET', '/api/users', 'none'],
  ['POST', '/api/users', 'newUser'],
  ['PATCH', '/api/users/:id', 'userPatch'],
  ['GET', '/api/devices', 'none'],
  ['POST', '/api/devices/:id/revoke', 'none'],
  ['GET', '/api/history/:entity/:id', 'none'],
  ['GET', '/api/salaries/:id/export', 'none'],
  ['POST', '/api/salaries/:id/erase', 'none'],
  ['GET', '/api/credentials/:id', 'none'],
  ['GET', '/api/credentials/:id/image.png', 'none'],
  ['GET', '/api/issuers/:id', 'none'],
  ['POST', '/api/credentials/verify', 'credential'],
  ['POST', '/api/me/calendar', 'none'],
  ['GET', '/api/calendar/:file', 'none'],
  ['POST', '/api/sync/push', 'push'],
  ['GET', '/api/sync/pull', 'none'],
] as const;

export type BodyKind = (typeof ENDPOINTS)[number][2];

/** Who speaks: one of A's seats (by index), nobody, or a token that is not one. */
export type Speaker = { seat: number } | { none: true } | { header: string };

export interface FuzzRequest {
  route: string;
  method: string;
  path: string;
  speaker: Speaker;
  headers: Record<string, string>;
  /** JSON text (possibly not JSON), or undefined for no body. */
  body: string | undefined;
}

const PROTO_KEYS = [...PROTOTYPE_NAMES];
/** Stands for a literal the JSON text gets after stringify (JSON.stringify cannot write 1e309). */
const INFINITE = '@@INFINITE@@';

const junk = fc.oneof(
  fc.constantFrom('', '..', '%2e%2e', '%00', '%ZZ', '%', 'null', 'undefined', '-1', '0', '1e309', 'é', '%F0%9F%98%80', '<script>', "' OR 1=1 --", '$1', '\\u0000'),
  fc.constantFrom(...PROTO_KEYS),
  fc.string({ maxLength: 30 }).map(encodeURIComponent),
  fc.integer({ min: 1, max: 6_000 }).map((n) => 'a'.repeat(n)),
  fc.uuid({ version: 7 }),
);

export function arbitraries(world: FuzzWorld) {
  const idA = fc.constantFrom(...world.idsA);
  const idB = fc.constantFrom(...world.idsB);
  const anyId = fc.oneof({ weight: 3, arbitrary: idA }, { weight: 3, arbitrary: idB }, { weight: 2, arbitrary: junk });
  const hugeString = fc.integer({ min: 10_000, max: 80_000 }).map((n) => 'é'.repeat(n));
  const weird = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.constantFrom<unknown>(INFINITE, -0, 1e308, Number.MAX_SAFE_INTEGER + 2, '', ' ', '\u0000', '\ud800', '2026-02-30', '25:99', true, [], {}),
    hugeString,
    idA,
    idB,
    fc.integer({ min: 20, max: 200 }).map((depth) => {
      let v: unknown = 1;
      for (let i = 0; i < depth; i++) v = [v];
      return v;
    }),
  );
  /** An object with some keys replaced, removed, added (unknown or prototype-named). */
  const mutate = (base: Record<string, unknown>) => fc.tuple(
    fc.subarray(Object.keys(base)),
    fc.array(fc.tuple(fc.oneof(fc.constantFrom(...Object.keys(base), 'extra', 'structureId', 'id', 'deleted'), fc.constantFrom(...PROTO_KEYS), fc.string({ maxLength: 12 })), weird), { maxLength: 3 }),
    fc.subarray(Object.keys(base), { maxLength: Math.min(2, Object.keys(base).length) }),
  ).map(([keep, put, drop]) => {
    const out: Record<string, unknown> = {};
    for (const k of keep) if (!drop.includes(k)) setOwn(out, k, base[k]);
    for (const [k, v] of put) setOwn(out, k, v);
    return out;
  });
  const sometimesMutated = (base: Record<string, unknown>) => fc.oneof({ weight: 1, arbitrary: fc.constant(base) }, { weight: 3, arbitrary: mutate(base) });

  const sampleOf = (entity: EntityName) => fc.tuple(fc.constantFrom(idA, idB), fc.boolean()).chain(([ids, swap]) => ids.map((other) => {
    const s = validSample(entity);
    // Point the record at a record of either structure.
    if (swap) for (const k of ['salarieId', 'teamId', 'competenceId', 'activityId', 'logEntryId', 'slotId']) if (k in s) s[k] = other;
    return s as Record<string, unknown>;
  }));
  const changeArb = fc.tuple(
    fc.oneof({ weight: 9, arbitrary: fc.constantFrom<string>(...ENTITY_NAMES) }, { weight: 1, arbitrary: fc.oneof(fc.constantFrom(...PROTO_KEYS), fc.string({ maxLength: 10 })) }),
    fc.oneof({ weight: 3, arbitrary: fc.uuid({ version: 7 }) }, { weight: 2, arbitrary: anyId }),
    fc.oneof({ weight: 4, arbitrary: fc.constant('now') }, { weight: 1, arbitrary: fc.constantFrom('2099-01-01T00:00:00.000Z-0000-x', 'pas une horloge', '') }),
    fc.boolean(),
    fc.uuid({ version: 7 }),
  ).chain(([entity, id, clock, deleted, opId]) => {
    const base = (ENTITY_NAMES as readonly string[]).includes(entity) ? sampleOf(entity as EntityName) : fc.constant<Record<string, unknown>>({ a: 1 });
    return base.chain((sample) => sometimesMutated(sample)).chain((set) => sometimesMutated({
      opId, entity, id,
      hlc: clock === 'now' ? `${new Date().toISOString()}-0001-fuzz` : clock,
      set,
      ...(deleted ? { deleted: true } : {}),
    }));
  });

  const bodies: Record<BodyKind, fc.Arbitrary<unknown>> = {
    none: fc.constant(undefined),
    login: sometimesMutated({ login: 'x', password: 'tremplin', deviceName: 'Fuzz' }).chain((b) => fc.constantFrom(...world.loginsA, 'inconnu').map((login) => ('login' in b && typeof b['login'] === 'string' ? { ...b, login } : b))),
    newUser: fc.tuple(fc.constantFrom('coordinator', 'eti', 'salarie', 'admin'), anyId, fc.uuid({ version: 7 })).chain(([role, salarieId, u]) =>
      sometimesMutated({ login: `fuzz-${u.slice(-12)}`, password: 'motdepasse-fuzz', role, displayName: 'Compte fuzz', salarieId })),
    userPatch: sometimesMutated({ displayName: 'Nom changé', role: 'eti', active: true, password: 'autre-motdepasse' }),
    credential: sometimesMutated({
      '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: `http://127.0.0.1/api/issuers/${world.structureA}` }, credentialSubject: { id: 'urn:x' }, validFrom: '2026-01-01T00:00:00Z',
      proof: [{ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', verificationMethod: 'x', proofValue: 'z' }],
    }),
    push: fc.oneof(
      { weight: 6, arbitrary: fc.array(changeArb, { minLength: 1, maxLength: 3 }).map((changes) => ({ changes })) },
      { weight: 1, arbitrary: fc.array(changeArb, { maxLength: 2 }).chain((changes) => mutate({ changes })) },
    ),
  };

  /** The body as sent: usually the route's own kind, else anything. */
  const bodyText = (kind: BodyKind): fc.Arbitrary<string | undefined> => fc.oneof(
    { weight: 6, arbitrary: bodies[kind].map((b) => (b === undefined ? undefined : JSON.stringify(b).replaceAll(`"${INFINITE}"`, '1e309'))) },
    { weight: 1, arbitrary: fc.oneof(fc.jsonValue().map((v) => JSON.stringify(v)), fc.string({ maxLength: 50 }), fc.constantFrom('{', '{"changes": [', 'null', '[]', '"x"', '{"a":1}{"b":2}', '\ufeff{}')) },
    { weight: 1, arbitrary: fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom(70_000, 300_000, 2_200_000).map((n) => `{"changes":[],"pad":"${'x'.repeat(n)}"}`) }) },
  );

  const speaker: fc.Arbitrary<Speaker> = fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: 0, max: world.seats.length - 1 }).map((seat) => ({ seat })) },
    { weight: 2, arbitrary: fc.constant({ none: true as const }) },
    { weight: 2, arbitrary: fc.oneof(
      fc.stringMatching(/^[A-Za-z0-9_-]{43}$/).map((t) => ({ header: `Bearer ${t}` })),
      fc.constantFrom('Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', 'bearer abc', `Bearer ${'a'.repeat(300)}`, 'Bearer ../../etc').map((header) => ({ header })),
    ) },
  );

  const headers = fc.record({
    protocol: fc.oneof({ weight: 8, arbitrary: fc.constantFrom(undefined, String(PROTOCOL_VERSION)) }, { weight: 1, arbitrary: fc.constantFrom('0', 'abc', '99999999', '', String(PROTOCOL_VERSION + 1)) }),
    contentType: fc.constantFrom('application/json', 'application/json', 'text/plain', 'multipart/form-data; boundary=x', undefined),
    storage: fc.constantFrom(undefined, 'persisted', 'best-effort', 'x'.repeat(100)),
    forwarded: fc.constantFrom(undefined, '1.2.3.4', 'garbage, , ::1', 'x'.repeat(200)),
    encoding: fc.constantFrom(undefined, 'gzip', 'br, gzip, deflate', '*'),
    big: fc.oneof({ weight: 20, arbitrary: fc.constant(undefined) }, { weight: 2, arbitrary: fc.constant(8_000) }, { weight: 1, arbitrary: fc.constant(20_000) }),
  }).map((h) => {
    const out: Record<string, string> = {};
    if (h.protocol !== undefined) out['X-Tremplin-Protocol'] = h.protocol;
    if (h.contentType !== undefined) out['Content-Type'] = h.contentType;
    if (h.storage !== undefined) out['X-Tremplin-Storage'] = h.storage;
    if (h.forwarded !== undefined) out['X-Forwarded-For'] = h.forwarded;
    if (h.encoding !== undefined) out['Accept-Encoding'] = h.encoding;
    if (h.big !== undefined) out['X-Padding'] = 'p'.repeat(h.big);
    return out;
  });

  const param = (name: string): fc.Arbitrary<string> => {
    if (name === 'entity') return fc.oneof(fc.constantFrom<string>(...ENTITY_NAMES), junk);
    if (name === 'file') return fc.oneof(fc.constant(world.calendarPathA.split('/').pop() ?? ''), junk.map((j) => `${j}.ics`), junk);
    return anyId;
  };
  /** A path of the route, its params filled (history: an entity and an id, often a matching pair). */
  const pathOf = (template: string): fc.Arbitrary<string> => {
    if (template === '/api/history/:entity/:id') {
      return fc.oneof(
        fc.constantFrom(...world.entityIdsA, ...world.entityIdsB).map(([e, id]) => `/api/history/${e}/${id}`),
        fc.tuple(param('entity'), anyId).map(([e, id]) => `/api/history/${e}/${id}`),
      );
    }
    const names = [...template.matchAll(/:(\w+)/g)].map((m) => m[1]!);
    if (names.length === 0) return fc.constant(template);
    return fc.tuple(...names.map(param)).map((values) => names.reduce((p, n, i) => p.replace(`:${n}`, values[i]!), template));
  };
  const query = (template: string): fc.Arbitrary<string> => template === '/api/sync/pull'
    ? fc.record({ since: fc.constantFrom(undefined, '', 'abc', 'eyJ2IjoxLCJzZXEiOjAsInNjb3BlIjoieCJ9', 'eyJ2IjoxLCJzZXEiOjFlMzA5LCJzY29wZSI6IngifQ', '%%'), limit: fc.constantFrom(undefined, '1', '0', '-5', '1e9', 'abc', '999999999') })
      .map(({ since, limit }) => {
        const q = [since !== undefined ? `since=${since}` : '', limit !== undefined ? `limit=${limit}` : ''].filter(Boolean).join('&');
        return q ? `?${q}` : '';
      })
    : fc.constantFrom('', '', '', '?x=1', '?__proto__=1&constructor=2', '?a=%ZZ');

  const routed: fc.Arbitrary<FuzzRequest> = fc.constantFrom(...ENDPOINTS).chain(([method, template, kind]) => fc.record({
    route: fc.constant(`${method} ${template}`),
    method: fc.oneof({ weight: 8, arbitrary: fc.constant<string>(method) }, { weight: 2, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'PROPFIND', 'TRACE') }),
    path: fc.tuple(pathOf(template), query(template)).map(([p, q]) => p + q),
    speaker,
    headers,
    body: bodyText(kind),
  }));
  const stray: fc.Arbitrary<FuzzRequest> = fc.record({
    route: fc.constant('(other path)'),
    method: fc.constantFrom('GET', 'POST', 'DELETE'),
    path: fc.oneof(junk.map((j) => `/api/${j}`), junk.map((j) => `/${j}`), fc.constantFrom('/api', '/api/', '/api/sync', '/api/sync/', '//api/health', '/api/./health', '/API/HEALTH', '/api/health/', '/index.html')),
    speaker,
    headers,
    body: bodyText('push'),
  });
  return fc.oneof({ weight: 9, arbitrary: routed }, { weight: 1, arbitrary: stray });
}
