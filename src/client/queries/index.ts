// The one way the screens read the device's data: typed queries by feature, bound to the
// device's database. Screens get this object through their Services and never see Dexie; they
// wrap a query in useLiveQuery (or useRememberedQuery) to re-render when its data changes.
// The reads only screens loaded on demand use (coordination, salarié's space, structure,
// parcours, reports, dossier) load with their first call (later.ts): same functions, but their
// code and the rules they compute with are not in the app's first screen. Their memories are
// made here, at once, since a screen asks its memory before its read.
import type { EntityName } from '../../domain/entityConstants';
import type { DeviceDb } from '../db';
import { allOf, oneOf, whereIn } from './tables';
import { competencesQueries } from './competences';
import type { InboxRows } from './coordination';
import { deviceQueries } from './device';
import { readsLoadedOnUse } from './later';
import { livretQueries } from './livret';
import type { Board, ToDecideItem } from './parcours';
import { persistedMemory } from './persistedMemory';
import { productionQueries } from './production';
import { reviewsByEntry, teamsWithMembers, userNames } from './teams';

export function createQueries(db: DeviceDb) {
  return {
    /** Any entity, by id, all, or by an index: for the few generic screens and for tests. */
    records: {
      get: <E extends EntityName>(entity: E, id: string) => oneOf(db, entity, id),
      list: <E extends EntityName>(entity: E) => allOf(db, entity),
      where: <E extends EntityName>(entity: E, index: string, value: string) => whereIn(db, entity, index, [value]),
    },
    teams: {
      withMembers: (today: string) => teamsWithMembers(db, today),
      userNames: () => userNames(db),
      reviewsByEntry: () => reviewsByEntry(db),
    },
    production: productionQueries(db),
    competences: competencesQueries(db),
    livret: livretQueries(db),
    device: deviceQueries(db),
    coordination: {
      ...readsLoadedOnUse(() => import('./coordination').then((m) => m.coordinationQueries(db)), { inbox: true }),
      /** The last inboxes read (client/queries/memory.ts), the newest kept across restarts: a reopened home paints from it while it re-reads. */
      inboxMemory: persistedMemory<InboxRows>(db, 'coordination.inbox'),
    },
    salarie: readsLoadedOnUse(() => import('./salarie').then((m) => m.salarieQueries(db)), {
      home: true, myCompetences: true, progress: true, objectives: true, week: true, hours: true, pass: true, badges: true, attestation: true,
    }),
    structure: readsLoadedOnUse(() => import('./structure').then((m) => m.structureQueries(db)), {
      structure: true, salariesList: true, salarieFile: true, teamsBoard: true,
    }),
    parcours: {
      ...readsLoadedOnUse(() => import('./parcours').then((m) => m.parcoursQueries(db)), { board: true, toDecide: true }),
      /** The last boards read (client/queries/memory.ts): a reopened board paints from it while it re-reads. */
      boardMemory: persistedMemory<Board>(db, 'parcours.board'),
      /** The last « À décider » lists read, for the coordinator's home (same keys as the board's). */
      toDecideMemory: persistedMemory<ToDecideItem[]>(db, 'parcours.toDecide'),
    },
    reports: readsLoadedOnUse(() => import('./reports').then((m) => m.reportsQueries(db)), { load: true }),
    dossier: readsLoadedOnUse(() => import('./dossier').then((m) => m.dossierQueries(db)), { documents: true }),
  };
}

export type Queries = ReturnType<typeof createQueries>;
export type { TeamView, TeamRow, SalarieRow } from './teams';
export type { EntityRow } from '../rows';
