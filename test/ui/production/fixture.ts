// A small team on an offline tablet, Friday 20 November 2026: two chantiers, today's morning and
// afternoon slots, one salarié in PMSMP, one off sick, one with an aménagement, a matrix where
// Jean-Pierre has not yet acquired the brushcutter (safety-critical), and yesterday's hours missing.
import type { Services } from '../../../src/ui/shell/services';
import { STRUCTURE_ID, ETI_ID } from '../services';

const id = (n: number): string => `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`;
export const IDS = {
  team: id(100), activity: id(101), kevin: id(201), jp: id(202), nadia: id(203), sara: id(204),
  deb: id(301), ram: id(302), parc: id(401), berges: id(402), amParc: id(501), pmBerges: id(502), yParc: id(503),
  aKevinAm: id(601), aJpAm: id(602), aKevinPm: id(603), aKevinY: id(604), aJpY: id(605),
} as const;

export const TODAY = '2026-11-20';
export const YESTERDAY = '2026-11-19';

export async function seed(s: Services, opts: { overtime?: boolean } = {}): Promise<void> {
  const w = (e: Parameters<Services['write']>[0], i: string, f: Record<string, unknown>) => s.write(e, i, { structureId: STRUCTURE_ID, ...f } as never);
  await w('structure', STRUCTURE_ID, { name: 'Les Jardins de l’Essonne', type: 'ACI' });
  await w('activity', IDS.activity, { name: 'Espaces verts' });
  await w('team', IDS.team, { name: 'Espaces verts', etiUserIds: [ETI_ID], activityId: IDS.activity });
  const people: [string, string, string, number, string | null][] = [
    [IDS.kevin, 'Kevin', 'Martin', 26, null],
    [IDS.jp, 'Jean-Pierre', 'Morel', 24, 'Pas de port de charges de plus de 15 kg.'],
    [IDS.nadia, 'Nadia', 'Benali', 26, null],
    [IDS.sara, 'Sara', 'Lopes', 26, null],
  ];
  for (const [i, first, last, hours, amen] of people) {
    await w('salarie', i, { firstName: first, lastName: last, ...(amen ? { amenagements: amen } : {}) });
    await w('membership', i.replace('-0000-7000', '-0001-7000'), { teamId: IDS.team, salarieId: i, from: '2026-01-01' });
    await w('contract', i.replace('-0000-7000', '-0002-7000'), { salarieId: i, type: 'cddi', start: '2026-03-01', end: '2027-02-28', weeklyHours: hours });
  }
  await w('pmsmp', id(700), { salarieId: IDS.nadia, company: 'Pépinières Durand', start: '2026-11-16', end: '2026-11-27' });
  await w('timeEntry', id(701), { salarieId: IDS.sara, date: TODAY, hours: 0, absence: 'maladie', absenceHours: 6.5 });
  await w('competence', IDS.deb, { activityId: IDS.activity, label: 'Utiliser le débroussailleur', safetyCritical: true, kind: 'technique' });
  await w('competence', IDS.ram, { activityId: IDS.activity, label: 'Ramasser et évacuer les déchets verts', kind: 'technique' });
  const ev = (n: number, sal: string, comp: string, level: number) => w('evaluation', id(n), { salarieId: sal, competenceId: comp, level, context: 'production', date: '2026-10-01', evaluatorId: ETI_ID });
  await ev(801, IDS.kevin, IDS.deb, 3); await ev(802, IDS.kevin, IDS.ram, 4);
  await ev(803, IDS.jp, IDS.deb, 2); await ev(804, IDS.jp, IDS.ram, 1);
  await w('chantier', IDS.parc, { name: 'Parc de la mairie', teamId: IDS.team, client: 'Ville de Lisses', quotedHours: 100, start: '2026-11-02', end: '2026-11-27', safetyNotes: 'Balisage obligatoire avant la tonte.' });
  await w('chantier', IDS.berges, { name: 'Berges de l’Essonne', teamId: IDS.team, client: 'Syndicat de l’Orge' });
  await w('planningSlot', IDS.amParc, { teamId: IDS.team, chantierId: IDS.parc, date: TODAY, startTime: '08:00', endTime: '12:00', label: 'Matin — Parc' });
  await w('planningSlot', IDS.pmBerges, { teamId: IDS.team, chantierId: IDS.berges, date: TODAY, startTime: '13:00', endTime: '15:30', label: 'Après-midi — Berges' });
  await w('planningSlot', IDS.yParc, { teamId: IDS.team, chantierId: IDS.parc, date: YESTERDAY, startTime: '08:00', endTime: '12:00', label: 'Matin — Parc' });
  await w('assignment', IDS.aKevinAm, { salarieId: IDS.kevin, slotId: IDS.amParc, task: 'Tonte des pelouses', hours: 4, epi: ['Chaussures de sécurité'], consignes: 'Éjection vers le massif.' });
  await w('assignment', IDS.aJpAm, { salarieId: IDS.jp, slotId: IDS.amParc, task: 'Désherbage manuel', hours: 4 });
  await w('assignment', IDS.aKevinPm, { salarieId: IDS.kevin, slotId: IDS.pmBerges, task: 'Ratissage', hours: 2.5 });
  await w('assignment', IDS.aKevinY, { salarieId: IDS.kevin, slotId: IDS.yParc, task: 'Tonte des pelouses', hours: 4 });
  await w('assignment', IDS.aJpY, { salarieId: IDS.jp, slotId: IDS.yParc, task: 'Désherbage manuel', hours: 4 });
  if (opts.overtime) {
    for (const [n, d] of [[510, '2026-11-16'], [511, '2026-11-17'], [512, '2026-11-18']] as const) {
      await w('planningSlot', id(n), { teamId: IDS.team, chantierId: IDS.parc, date: d, startTime: '08:00', endTime: '15:30', label: 'Journée — Parc' });
      await w('assignment', id(n + 100), { salarieId: IDS.kevin, slotId: id(n), task: 'Tonte', hours: 7.5 });
    }
  }
}
