// A small team on an offline tablet for the competence and livret screens: one ETI, a team of
// two salariés, one activity with three competences, written through the real repository.
// Dexie's liveQuery only emits when a global indexedDB exists (see test/ui/pwa-device.test.tsx).
import 'fake-indexeddb/auto';
import { render } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { ServicesContext, type Services } from '../../../src/ui/shell/services';
import type { SessionUser } from '../../../src/sync/protocol';
import type { Fields } from '../../../src/sync/protocol';
import type { EvaluationContext } from '../../../src/domain/competences/evaluationContexts';
import { ETI_ID, STRUCTURE_ID, testServices } from '../services';

const id = (n: number) => `01900000-0000-7000-8000-${n.toString().padStart(12, '0')}`;

export const W = {
  team: id(300), activity: id(400), sal1: id(201), sal2: id(202),
  tonte: id(401), epi: id(402), haie: id(403), coordinator: id(3), salarieUser: id(4),
} as const;

export const ETI: SessionUser = { id: ETI_ID, role: 'eti', structureId: STRUCTURE_ID, displayName: 'Karim Benali' };
export const COORDINATOR: SessionUser = { id: W.coordinator, role: 'coordinator', structureId: STRUCTURE_ID, displayName: 'Claire Coordination' };
export const SALARIE: SessionUser = { id: W.salarieUser, role: 'salarie', structureId: STRUCTURE_ID, salarieId: W.sal1, displayName: 'Amina' };

let seq = 1000;
export const nextId = () => id(++seq);

export async function seedWorld(s: Services): Promise<void> {
  const put = (entity: Parameters<Services['write']>[0], rid: string, set: Fields) => s.write(entity, rid, { structureId: STRUCTURE_ID, ...set });
  await put('user', ETI_ID, { login: 'eti1', displayName: 'Karim Benali', role: 'eti' });
  await put('salarie', W.sal1, { firstName: 'Amina', lastName: 'Diallo', entryDate: '2026-11-10' });
  await put('salarie', W.sal2, { firstName: 'Bruno', lastName: 'Martin', entryDate: '2025-01-10' });
  await put('activity', W.activity, { name: 'Entretien des espaces verts' });
  await put('team', W.team, { name: 'Espaces verts', etiUserIds: [ETI_ID], activityId: W.activity });
  await put('membership', nextId(), { teamId: W.team, salarieId: W.sal1, from: '2026-01-01' });
  await put('membership', nextId(), { teamId: W.team, salarieId: W.sal2, from: '2025-01-01' });
  await put('competence', W.tonte, { activityId: W.activity, label: 'Tondre une pelouse', pictogram: 'tondeuse', kind: 'technique' });
  await put('competence', W.epi, { activityId: W.activity, label: 'Porter les EPI', pictogram: 'epi', kind: 'securite', safetyCritical: true });
  await put('competence', W.haie, { activityId: W.activity, label: 'Tailler une haie', pictogram: 'secateur', kind: 'technique', safetyCritical: true });
}

/** Renders `ui` on a fresh tablet; `wrap` may replace services (e.g. a write that fails). */
export function mount(user: SessionUser | undefined, ui: ComponentChildren, wrap: (base: Services) => Partial<Services> = () => ({})) {
  const base = testServices(user);
  const services = { ...base, ...wrap(base) };
  const view = render(<ServicesContext.Provider value={services}>{ui}</ServicesContext.Provider>);
  return { services, view };
}

export async function evaluate(s: Services, salarieId: string, competenceId: string, level: number, context: EvaluationContext, date: string, evaluatorId: string = ETI_ID, comment?: string): Promise<void> {
  await s.write('evaluation', nextId(), { structureId: STRUCTURE_ID, salarieId, competenceId, level, context, date, evaluatorId, ...(comment === undefined ? {} : { comment }) });
}
