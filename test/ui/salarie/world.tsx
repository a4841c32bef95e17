// A salarié's week, hours, progress, objectives, PASS and badges on an offline tablet, written
// through the real repository; the tablet also holds a teammate's records and entries that are
// not the salarié's to see (as an ETI's tablet does), so every screen test checks they stay out.
import 'fake-indexeddb/auto';
import type { Services } from '../../../src/ui/shell/services';
import type { Fields } from '../../../src/sync/protocol';
import { STRUCTURE_ID } from '../services';
import { ETI, W, nextId, seedWorld } from '../competences/world';

export { ETI, SALARIE, W, mount } from '../competences/world';
export const S = { slotMon: nextId(), slotOther: nextId(), pass: nextId(), badge: nextId() } as const;

export async function seedSalarie(s: Services): Promise<void> {
  await seedWorld(s);
  const put = (entity: Parameters<Services['write']>[0], rid: string, set: Fields) => s.write(entity, rid, { structureId: STRUCTURE_ID, ...set });
  // Pictogram names, not emoji (the shared world still writes emoji the competence upgrade maps).
  await put('competence', W.tonte, { pictogram: 'tondeuse' });
  await put('planningSlot', S.slotMon, { teamId: W.team, date: '2026-11-16', startTime: '08:30', endTime: '12:00', label: 'Matin — Parc des Tilleuls' });
  await put('planningSlot', S.slotOther, { teamId: W.team, date: '2026-11-17', startTime: '08:30', endTime: '12:00', label: 'Matin — Chantier de Bruno' });
  await put('assignment', nextId(), { salarieId: W.sal1, slotId: S.slotMon, task: 'Tondre la pelouse', consignes: 'Baliser la zone avant de commencer.', epi: ['casque antibruit', 'gants'], competenceIds: [W.tonte] });
  await put('assignment', nextId(), { salarieId: W.sal2, slotId: S.slotOther, task: 'Tâche de Bruno' });
  await put('timeEntry', nextId(), { salarieId: W.sal1, date: '2026-11-16', hours: 7 });
  await put('timeEntry', nextId(), { salarieId: W.sal1, date: '2026-11-17', hours: 3.5 });
  await put('timeEntry', nextId(), { salarieId: W.sal2, date: '2026-11-16', hours: 9.25 });
  await put('evaluation', nextId(), { salarieId: W.sal1, competenceId: W.tonte, level: 2, context: 'production', date: '2026-11-12', evaluatorId: ETI.id });
  await put('evaluation', nextId(), { salarieId: W.sal2, competenceId: W.epi, level: 4, context: 'production', date: '2026-11-12', evaluatorId: ETI.id });
  await put('objective', nextId(), { salarieId: W.sal1, competenceId: W.haie, targetLevel: 2, dueDate: '2027-01-31' });
  await put('objective', nextId(), { salarieId: W.sal2, competenceId: W.epi, targetLevel: 4, dueDate: '2027-01-31' });
  const entry = (salarieId: string, text: string, visibility: 'private' | 'team' | 'salarie') =>
    put('logEntry', nextId(), { salarieId, authorId: ETI.id, date: '2026-11-19', category: 'atouts', text, visibility, alert: false });
  await entry(W.sal1, 'Bravo pour ta régularité', 'salarie');
  await entry(W.sal1, 'Note confidentielle sur Amina', 'private');
  await entry(W.sal1, 'Note pour l’équipe sur Amina', 'team');
  await entry(W.sal2, 'Message pour Bruno', 'salarie');
  await put('diagnostic', nextId(), { salarieId: W.sal1, date: '2026-11-10', levels: {}, comment: 'Diagnostic secret' });
  await put('passIae', S.pass, { salarieId: W.sal1, start: '2026-01-01' });
  await put('passIae', nextId(), { salarieId: W.sal2, start: '2025-01-01' });
  await put('badge', S.badge, { salarieId: W.sal1, competenceId: W.tonte, issuedOn: '2026-11-15', issuerId: ETI.id });
  await put('badge', nextId(), { salarieId: W.sal2, competenceId: W.epi, issuedOn: '2026-11-15', issuerId: ETI.id });
}

/** Every text a salarié screen must never show (another salarié's, private, team, diagnostic). */
export const NOT_MINE = ['Note confidentielle sur Amina', 'Note pour l’équipe sur Amina', 'Message pour Bruno', 'Tâche de Bruno', 'Diagnostic secret', 'Porter les EPI'];

/** Emoji (pictographic characters): none may appear on a salarié screen. */
export const EMOJI = /\p{Extended_Pictographic}/u;
