// The coordination's online calls: logins (GET/POST/PATCH /api/users) and devices
// (GET /api/devices, POST /api/devices/:id/revoke). Unlike everything else these never go through
// the outbox: a password or a revocation must reach the server now or not at all, so the screens
// say « Connexion nécessaire » instead of queueing. An interface, so screens and tests can take
// a small fake.
import type { EntityName, Role } from '../domain/entities';
import type { FieldHistoryItem } from '../domain/history/fieldHistory';
import { ownValue } from '../domain/ownKeys';
import type { UserListItem } from '../sync/protocol';
import type { EraseResult, SalarieExport } from '../sync/rgpd';
import { ApiError, NetworkError, type Api } from './api';

/** A login as `GET /api/users` lists it (sync/protocol.ts). */
export type AdminUser = UserListItem;

export interface NewLogin {
  login: string;
  password: string;
  role: Role;
  displayName: string;
  salarieId?: string;
}

export interface LoginPatch {
  displayName?: string;
  role?: Role;
  active?: boolean;
  password?: string;
}

export interface AdminDevice {
  id: string;
  name: string;
  user: { id: string; displayName: string; login: string };
  createdAt: string;
  /** The device's last authenticated request: its last sync. */
  lastSeenAt: string;
  revoked: boolean;
  revokedAt: string | null;
  /** What the device last said of its storage; null when it never said. */
  persisted: boolean | null;
  /** The device making the call. */
  current: boolean;
  /** Unused beyond the server's idle limit: refused until its person signs in again (data kept). */
  sessionExpired?: boolean;
}

export interface AdminApi {
  listUsers(): Promise<AdminUser[]>;
  createUser(input: NewLogin): Promise<{ id: string }>;
  updateUser(id: string, patch: LoginPatch): Promise<AdminUser & { revokedDevices: number }>;
  listDevices(): Promise<AdminDevice[]>;
  revokeDevice(id: string): Promise<void>;
  /** RGPD: everything the structure holds about one salarié (GET /api/salaries/:id/export). */
  exportSalarie(id: string): Promise<SalarieExport>;
  /** RGPD: erase a salarié after their exit (POST /api/salaries/:id/erase); 409 not_exited before. */
  eraseSalarie(id: string): Promise<EraseResult>;
  /** Every value written to each field of a record, the ones that lost a conflict too. */
  history(entity: EntityName, id: string): Promise<FieldHistoryItem[]>;
}

export function createAdminApi(api: Pick<Api, 'call'>): AdminApi {
  return {
    listUsers: () => api.call<AdminUser[]>('GET', '/api/users'),
    createUser: (input) => api.call<{ id: string }>('POST', '/api/users', input),
    updateUser: (id, patch) => api.call<AdminUser & { revokedDevices: number }>('PATCH', `/api/users/${encodeURIComponent(id)}`, patch),
    listDevices: async () => (await api.call<{ devices: AdminDevice[] }>('GET', '/api/devices')).devices,
    revokeDevice: async (id) => { await api.call<unknown>('POST', `/api/devices/${encodeURIComponent(id)}/revoke`, {}); },
    exportSalarie: (id) => api.call<SalarieExport>('GET', `/api/salaries/${encodeURIComponent(id)}/export`),
    eraseSalarie: (id) => api.call<EraseResult>('POST', `/api/salaries/${encodeURIComponent(id)}/erase`, {}),
    history: async (entity, id) => (await api.call<{ history: FieldHistoryItem[] }>('GET', `/api/history/${encodeURIComponent(entity)}/${encodeURIComponent(id)}`)).history,
  };
}

/** The call could not reach the server: the screen says a connection is needed. */
export function isOffline(e: unknown): boolean {
  return e instanceof NetworkError;
}

/** The field the server named in a 400/409, if any (to show the message next to it). */
export function errorField(e: unknown): string | undefined {
  return e instanceof ApiError ? e.body?.field : undefined;
}

const KNOWN: Record<string, string> = {
  login_taken: 'Cet identifiant existe déjà. Choisissez-en un autre.',
  cannot_deactivate_self: 'Vous ne pouvez pas désactiver votre propre compte : demandez-le à une autre personne de la coordination.',
  cannot_change_own_role: 'Vous ne pouvez pas changer votre propre rôle : demandez-le à une autre personne de la coordination.',
  forbidden: 'Réservé à la coordination.',
  not_found: 'Introuvable : il a peut-être été supprimé. Rechargez la liste.',
  not_exited: 'Les données ne peuvent être effacées qu’à partir de la date de sortie du salarié.',
};

/** A French sentence for a failed administration call. */
export function adminErrorMessage(e: unknown): string {
  if (e instanceof ApiError) {
    const known = e.body !== undefined ? ownValue(KNOWN, e.body.error) : undefined;
    if (known !== undefined) return known;
    const m = e.body?.message;
    if (m !== undefined && m !== '') return `Refusé par le serveur : ${m}.`;
    return `Le serveur a refusé la demande (erreur ${e.status}).`;
  }
  if (e instanceof Error && e.message !== '') return e.message;
  return 'La demande a échoué.';
}
