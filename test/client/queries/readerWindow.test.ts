// The inbox's window read through the `[reviewerId+at]` index (Dexie version 7) agrees with the
// rule run over every review, as the inbox read it before: for random reviews (three readers,
// instants that tie, reviews withdrawn, a reader with none) each reader's first live reading
// gives the same window start, and the inbox holds the same entries and the same reviews.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRepository } from '../../../src/client/repository';
import { coordinationQueries, firstReadingAt } from '../../../src/client/queries/coordination';
import { allOf } from '../../../src/client/queries/tables';
import { readerState, windowStartOf } from '../../../src/domain/review/readState';
import { addDays } from '../../../src/domain/rules/dates';
import { newTestDb } from '../helpers';
import { id, STRUCTURE } from './ids';

const TODAY = '2026-11-20';
const READERS = [id(3), id(4), id(5)];
const SALARIE = id(201);
const ETI = id(2);

const review = fc.record({
  reader: fc.integer({ min: 0, max: 1 }),
  entry: fc.integer({ min: 0, max: 7 }),
  // Days before today and an hour: several reviews share an instant.
  daysBack: fc.integer({ min: 0, max: 120 }),
  hour: fc.integer({ min: 6, max: 8 }),
  withdrawn: fc.boolean(),
});

describe('the reader’s window from the reviewer index', () => {
  it('equals readerState over every review, and the inbox keeps the same entries', async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(fc.integer({ min: 0, max: 150 }), { minLength: 8, maxLength: 8 }),
      fc.array(review, { maxLength: 12 }),
      async (entryDaysBack, reviews) => {
        const { db } = newTestDb();
        const repo = createRepository(db, { structureId: STRUCTURE });
        await repo.write('salarie', SALARIE, { structureId: STRUCTURE, firstName: 'Amina', lastName: 'Diallo' });
        const entryIds = entryDaysBack.map((_, n) => id(600 + n));
        for (const [n, back] of entryDaysBack.entries()) {
          await repo.write('logEntry', entryIds[n]!, { structureId: STRUCTURE, salarieId: SALARIE, authorId: ETI, date: addDays(TODAY, -back), category: 'technique', text: `Note ${n}`, visibility: 'team', alert: false });
        }
        for (const [n, r] of reviews.entries()) {
          const at = `${addDays(TODAY, -r.daysBack)}T0${r.hour}:00:00.000Z`;
          await repo.write('review', id(700 + n), { structureId: STRUCTURE, logEntryId: entryIds[r.entry]!, reviewerId: READERS[r.reader]!, at, salarieId: SALARIE });
          if (r.withdrawn) await repo.remove('review', id(700 + n));
        }
        const every = await allOf(db, 'review');
        const entries = await allOf(db, 'logEntry');
        for (const reader of READERS) {
          const expected = readerState(reader, every, TODAY);
          expect(windowStartOf(await firstReadingAt(db, reader), TODAY)).toBe(expected.windowStart);
          const rows = await coordinationQueries(db).inbox(reader, TODAY);
          expect(rows.entries.map((e) => e.id).sort()).toEqual(entries.filter((e) => e.date >= expected.windowStart).map((e) => e.id).sort());
          expect([...rows.reviews.values()].flat().map((r) => r.id).sort()).toEqual(every.map((r) => r.id).sort());
          expect(readerState(reader, [...rows.reviews.values()].flat(), TODAY)).toEqual(expected);
        }
        db.close();
      },
    ), { numRuns: 30 });
  }, 60_000);
});
