// The Open Badges 3.0 calls (contract « Second release »): a badge's signed credential as JSON,
// its PNG with the credential baked in, and the public verification. Signing keys live on the
// server only, so these are online calls, never the outbox: offline they fail with NetworkError
// and the screen says a connection is needed. An interface, so screens and tests can take a fake.
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../sync/protocol';
import { ApiError, NetworkError, type Api, type FetchLike } from './api';
import type { DeviceDb } from './db';
import { currentSession } from './session';

export interface VerifyAnswer {
  verified: boolean;
  /** Why not, in French sentences (empty when verified). */
  problems: string[];
}

export interface CredentialsApi {
  /** GET /api/credentials/:badgeId — the signed AchievementCredential. */
  credential(badgeId: string): Promise<Record<string, unknown>>;
  /** GET /api/credentials/:badgeId/image.png — the badge image with the credential baked in. */
  image(badgeId: string): Promise<Blob>;
  /** POST /api/credentials/verify — public. */
  verify(body: unknown): Promise<VerifyAnswer>;
}

export interface CredentialsOptions {
  api: Pick<Api, 'call'>;
  /** The session token for the image (the JSON calls go through `api`, which adds it itself). */
  getToken?: () => Promise<string | undefined> | string | undefined;
  fetch?: FetchLike;
  baseUrl?: string;
}

export function createCredentialsApi(opts: CredentialsOptions): CredentialsApi {
  const base = (opts.baseUrl ?? '').replace(/\/$/, '');
  const doFetch: FetchLike = opts.fetch ?? ((input, init) => globalThis.fetch(input, init));
  return {
    credential: (badgeId) => opts.api.call<Record<string, unknown>>('GET', `/api/credentials/${encodeURIComponent(badgeId)}`),
    async image(badgeId) {
      const headers: Record<string, string> = { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION), Accept: 'image/png' };
      const token = await opts.getToken?.();
      if (token !== undefined) headers['Authorization'] = `Bearer ${token}`;
      let res: Response;
      try {
        res = await doFetch(`${base}/api/credentials/${encodeURIComponent(badgeId)}/image.png`, { method: 'GET', headers });
      } catch (e) {
        throw new NetworkError(e);
      }
      if (!res.ok) throw new ApiError(res.status, await errorBody(res));
      try {
        return await res.blob();
      } catch (e) {
        throw new NetworkError(e);
      }
    },
    verify: (body) => opts.api.call<VerifyAnswer>('POST', '/api/credentials/verify', body),
  };
}

/** The device's wiring (ui/shell/boot.ts): the device's API client and its session token. */
export function deviceCredentialsApi(device: { api: Pick<Api, 'call'>; db: DeviceDb }): CredentialsApi {
  return createCredentialsApi({ api: device.api, getToken: async () => (await currentSession(device.db))?.token });
}

/**
 * The public verification without a session (the « Vérifier un badge » page, reachable signed
 * out): a plain POST, no token, no protocol header needed.
 */
export async function verifyPublicly(body: unknown, doFetch: FetchLike = (input, init) => globalThis.fetch(input, init), baseUrl = ''): Promise<VerifyAnswer> {
  let res: Response;
  try {
    res = await doFetch(`${baseUrl.replace(/\/$/, '')}/api/credentials/verify`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body),
    });
  } catch (e) {
    throw new NetworkError(e);
  }
  if (!res.ok) throw new ApiError(res.status, await errorBody(res));
  try {
    return await res.json() as VerifyAnswer;
  } catch (e) {
    throw new NetworkError(e);
  }
}

async function errorBody(res: Response): Promise<{ error: string; message?: string; field?: string } | undefined> {
  try {
    const b = await res.json() as unknown;
    return typeof b === 'object' && b !== null && typeof (b as { error?: unknown }).error === 'string' ? b as { error: string } : undefined;
  } catch {
    return undefined;
  }
}
