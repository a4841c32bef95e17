// Typed HTTP client of the sync contract over an injected `fetch` (tests inject faults). Every
// request carries the protocol version; failures become typed errors the sync engine acts on:
// revoked device (erase), expired session (sign in again, keep the data), 426 (offer the
// update), network (retry later), anything else.
import { PROTOCOL_HEADER, PROTOCOL_VERSION, type Change, type ErrorBody, type LoginResponse, type PullResponse, type PushResponse, type SessionUser } from '../sync/protocol';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** The server revoked this device's token: the device must erase its data. */
export class RevokedError extends Error {
  override readonly name = 'RevokedError';
  constructor() {
    super('Cette tablette a été déconnectée par la coordination.');
  }
}

/**
 * The session lapsed unused (server auth/expiry.ts): the person signs in again. Unlike a
 * revocation the device keeps its data and its outbox, sent once the same person is back.
 */
export class SessionExpiredError extends Error {
  override readonly name = 'SessionExpiredError';
  constructor() {
    super('Votre session a expiré : reconnectez-vous. Vos saisies non envoyées sont gardées sur cette tablette.');
  }
}

/** The server no longer speaks this app's protocol (426): the app must be updated. */
export class UpdateRequiredError extends Error {
  override readonly name = 'UpdateRequiredError';
  constructor() {
    super('Une mise à jour de l’application est nécessaire.');
  }
}

/** No answer (offline, server down, connection cut, unreadable answer): retry later. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
  constructor(cause?: unknown) {
    super('Pas de connexion au serveur.', { cause });
  }
}

/** Any other non-2xx answer. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(readonly status: number, readonly body: ErrorBody | undefined) {
    super(body?.message ?? `Erreur du serveur (${status})`);
  }
}

export interface MeResponse {
  user: SessionUser;
  structure?: { id: string; name?: string; type?: string };
  [k: string]: unknown;
}

export interface ApiOptions {
  /** Origin of the server, e.g. `https://tremplin.example` ('' for same origin). */
  baseUrl?: string;
  fetch?: FetchLike;
  /** The current session token, if any. */
  getToken?: () => string | undefined | Promise<string | undefined>;
}

export type Api = ReturnType<typeof createApi>;

export type HttpMethod = 'GET' | 'POST' | 'PATCH';

/**
 * The device's report of its storage, sent with every request once known so the coordination
 * sees which tablets the browser may empty (server: devices/storage.ts, same header name).
 */
export const STORAGE_HEADER = 'X-Tremplin-Storage';

export function createApi(options: ApiOptions = {}) {
  const base = (options.baseUrl ?? '').replace(/\/$/, '');
  const doFetch: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  /** Unknown until the UI asks the browser (navigator.storage.persisted()). */
  let storage: 'persisted' | 'best-effort' | undefined;

  async function request<T>(method: HttpMethod, path: string, body?: unknown, token?: string): Promise<T> {
    const headers: Record<string, string> = { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION), Accept: 'application/json' };
    if (storage !== undefined) headers[STORAGE_HEADER] = storage;
    const auth = token ?? (await options.getToken?.());
    if (auth !== undefined) headers['Authorization'] = `Bearer ${auth}`;
    const init: RequestInit = { method, headers };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    let res: Response;
    try {
      res = await doFetch(`${base}${path}`, init);
    } catch (e) {
      throw new NetworkError(e);
    }
    if (res.status === 426) throw new UpdateRequiredError();
    let parsed: unknown;
    try {
      const text = await res.text();
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch (e) {
      // A cut or garbled answer: we do not know what happened, so the caller retries.
      if (res.ok) throw new NetworkError(e);
      parsed = undefined;
    }
    if (res.ok) return parsed as T;
    const err = isErrorBody(parsed) ? parsed : undefined;
    if (res.status === 401 && err?.error === 'device_revoked') throw new RevokedError();
    if (res.status === 401 && err?.error === 'session_expired') throw new SessionExpiredError();
    throw new ApiError(res.status, err);
  }

  return {
    login: (login: string, password: string, deviceName: string) =>
      request<LoginResponse>('POST', '/api/auth/login', { login, password, deviceName }),
    logout: () => request<unknown>('POST', '/api/auth/logout', {}),
    me: () => request<MeResponse>('GET', '/api/me'),
    push: (changes: Change[]) => request<PushResponse>('POST', '/api/sync/push', { changes }),
    pull: (since: string | undefined, limit?: number) => {
      const q = new URLSearchParams();
      if (since !== undefined) q.set('since', since);
      if (limit !== undefined) q.set('limit', String(limit));
      const qs = q.toString();
      return request<PullResponse>('GET', `/api/sync/pull${qs === '' ? '' : `?${qs}`}`);
    },
    /** Any other route of the API, with the same headers and typed errors (client/admin.ts). */
    call: <T>(method: HttpMethod, path: string, body?: unknown) => request<T>(method, path, body),
    /** What the browser said of this device's storage (undefined: it cannot tell). */
    setStoragePersisted(persisted: boolean | undefined) {
      storage = persisted === undefined ? undefined : persisted ? 'persisted' : 'best-effort';
    },
  };
}

function isErrorBody(x: unknown): x is ErrorBody {
  return typeof x === 'object' && x !== null && typeof (x as { error?: unknown }).error === 'string';
}
