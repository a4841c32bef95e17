// The coordination's journal of confidential reads (GET /api/audit). Online only and never
// cached on the device, like client/admin.ts: the journal lives on the server, and keeping a copy
// on a tablet would spread who read what. The server answers ids only; the screen names them
// from the records the coordinator already holds. An interface, so tests can take a small fake.
import type { AuditPage } from '../sync/protocol';
import type { Api } from './api';

export interface AuditFilter {
  /** Days `yyyy-MM-dd`, both included. */
  from?: string;
  to?: string;
  salarieId?: string;
  userId?: string;
  limit?: number;
  /** The previous page's `next`, for older lines. */
  before?: string;
}

export interface AuditApi {
  list(filter: AuditFilter): Promise<AuditPage>;
}

export function createAuditApi(api: Pick<Api, 'call'>): AuditApi {
  return {
    list: (filter) => {
      const q = new URLSearchParams();
      for (const [k, v] of Object.entries(filter)) if (v !== undefined && v !== '') q.set(k, String(v));
      const query = q.toString();
      return api.call<AuditPage>('GET', `/api/audit${query === '' ? '' : `?${query}`}`);
    },
  };
}
