// Open Badges 3.0 over HTTP (contract « Second release »):
//   GET  /api/credentials/:badgeId            the signed AchievementCredential (JSON)
//   GET  /api/credentials/:badgeId/image.png  the badge PNG with that credential baked in
//   GET  /api/issuers/:structureId            public: the issuer Profile with its public keys
//   POST /api/credentials/verify              public: {verified, problems}
// A credential is for the badge's salarié, the coordination, and the ETI of the salarié's team
// (the access table's read rule on the badge); anyone else, another structure's badge, and a
// badge the server does not hold yet all get the same 404. Public routes need no session and no
// protocol header. Nothing here is logged: credentials name a person.
import { Hono, type Context } from 'hono';
import { canRead } from '../../domain/access';
import { isRecordId } from '../../domain/ids';
import { requireSession } from '../auth/session';
import { today, type AppDeps } from '../deps';
import { badRequest, HttpError, isPlainObject, readJson } from '../http/errors';
import type { AppEnv } from '../http/env';
import { viewOf } from '../sync/records';
import { resolveActor } from '../sync/scope';
import { issuerProfile } from './documents';
import { liveBadge } from './facts';
import { credentialOf, type Credential } from './issue';
import { publicKeysOf } from './keys';
import { publicOrigin } from './origin';
import { bakedPng } from './png';
import { credentialBody, jwtBody, PROBLEMS, verifyCredential } from './verify';

const notFound = () => new HttpError(404, { error: 'not_found', message: 'badge inconnu ou pas encore reçu par le serveur' });

function idParam(c: Context<AppEnv>, name: string): string {
  const id = c.req.param(name) ?? '';
  if (!isRecordId(id)) throw badRequest(name, `${name} : identifiant invalide (UUID ou ULID attendu)`, 'invalid_request');
  return id;
}

export function credentialRoutes(deps: AppDeps, env: Readonly<Record<string, string | undefined>> = process.env): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  const originOf = (c: Context<AppEnv>) => publicOrigin(c.req.url, env);

  /** The credential the signed-in user may read, signed on first ask; 404 otherwise. */
  async function readable(c: Context<AppEnv>): Promise<Credential> {
    const { user } = c.get('session');
    const badgeId = idParam(c, 'badgeId');
    const badge = await liveBadge(deps.db, badgeId);
    if (badge === null || badge.structureId !== user.structureId) throw notFound();
    const resolved = await resolveActor(deps.db, user.id, user.structureId, today(deps));
    if (!resolved || !canRead(resolved.actor, viewOf(badge))) throw notFound();
    const credential = await credentialOf(deps.db, originOf(c), badge, deps.now());
    if (credential === null) throw notFound();
    c.header('Cache-Control', 'no-store');
    return credential;
  }

  r.post('/credentials/verify', async (c) => {
    const body = await readJson(c);
    if (!isPlainObject(body)) throw badRequest('body', 'le corps doit être un badge (objet JSON) ou {"jwt": "…"}');
    if (jwtBody.safeParse(body).success) return c.json({ verified: false, problems: [PROBLEMS.jwt] });
    const parsed = credentialBody.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : 'body';
      throw badRequest(field, `${field} : ce n’est pas un badge Open Badges 3.0 lisible (${issue?.message ?? 'forme invalide'})`);
    }
    return c.json(await verifyCredential(deps.db, originOf(c), parsed.data));
  });

  r.get('/credentials/:badgeId/image.png', requireSession(deps), async (c) => {
    const credential = await readable(c);
    const png = await bakedPng(JSON.stringify(credential));
    return c.body(png.slice().buffer, 200, {
      'Content-Type': 'image/png',
      'Content-Disposition': `attachment; filename="badge-${c.req.param('badgeId')}.png"`,
    });
  });

  r.get('/credentials/:badgeId', requireSession(deps), async (c) => c.json(await readable(c)));

  r.get('/issuers/:structureId', async (c) => {
    const structureId = idParam(c, 'structureId');
    const { rows } = await deps.db.query<{ name: unknown }>(
      `SELECT fields->'name' AS name FROM records WHERE entity = 'structure' AND id = $1 AND NOT deleted`, [structureId],
    );
    const row = rows[0];
    if (row === undefined) throw new HttpError(404, { error: 'not_found', message: 'émetteur inconnu' });
    const keys = await publicKeysOf(deps.db, structureId);
    c.header('Cache-Control', 'public, max-age=300');
    return c.json(issuerProfile({ origin: originOf(c), structureId, name: typeof row.name === 'string' ? row.name : '', keys }));
  });

  return r;
}
