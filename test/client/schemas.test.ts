// The entity schemas (zod) load with the first write of the page, not with the app
// (client/schemas.ts): a write or a batch that comes first loads them before its transaction and
// writes as before; once loaded they are handed over without a wait; and a write inside another
// Dexie transaction before they are loaded is refused with a clear error, nothing written, rather
// than awaiting a module there (which would commit that transaction under it).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { uuidv7 } from '../../src/domain/ids';
import { validSample, SAMPLE_IDS } from '../fixtures/samples';
import { manualClock, newTestDb } from './helpers';
import type * as Repository from '../../src/client/repository';
import type * as Schemas from '../../src/client/schemas';

type Modules = { repository: typeof Repository; schemas: typeof Schemas };

/** Fresh modules, as in a page that has not written yet. */
async function freshPage(): Promise<Modules> {
  vi.resetModules();
  return { repository: await import('../../src/client/repository'), schemas: await import('../../src/client/schemas') };
}

const opts = () => ({ now: manualClock().now, structureId: SAMPLE_IDS.structure });

describe('entity schemas loaded on first write', () => {
  beforeEach(() => { vi.resetModules(); });

  it('are not loaded before the first write, which loads them and writes', async () => {
    const { repository, schemas } = await freshPage();
    expect(schemas.schemasNow()).toBeUndefined();
    const { db } = newTestDb();
    const repo = repository.createRepository(db, opts());
    const id = uuidv7();
    expect(await repo.write('logEntry', id, validSample('logEntry'))).toBe(true);
    expect(schemas.schemasNow()?.validateSet).toBeTypeOf('function');
    expect(await db.outbox.count()).toBe(1);
    // Invalid input is still refused by the schemas, naming the field.
    await expect(repo.write('timeEntry', uuidv7(), validSample('timeEntry', { hours: 30 }))).rejects.toMatchObject({ name: 'ValidationError', field: 'hours' });
  });

  it('a batch that comes first loads them before its transaction and lands whole', async () => {
    const { repository, schemas } = await freshPage();
    const { db } = newTestDb();
    const repo = repository.createRepository(db, opts());
    expect(schemas.schemasNow()).toBeUndefined();
    const written = await repo.writeMany([
      { entity: 'salarie', id: SAMPLE_IDS.salarie, set: validSample('salarie') },
      { entity: 'logEntry', id: uuidv7(), set: validSample('logEntry') },
    ]);
    expect(written).toBe(2);
    expect(await db.outbox.count()).toBe(2);
  });

  it('a write inside another transaction before they are loaded is refused, nothing written', async () => {
    const { repository, schemas } = await freshPage();
    const { db } = newTestDb();
    const repo = repository.createRepository(db, opts());
    await expect(db.transaction('rw', db.tables, async () => { await repo.write('logEntry', uuidv7(), validSample('logEntry')); }))
      .rejects.toThrow('Entity schemas not loaded');
    expect(await db.outbox.count()).toBe(0);
    // Loaded first, the same write inside the transaction goes through.
    await schemas.loadSchemas();
    await db.transaction('rw', db.tables, async () => { await repo.write('logEntry', uuidv7(), validSample('logEntry')); });
    expect(await db.outbox.count()).toBe(1);
  });

  it('loads once: the same promise, then the same module without a wait', async () => {
    const { schemas } = await freshPage();
    const a = schemas.loadSchemas();
    expect(schemas.loadSchemas()).toBe(a);
    const loaded = await a;
    expect(schemas.schemasNow()).toBe(loaded);
  });
});
