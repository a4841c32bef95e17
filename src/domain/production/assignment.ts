// Assigning a task checks the matrice de positionnement: every competence the task needs must be
// acquis (level 3) to work alone; below that the task is « en formation » (the ETI stays near),
// except for a safety-critical competence, which refuses the task. Aménagements only warn.
import { LEVEL_INFO } from '../rules/matrix';
import { toLevel } from '../rules/matrix';
import { amenagementConflicts, type TaskText } from './amenagements';
import { check, type Check } from './check';

export const ACQUIS = 3;

export interface CompetenceFacts {
  id: string;
  label: string;
  safetyCritical?: boolean | null;
}

export type AssignmentDecision = 'autorise' | 'en_formation' | 'refuse';

export const DECISION_LABELS: Readonly<Record<AssignmentDecision, string>> = {
  autorise: 'Autorisé',
  en_formation: 'En formation : l’encadrant reste à côté',
  refuse: 'Refusé',
};

export interface AssignmentInput extends TaskText {
  /** The competences the task needs, with their safety flag. */
  competences: readonly CompetenceFacts[];
  /** The person's official level for a competence (0 when never evaluated). */
  levelOf: (competenceId: string) => number;
  amenagements?: string | null;
}

export interface AssignmentVerdict {
  decision: AssignmentDecision;
  checks: Check[];
}

export function checkAssignment(input: AssignmentInput): AssignmentVerdict {
  const checks: Check[] = [];
  let refused = false;
  let training = false;
  for (const c of input.competences) {
    const level = toLevel(input.levelOf(c.id));
    if (level >= ACQUIS) continue;
    const where = `« ${c.label} » : niveau ${LEVEL_INFO[level].label.toLowerCase()}`;
    if (c.safetyCritical === true) {
      refused = true;
      checks.push(check('securite_non_acquise', 'refus', `${where}. Compétence de sécurité non acquise (niveau 3 requis) : tâche interdite pour l’instant.`));
    } else {
      training = true;
      checks.push(check('au_dessus_niveau', 'alerte', `${where}. Tâche en formation : l’encadrant doit rester à proximité.`));
    }
  }
  for (const c of amenagementConflicts(input.amenagements, input)) {
    checks.push(check(`amenagement_${c.key}`, 'alerte', `Aménagement de poste (${c.label}) : « ${(input.amenagements ?? '').trim()} »`));
  }
  return { decision: refused ? 'refuse' : training ? 'en_formation' : 'autorise', checks };
}
