// The reports as CSV files for a spreadsheet, with the conventions of the hours export
// (production/exportCsv.ts: UTF-8 BOM, « ; », decimal comma, CRLF): the figures first, then an
// empty line and the list behind them (who, what, when), so a figure can be checked in the file.
import { fullName } from '../people';
import { EXIT_CATEGORY_LABELS } from '../rules/exits';
import { BOM, SEPARATOR, csvField, frNumber } from '../production/exportCsv';
import { fromCenti } from '../production/hours';
import { NOT_COUNTED_LABELS, type ExitFigures, type ExitReport } from './exits';
import type { AcquiredReport } from './competences';
import type { HoursReport } from './hours';
import type { AlertReport } from './alerts';
import { NO_TEAM_LABEL, type TeamFilter } from './teams';

/** Names the report needs: teams, salariés, competences, users (for who read an alert). */
export interface ReportNames {
  team: (teamId: string | null) => string;
  salarie: (salarieId: string) => { firstName: string; lastName: string } | undefined;
  competence: (competenceId: string) => string;
  user: (userId: string) => string;
}

/** Tables separated by an empty line, as one file. */
export function csvText(tables: readonly (readonly (readonly string[])[])[]): string {
  const lines = tables.flatMap((t, i) => [...(i > 0 ? [[] as string[]] : []), ...t]);
  return BOM + lines.map((l) => l.map(csvField).join(SEPARATOR)).join('\r\n') + '\r\n';
}

const percent = (rate: number | null): string => (rate === null ? '' : frNumber(rate * 100, 1));
const teamCell = (names: ReportNames, teamId: string | null): string => (teamId === null ? NO_TEAM_LABEL : names.team(teamId));

function exitFigureLine(label: string, f: ExitFigures, target: number): string[] {
  const t = f.tally;
  return [label, String(t.durable), String(t.transition), String(t.positive), String(t.negative), String(t.counted), String(t.dynamic), String(t.notCounted), percent(f.rate), percent(target)];
}

export function exitsCsv(r: ExitReport, names: ReportNames, team: TeamFilter): string {
  const figures = [
    ['Année', 'Équipe', EXIT_CATEGORY_LABELS.durable, EXIT_CATEGORY_LABELS.transition, EXIT_CATEGORY_LABELS.positive, EXIT_CATEGORY_LABELS.negative, 'Sorties comptées', 'Sorties dynamiques', 'Sorties non comptées', 'Taux de sorties dynamiques (%)', 'Objectif (%)'],
    ...r.byTeam.map((t) => [String(r.year), ...exitFigureLine(teamCell(names, t.teamId), t.figures, r.target)]),
    [String(r.year), ...exitFigureLine(team === null ? 'Toute la structure' : names.team(team), r.figures, r.target)],
  ];
  const list = [
    ['Salarié', 'Équipe', 'Date d’entrée', 'Date de sortie', 'Type de sortie', 'Catégorie', 'Comptée', 'Motif si non comptée'],
    ...r.people.map((p) => [p.name, teamCell(names, p.teamId), p.entryDate ?? '', p.exitDate, p.kindLabel ?? '', p.category === null ? '' : EXIT_CATEGORY_LABELS[p.category], p.reason === null ? 'oui' : 'non', p.reason === null ? '' : NOT_COUNTED_LABELS[p.reason]]),
  ];
  return csvText([figures, list]);
}

export function acquiredCsv(r: AcquiredReport, names: ReportNames): string {
  const figures = [
    ['Mois', ...r.teams.map((t) => teamCell(names, t === '' ? null : t)), 'Total'],
    ...r.months.map((m) => [m.month, ...r.teams.map((t) => String(m.byTeam.get(t) ?? 0)), String(m.total)]),
  ];
  const list = [
    ['Date', 'Salarié', 'Équipe', 'Compétence', 'Niveau atteint'],
    ...r.items.map((a) => [a.date, fullName(names.salarie(a.salarieId)), teamCell(names, a.teamId), names.competence(a.competenceId), String(a.level)]),
  ];
  return csvText([figures, list]);
}

export function hoursCsv(r: HoursReport, names: ReportNames): string {
  const figures = [
    ['Mois', 'Heures travaillées', 'Heures prévues au contrat', 'Taux de réalisation (%)'],
    ...r.months.map((m) => [m.month, frNumber(fromCenti(m.workedCenti)), frNumber(fromCenti(m.expectedCenti)), percent(m.ratio)]),
  ];
  const list = [
    ['Mois', 'Salarié', 'Heures travaillées', 'Heures prévues au contrat'],
    ...r.lines.map((l) => [l.month, fullName(names.salarie(l.salarieId)), frNumber(fromCenti(l.workedCenti)), frNumber(fromCenti(l.expectedCenti))]),
  ];
  return csvText([figures, list]);
}

export function alertsCsv(r: AlertReport, names: ReportNames): string {
  const days = (n: number | null): string => (n === null ? '' : frNumber(n, 1));
  const figures = [
    ['Mois', 'Alertes', 'Lues', 'Non lues', 'Délai médian (jours)', 'Délai le plus long (jours)'],
    ...r.months.map((m) => [m.month, String(m.alerts), String(m.read), String(m.unread), days(m.medianDays), days(m.maxDays)]),
  ];
  const list = [
    ['Date de l’alerte', 'Salarié', 'Équipe', 'Première lecture', 'Lue par', 'Délai (jours)', 'En attente depuis (jours)'],
    ...r.items.map((a) => [a.date, fullName(names.salarie(a.salarieId)), teamCell(names, a.teamId), a.firstReadOn ?? '', a.firstReaderId === null ? '' : names.user(a.firstReaderId), a.delayDays === null ? '' : String(a.delayDays), a.waitingDays === null ? '' : String(a.waitingDays)]),
  ];
  return csvText([figures, list]);
}

/** rapport-sorties-2026-espaces-verts.csv */
export function reportFileName(report: string, year: number, teamName: string | null): string {
  const slug = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-zA-Z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase();
  return `rapport-${report}-${year}${teamName === null ? '' : `-${slug(teamName) || 'equipe'}`}.csv`;
}
