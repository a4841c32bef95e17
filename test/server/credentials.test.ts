// Open Badges 3.0 on the server (issue 12): the push rule on badges (acquis, who may issue), the
// signed AchievementCredential (1EdTech schema, proof array, the same at every GET), who may read
// it, the baked PNG, the public issuer Profile, and verification — which fails on a changed
// field, a changed issuer, and a key of another structure. PGlite always, PostgreSQL when set.
import { readFileSync } from 'node:fs';
import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BADGE_RULES } from '../../src/domain/badges/rules';
import { readBakedCredential } from '../../src/domain/badges/pngCredential';
import { signCredential } from '../../src/server/credentials/issue';
import { PROBLEMS } from '../../src/server/credentials/verify';
import { backends, change, Harness, newId, world } from './harness';

const schema = JSON.parse(readFileSync(new URL('../../../shared/standards/ob_v3p0_achievementcredential_schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const ajv = new Ajv2019({ strict: false, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);

type Json = Record<string, unknown>;
const ORIGIN = 'http://localhost';

/** A world with a referentiel: Haie acquired (3) by Amina, Tonte only at 2 (a self-assessment at 4 does not count). */
async function badgeWorld(h: Harness) {
  const w = await world(h);
  const activity = newId();
  const haie = newId();
  const tonte = newId();
  const other = newId();
  await h.pushOk(w.co, [
    change('activity', { name: 'Espaces verts' }, { id: activity }),
    change('competence', { activityId: activity, label: 'Tailler une haie', description: 'Au taille-haie, en sécurité' }, { id: haie }),
    change('competence', { activityId: activity, label: 'Tondre une pelouse' }, { id: tonte }),
    change('activity', { name: 'Second œuvre' }, { id: other }),
  ]);
  await h.pushOk(w.eti1.token, [
    change('evaluation', { salarieId: w.sal1, competenceId: haie, level: 2, context: 'production', date: '2026-01-05', evaluatorId: w.eti1.id, comment: 'Remarque confidentielle' }),
    change('evaluation', { salarieId: w.sal1, competenceId: haie, level: 3, context: 'afest', date: '2026-01-20', evaluatorId: w.eti1.id, comment: 'Remarque confidentielle' }),
    change('evaluation', { salarieId: w.sal1, competenceId: tonte, level: 2, context: 'production', date: '2026-01-20', evaluatorId: w.eti1.id }),
  ]);
  await h.pushOk(w.salarie1.token, [
    change('evaluation', { salarieId: w.sal1, competenceId: tonte, level: 4, context: 'self', date: '2026-01-21', evaluatorId: w.salarie1.id }),
  ]);
  return { ...w, activity, haie, tonte };
}

const badge = (w: { sal1: string; s: { coordinator: { id: string } } }, set: Json, id = newId()) =>
  change('badge', { salarieId: w.sal1, issuedOn: '2026-02-01', issuerId: w.s.coordinator.id, ...set }, { id });

describe.each(backends)('Open Badges 3.0 ($name)', (backend) => {
  let h: Harness;
  beforeAll(async () => { h = await Harness.create(backend); });
  afterAll(() => h.close());

  describe('a pushed badge', () => {
    it('is rejected, naming the rule, unless the competence is acquis on its date', async () => {
      const w = await badgeWorld(h);
      const [notAcquired, selfOnly, early, ok] = await h.push(w.co, [
        badge(w, { competenceId: w.tonte }),
        badge(w, { competenceId: w.tonte, issuedOn: '2026-03-01' }),
        badge(w, { competenceId: w.haie, issuedOn: '2026-01-10' }),
        badge(w, { competenceId: w.haie }),
      ]);
      expect(notAcquired).toMatchObject({ status: 'rejected', reason: 'invalid', message: BADGE_RULES.competence });
      expect(selfOnly).toMatchObject({ status: 'rejected', message: BADGE_RULES.competence });
      expect(early).toMatchObject({ status: 'rejected', message: BADGE_RULES.competence });
      expect(ok).toMatchObject({ status: 'applied' });
    });

    it('for an activity needs every competence of it acquis, and names exactly one thing', async () => {
      const w = await badgeWorld(h);
      const [partial, both] = await h.push(w.co, [
        badge(w, { activityId: w.activity }),
        badge(w, { activityId: w.activity, competenceId: w.haie }),
      ]);
      expect(partial).toMatchObject({ status: 'rejected', message: BADGE_RULES.activity });
      expect(both).toMatchObject({ status: 'rejected', reason: 'invalid' });
      // The last evaluation and the badge may travel in the same push.
      const [evaluation, whole] = await h.push(w.co, [
        change('evaluation', { salarieId: w.sal1, competenceId: w.tonte, level: 3, context: 'production', date: '2026-01-25', evaluatorId: w.s.coordinator.id }),
        badge(w, { activityId: w.activity }),
      ]);
      expect(evaluation).toMatchObject({ status: 'applied' });
      expect(whole).toMatchObject({ status: 'applied' });
    });

    it('by an ETI is accepted only when the structure allows it, and only for their team', async () => {
      const w = await badgeWorld(h);
      const byEti = (token: string) => h.push(token, [badge(w, { competenceId: w.haie, issuerId: w.eti1.id })]);
      expect((await byEti(w.eti1.token))[0]).toMatchObject({ status: 'rejected', reason: 'invalid', message: BADGE_RULES.issuer });
      await h.pushOk(w.co, [change('structure', { etiMayIssueBadges: true }, { id: w.s.id })]);
      expect((await byEti(w.eti1.token))[0]).toMatchObject({ status: 'applied' });
      expect((await byEti(w.eti2.token))[0]).toMatchObject({ status: 'rejected' });
      expect((await byEti(w.salarie1.token))[0]).toMatchObject({ status: 'rejected' });
    });
  });

  describe('the credential', () => {
    let w: Awaited<ReturnType<typeof badgeWorld>>;
    let badgeId: string;
    let credential: Json;
    beforeAll(async () => {
      w = await badgeWorld(h);
      badgeId = newId();
      await h.pushOk(w.co, [badge(w, { competenceId: w.haie }, badgeId)]);
      const r = await h.request<Json>('GET', `/api/credentials/${badgeId}`, { token: w.co });
      expect(r.status).toBe(200);
      credential = r.body;
    });

    it('is an Open Badges 3.0 AchievementCredential valid against the 1EdTech schema', () => {
      expect(validate(credential), JSON.stringify(validate.errors)).toBe(true);
      expect(credential).toMatchObject({
        '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
        type: ['VerifiableCredential', 'OpenBadgeCredential'],
        issuer: { id: `${ORIGIN}/api/issuers/${w.s.id}`, type: ['Profile'] },
        credentialSubject: {
          type: ['AchievementSubject'],
          identifier: [{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: 'Amina Diallo' }],
          achievement: { type: ['Achievement'], achievementType: 'Competency', name: 'Tailler une haie', description: 'Au taille-haie, en sécurité' },
        },
        proof: [{ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofPurpose: 'assertionMethod' }],
      });
      expect(Date.parse(String(credential['validFrom']))).not.toBeNaN();
      const text = JSON.stringify(credential);
      expect(text).toContain('Acquis (fait seul)');
      // The evaluations behind it: the run at « acquis » (the 20 January AFEST), never a comment.
      expect(credential['evidence']).toEqual([expect.objectContaining({ type: ['Evidence'], name: 'Évaluation du 2026-01-20' })]);
      expect(text).toContain('Séquence AFEST');
      expect(text).not.toContain('Remarque confidentielle');
      expect(text).not.toContain('0600000000');
    });

    it('is signed once: the same credential at every GET', async () => {
      const again = await h.request<Json>('GET', `/api/credentials/${badgeId}`, { token: w.eti1.token });
      expect(again.status).toBe(200);
      expect(again.body).toEqual(credential);
    });

    it('is for the salarié, the coordination and the ETI of their team; 404 for anyone else', async () => {
      const other = await h.structure('Autre structure');
      const sal2User = await h.addUser(w.s.id, 'salarie', { salarieId: w.sal2 });
      const status = async (token: string, id = badgeId) => (await h.request('GET', `/api/credentials/${id}`, { token })).status;
      expect(await status(w.salarie1.token)).toBe(200);
      expect(await status(w.eti1.token)).toBe(200);
      expect(await status(w.co)).toBe(200);
      expect(await status(w.eti2.token)).toBe(404);
      expect(await status(sal2User.token)).toBe(404);
      expect(await status(other.coordinator.token)).toBe(404);
      expect(await status(w.co, newId())).toBe(404);
      expect((await h.request('GET', `/api/credentials/${badgeId}`)).status).toBe(401);
      expect((await h.request('GET', '/api/credentials/pas-un-id', { token: w.co })).status).toBe(400);
    });

    it('verifies as it was issued, without a session or a protocol header', async () => {
      const r = await h.request<{ verified: boolean; problems: string[] }>('POST', '/api/credentials/verify', { body: credential });
      expect(r.status).toBe(200);
      expect(r.body).toEqual({ verified: true, problems: [] });
    });

    it('does not verify once a field is changed', async () => {
      const changed = structuredClone(credential) as { credentialSubject: { achievement: { name: string } } };
      changed.credentialSubject.achievement.name = 'Conduire une pelleteuse';
      const renamed = structuredClone(credential) as { credentialSubject: { identifier: { identityHash: string }[] } };
      renamed.credentialSubject.identifier[0]!.identityHash = 'Quelqu’un d’autre';
      const later = { ...structuredClone(credential), validFrom: '2020-01-01T00:00:00Z' };
      for (const body of [changed, renamed, later]) {
        const r = await h.request<{ verified: boolean; problems: string[] }>('POST', '/api/credentials/verify', { body });
        expect(r.status).toBe(200);
        expect(r.body.verified).toBe(false);
        expect(r.body.problems).toEqual([PROBLEMS.signature]);
      }
    });

    it('does not verify with a changed issuer, nor when another structure’s key signed it', async () => {
      const other = await h.structure('Structure B');
      const otherIssuer = `${ORIGIN}/api/issuers/${other.id}`;
      // Issuer changed to B (B holds a key after its first signature).
      const unsigned = { ...structuredClone(credential) };
      delete unsigned['proof'];
      await signCredential(h.db, ORIGIN, other.id, { ...unsigned, id: `urn:uuid:${newId()}` });
      const moved = { ...structuredClone(credential), issuer: { id: otherIssuer, type: ['Profile'], name: 'Structure B' } };
      // B's key signs a credential that names A as its issuer.
      const forged = await signCredential(h.db, ORIGIN, other.id, unsigned);
      // … and the same signature, claiming to be A's key.
      const aKey = (credential['proof'] as { verificationMethod: string }[])[0]!.verificationMethod;
      const disguised = { ...forged, proof: (forged['proof'] as Json[]).map((p) => ({ ...p, verificationMethod: aKey })) };
      const answers = [];
      for (const body of [moved, forged, disguised]) {
        const r = await h.request<{ verified: boolean; problems: string[] }>('POST', '/api/credentials/verify', { body });
        expect(r.status).toBe(200);
        answers.push(r.body);
      }
      expect(answers.map((a) => a.verified)).toEqual([false, false, false]);
      expect(answers[0]!.problems).toEqual([PROBLEMS.foreignKey]);
      expect(answers[1]!.problems).toEqual([PROBLEMS.foreignKey]);
      expect(answers[2]!.problems).toEqual([PROBLEMS.signature]);
      // An issuer under another address is not this server's.
      const elsewhere = { ...structuredClone(credential), issuer: { id: `https://ailleurs.example/api/issuers/${w.s.id}`, type: ['Profile'] } };
      expect((await h.request<Json>('POST', '/api/credentials/verify', { body: elsewhere })).body).toEqual({ verified: false, problems: [PROBLEMS.issuer] });
    });

    it('refuses a JWT with a sentence, and a body that is no credential with 400 naming the field', async () => {
      const jwt = await h.request<Json>('POST', '/api/credentials/verify', { body: { jwt: 'eyJhbGciOiJFZERTQSJ9.e30.c2ln' } });
      expect(jwt.status).toBe(200);
      expect(jwt.body).toEqual({ verified: false, problems: [PROBLEMS.jwt] });
      const noProof = { ...structuredClone(credential) };
      delete noProof['proof'];
      const r = await h.request<Json>('POST', '/api/credentials/verify', { body: noProof });
      expect(r.status).toBe(400);
      expect(r.body['field']).toBe('proof');
      expect((await h.request<Json>('POST', '/api/credentials/verify', { rawBody: 'pas du json', headers: { 'Content-Type': 'application/json' } })).status).toBe(400);
      expect((await h.request<Json>('POST', '/api/credentials/verify', { body: [1, 2] })).body['field']).toBe('body');
    });

    it('comes as a PNG with the credential baked in, which verifies', async () => {
      const res = await h.app.request(`/api/credentials/${badgeId}/image.png`, { headers: { Authorization: `Bearer ${w.salarie1.token}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get('Content-Type')).toBe('image/png');
      const baked = readBakedCredential(new Uint8Array(await res.arrayBuffer()));
      expect(baked.ok).toBe(true);
      if (!baked.ok) return;
      const fromPng = JSON.parse(baked.text) as Json;
      expect(fromPng).toEqual(credential);
      const r = await h.request<Json>('POST', '/api/credentials/verify', { body: fromPng });
      expect(r.body).toEqual({ verified: true, problems: [] });
      expect((await h.request('GET', `/api/credentials/${badgeId}/image.png`, { token: w.eti2.token })).status).toBe(404);
    });

    it('is forgotten when the person is erased (RGPD)', async () => {
      const x = await badgeWorld(h);
      const id = newId();
      await h.pushOk(x.co, [badge(x, { competenceId: x.haie }, id)]);
      expect((await h.request('GET', `/api/credentials/${id}`, { token: x.co })).status).toBe(200);
      await h.pushOk(x.co, [change('salarie', { exitDate: '2026-03-01' }, { id: x.sal1 })]);
      expect((await h.request('POST', `/api/salaries/${x.sal1}/erase`, { token: x.co })).status).toBe(200);
      expect((await h.db.query('SELECT badge_id FROM issued_credentials WHERE badge_id = $1', [id])).rows).toEqual([]);
      expect((await h.request('GET', `/api/credentials/${id}`, { token: x.co })).status).toBe(404);
    });

    it('names a public issuer Profile with its keys, and never shows the secret key', async () => {
      const r = await h.request<Json>('GET', `/api/issuers/${w.s.id}`);
      expect(r.status).toBe(200);
      const keyId = (credential['proof'] as { verificationMethod: string }[])[0]!.verificationMethod;
      expect(r.body).toMatchObject({
        id: `${ORIGIN}/api/issuers/${w.s.id}`, type: ['Profile'], name: 'Structure test',
        verificationMethod: [{ id: keyId, type: 'Multikey', controller: `${ORIGIN}/api/issuers/${w.s.id}` }],
        assertionMethod: [keyId],
      });
      const { rows } = await h.db.query<{ secret_key_multibase: string }>('SELECT secret_key_multibase FROM signing_keys WHERE structure_id = $1', [w.s.id]);
      expect(rows).toHaveLength(1);
      const secret = rows[0]!.secret_key_multibase;
      for (const text of [JSON.stringify(r.body), JSON.stringify(credential)]) {
        expect(text).not.toContain(secret);
        expect(text).not.toContain('secretKey');
      }
      expect((await h.request('GET', `/api/issuers/${newId()}`)).status).toBe(404);
    });
  });
});
