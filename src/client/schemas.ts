// The entity schemas (domain/entities.ts, with zod: ~27 KB gzipped) load when the device first
// needs them — to validate a write, or to name a refused change's fields — not with the app's
// first screen. Load them BEFORE opening a Dexie transaction (awaiting anything but IndexedDB
// inside one commits it); once loaded, `schemasNow()` hands them over synchronously.
import type * as Entities from '../domain/entities';
import { loadOnce } from './loadOnce';

type Schemas = typeof Entities;

const schemas = loadOnce<Schemas>(() => import('../domain/entities'));

/** The schemas if already loaded (no wait), else undefined. */
export function schemasNow(): Schemas | undefined {
  return schemas.now();
}

/** The schemas, loading them once per page (a failed load is tried again next time). */
export function loadSchemas(): Promise<Schemas> {
  return schemas.get();
}
