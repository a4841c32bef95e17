// The reads of the salarié's own space: who they are, the livret entries shared with them (the
// server only sends those) and their competences. The home reads its salarié and log together,
// so it renders once; the competences are a read of their own, re-run by a self-assessment.
import type { DeviceDb } from '../db';
import { logOf, type LogEntryRow } from './livret';
import { competencesOfSalarie } from './salarieCompetences';
import { oneOf } from './tables';
import type { SalarieRow } from './teams';

export interface SalarieHomeData {
  me: SalarieRow | undefined;
  /** The entries shared with the salarié, newest first. */
  entries: LogEntryRow[];
}

export async function salarieHome(db: DeviceDb, salarieId: string): Promise<SalarieHomeData> {
  const [me, entries] = await Promise.all([oneOf(db, 'salarie', salarieId), logOf(db, salarieId)]);
  return { me, entries };
}

export function salarieQueries(db: DeviceDb) {
  return {
    home: (salarieId: string) => salarieHome(db, salarieId),
    /** The competences the salarié has a level or an objective in, with their cell, by label. */
    myCompetences: (salarieId: string) => competencesOfSalarie(db, salarieId),
  };
}
