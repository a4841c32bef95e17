// The one way the screens read the device's data: typed queries by feature, bound to the
// device's database. Screens get this object through their Services and never see Dexie; they
// wrap a query in useLiveQuery (or useRememberedQuery) to re-render when its data changes.
import type { EntityName } from '../../domain/entities';
import type { DeviceDb } from '../db';
import { allOf, oneOf, whereIn } from './tables';
import { competencesQueries } from './competences';
import { coordinationQueries } from './coordination';
import { deviceQueries } from './device';
import { dossierQueries } from './dossier';
import { livretQueries } from './livret';
import { parcoursQueries } from './parcours';
import { productionQueries } from './production';
import { reportsQueries } from './reports';
import { salarieQueries } from './salarie';
import { structureQueries } from './structure';
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
    coordination: coordinationQueries(db),
    salarie: salarieQueries(db),
    device: deviceQueries(db),
    structure: structureQueries(db),
    parcours: parcoursQueries(db),
    reports: reportsQueries(db),
    dossier: dossierQueries(db),
  };
}

export type Queries = ReturnType<typeof createQueries>;
export type { TeamView, TeamRow, SalarieRow } from './teams';
export type { EntityRow } from '../rows';
