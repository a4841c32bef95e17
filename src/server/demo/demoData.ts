// The demo structure (an ACI with two teams) as pure data: what the server seeds on an empty
// store. Deterministic for a given (today, seed) so tests and screenshots are repeatable.
import { createContext } from './context';
import { addReferentiel, addSalaries, addStructure, addTeams, STRUCTURE_NAME } from './demoDossiers';
import { addPlanning } from './demoPlanning';
import { addProgress } from './demoProgress';
import { addDiagnostics, addLogEntries, addMonthClose } from './demoSuivi';
import { addTimeEntries } from './demoTime';
import type { DemoData, DemoUser } from './types';

export type { DemoData, DemoRecord, DemoUser } from './types';

export const DEMO_PASSWORD = 'tremplin';

/** Builds the demo as it looks on `today` (YYYY-MM-DD). `records` hold everything but users. */
export function buildDemo(today: string, seed = 1): DemoData {
  const ctx = createContext(today, seed);
  addStructure(ctx);
  const activityIds = addReferentiel(ctx);
  addTeams(ctx, activityIds);
  addSalaries(ctx);
  addTimeEntries(ctx);
  addPlanning(ctx);
  addProgress(ctx);
  addDiagnostics(ctx);
  addLogEntries(ctx);
  addMonthClose(ctx);

  const salarieIdOf = (login: string): string => {
    const s = ctx.salaries.find((x) => x.profile.login === login);
    if (!s) throw new Error(`salarié manquant pour ${login}`);
    return s.id;
  };
  const salarieUser = (login: 'salarie1' | 'salarie2'): DemoUser => {
    const salarieId = salarieIdOf(login);
    const s = ctx.salaries.find((x) => x.id === salarieId);
    return {
      id: ctx.salarieUserIds.get(login) ?? '', login, password: DEMO_PASSWORD, role: 'salarie',
      displayName: s ? `${s.profile.firstName} ${s.profile.lastName}` : login, salarieId,
    };
  };
  const users: DemoUser[] = [
    { id: ctx.coordinatorId, login: 'coordination', password: DEMO_PASSWORD, role: 'coordinator', displayName: 'Claire Fontaine' },
    { id: ctx.etiIds[0], login: 'eti1', password: DEMO_PASSWORD, role: 'eti', displayName: 'Karim Benali' },
    { id: ctx.etiIds[1], login: 'eti2', password: DEMO_PASSWORD, role: 'eti', displayName: 'Sophie Marchand' },
    salarieUser('salarie1'),
    salarieUser('salarie2'),
  ];
  return { structure: { id: ctx.structureId, name: STRUCTURE_NAME, type: 'ACI' }, users, records: ctx.records };
}
