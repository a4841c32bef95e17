// The words of « Journal des accès »: what each kind of confidential read is called, when it
// happened in French, and who or which salarié an id is. The server's journal keeps ids only (so
// it holds no personal data); the names come from the records the coordinator's tablet has, and
// an id it does not know (an erased salarié, another device's login) is said plainly.
import { format } from 'date-fns';
import { fr } from 'date-fns/locale';
import { ENTITIES } from '../../../domain/entities';
import { ROLE_LABELS } from '../../../domain/rules/labels';
import type { AuditLine } from '../../../sync/protocol';

/** « 5 déc. 2026 à 10:00 », in the tablet's time. */
export function auditDate(iso: string): string {
  return format(new Date(iso), "d MMM yyyy 'à' HH:mm", { locale: fr });
}

/** What was read, in a coordinator's words. */
export function auditWhat(line: AuditLine): string {
  switch (line.kind) {
    case 'pull':
      if (line.entity === 'diagnostic') return 'Synchronisation de diagnostics socio-professionnels';
      if (line.entity === 'logEntry') return 'Synchronisation d’entrées privées du livret';
      return `Synchronisation : ${ENTITIES[line.entity].label}`;
    case 'export': return 'Export RGPD du dossier';
    case 'history': return `Historique des modifications : ${ENTITIES[line.entity].label}`;
    case 'erase': return 'Effacement RGPD du dossier';
  }
}

/** « Karim Benali (Encadrant technique) »; an id the tablet does not know stays anonymous. */
export function auditWho(line: AuditLine, users: ReadonlyMap<string, string>): string {
  const name = users.get(line.userId);
  return `${name !== undefined && name !== '' ? name : 'Compte inconnu'} (${ROLE_LABELS[line.role]})`;
}

/** The salariés concerned, by name; a few at most, then how many more. */
export function auditWhom(line: AuditLine, salaries: ReadonlyMap<string, string>, shown = 3): string {
  if (line.salarieIds.length === 0) return '—';
  const names = line.salarieIds.map((id) => salaries.get(id) ?? 'salarié effacé ou inconnu');
  const rest = names.length - shown;
  return rest > 0 ? `${names.slice(0, shown).join(', ')} et ${rest} autre${rest > 1 ? 's' : ''}` : names.join(', ');
}

/** How many records left the server (an erasure delivers none). */
export function auditCount(line: AuditLine): string {
  return line.records === null ? '—' : String(line.records);
}
