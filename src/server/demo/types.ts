// The shape of the demo structure handed to the server's seeding: users (the server hashes
// their passwords and creates the `user` records) and every other record, ready to store.
import type { EntityName } from '../../domain/entities';
import type { JsonValue } from '../../sync/protocol';

export interface DemoUser {
  id: string;
  login: string;
  password: string;
  role: 'coordinator' | 'eti' | 'salarie';
  displayName: string;
  salarieId?: string;
}

export interface DemoRecord {
  entity: EntityName;
  id: string;
  fields: Record<string, JsonValue>;
}

export interface DemoData {
  structure: { id: string; name: string; type: 'ACI' };
  users: DemoUser[];
  records: DemoRecord[];
}
