// How a value of the field history reads in French: dates as dates, yes/no, enumerations by
// their labels (rules/labels.ts, the same words as the forms), users by their names, cleared
// fields as « (vidé) ». The server sends raw JSON as it was written; only display is decided here.
import { format, parseISO } from 'date-fns';
import { fr } from 'date-fns/locale';
import type { EntityName } from '../../../domain/entities';
import { exitKindLabel } from '../../../domain/rules/exits';
import {
  ABSENCE_TYPE_LABELS, COMPETENCE_KIND_LABELS, CONTRACT_TYPE_LABELS, EVALUATION_CONTEXT_LABELS, LOG_CATEGORY_LABELS,
  LOW_HOURS_REASON_LABELS, PROLONGATION_DECISION_LABELS, PROLONGATION_REASON_LABELS, ROLE_LABELS, STRUCTURE_TYPE_LABELS,
  SUSPENSION_REASON_LABELS, VISIBILITY_LABELS,
} from '../../../domain/rules/labels';
import { shortDate } from '../../shell/format';

type Labels = Readonly<Record<string, string>>;

/** Enumerated fields by field name, or `entity.field` where two entities use one name. */
const ENUM_LABELS: Readonly<Record<string, Labels>> = {
  category: LOG_CATEGORY_LABELS,
  visibility: VISIBILITY_LABELS,
  context: EVALUATION_CONTEXT_LABELS,
  role: ROLE_LABELS,
  absence: ABSENCE_TYPE_LABELS,
  lowHoursReason: LOW_HOURS_REASON_LABELS,
  kind: COMPETENCE_KIND_LABELS,
  decision: PROLONGATION_DECISION_LABELS,
  'contract.type': CONTRACT_TYPE_LABELS,
  'structure.type': STRUCTURE_TYPE_LABELS,
  'suspension.reason': SUSPENSION_REASON_LABELS,
  'prolongation.reason': PROLONGATION_REASON_LABELS,
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** « 3 nov. 2026 à 14:05 » in the tablet's time zone. */
export function dateTime(iso: string): string {
  return format(parseISO(iso), "d MMM yyyy 'à' HH:mm", { locale: fr });
}

function scalarText(entity: EntityName, field: string, value: unknown, names: ReadonlyMap<string, string>): string {
  if (value === null || value === undefined) return '(vidé)';
  if (typeof value === 'boolean') return value ? 'Oui' : 'Non';
  if (typeof value === 'number') return value.toLocaleString('fr-FR');
  if (typeof value !== 'string') return JSON.stringify(value);
  if (field === 'exitKind') return exitKindLabel(value) ?? value;
  const labels = ENUM_LABELS[`${entity}.${field}`] ?? ENUM_LABELS[field];
  if (labels !== undefined && labels[value] !== undefined) return labels[value];
  const name = names.get(value);
  if (name !== undefined) return name;
  if (DAY.test(value)) return shortDate(value);
  if (INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return dateTime(value);
  return value;
}

export function valueText(entity: EntityName, field: string, value: unknown, names: ReadonlyMap<string, string>): string {
  if (Array.isArray(value)) return value.length === 0 ? '(aucun)' : value.map((v) => scalarText(entity, field, v, names)).join(', ');
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).map(([k, v]) => `${k} : ${scalarText(entity, k, v, names)}`).join(', ');
  }
  return scalarText(entity, field, value, names);
}
