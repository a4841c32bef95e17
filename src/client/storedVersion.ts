// Placeholder until record versions land: stored rows are returned as they are.
import type { EntityName } from '../domain/entities';
import type { LocalRecord } from './db';

export function currentLocal(_entity: EntityName, r: LocalRecord): LocalRecord {
  return r;
}
