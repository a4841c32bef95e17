// The unsigned Open Badges 3.0 AchievementCredential of one badge, on the W3C VC 2.0 model, from
// plain facts (read by facts.ts). Choices, written down because they are the structure's word:
// - Recipient: `credentialSubject.identifier` carries the salarié's first and last name in clear
//   (`identityType: 'name'`, `hashed: false`): the salarié hands the badge to an employer who
//   must see whose it is, and a hash of a name proves nothing. Nothing else about the person is
//   in it: no birth date, phone, address or id of the dossier.
// - Evidence: one entry per official evaluation behind the badge (date, context, level). The
//   evaluator's comment and name never go in: comments are free text and may be confidential.
// - Ids: the credential is `urn:uuid:<badgeId>`, the achievement `urn:uuid:<competence or
//   activity id>` (stable across badges of the same thing); the issuer is the structure's public
//   Profile address, which serves the keys that verify it.
import { LEVEL_INFO, toLevel } from '../../domain/rules/matrix';
import { EVALUATION_CONTEXT_LABELS } from '../../domain/rules/labels';
import { OB_V3_CONTEXT, VC_V2_CONTEXT } from './documents';
import { issuerUrl } from './origin';

export interface EvidenceFact {
  date: string;
  context: string;
  level: number;
  competenceLabel: string;
}

export interface CredentialFacts {
  origin: string;
  badgeId: string;
  structure: { id: string; name: string };
  /** When the server first held the badge (ISO 8601 instant). */
  validFrom: string;
  recipientName: string;
  achievement:
    | { kind: 'competence'; id: string; label: string; description: string | null; activityName: string | null; level: number }
    | { kind: 'activity'; id: string; name: string; competences: readonly { label: string; level: number }[] };
  evidence: readonly EvidenceFact[];
}

export function levelWords(level: number): string {
  const info = LEVEL_INFO[toLevel(level)];
  return `${info.label} (${info.description.toLowerCase()})`;
}

function urn(id: string): string {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) ? `urn:uuid:${id.toLowerCase()}` : `urn:tremplin:${id}`;
}

function contextWords(context: string): string {
  return (EVALUATION_CONTEXT_LABELS as Readonly<Record<string, string>>)[context] ?? context;
}

function achievementOf(f: CredentialFacts): Record<string, unknown> {
  const a = f.achievement;
  if (a.kind === 'competence') {
    return {
      id: urn(a.id),
      type: ['Achievement'],
      achievementType: 'Competency',
      name: a.label,
      description: a.description?.trim()
        || `Compétence « ${a.label} »${a.activityName ? ` de l’activité « ${a.activityName} »` : ''}, observée en situation de travail dans une structure d’insertion.`,
      criteria: {
        narrative: `Niveau atteint : ${levelWords(a.level)}. La compétence a été observée et évaluée par l’encadrement technique en situation de travail (niveau 3 « Acquis » au moins, sur une échelle de 0 à 4).`,
      },
    };
  }
  return {
    id: urn(a.id),
    type: ['Achievement'],
    achievementType: 'Competency',
    name: a.name,
    description: `Toutes les compétences de l’activité « ${a.name} », observées en situation de travail dans une structure d’insertion.`,
    criteria: {
      narrative: `Chaque compétence de l’activité est acquise (niveau 3 au moins, sur une échelle de 0 à 4). Niveaux atteints : ${a.competences.map((c) => `${c.label} : ${levelWords(c.level)}`).join(' ; ')}.`,
    },
  };
}

export function achievementCredential(f: CredentialFacts): Record<string, unknown> {
  const issuer = issuerUrl(f.origin, f.structure.id);
  const achievement = achievementOf(f);
  return {
    '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT],
    id: urn(f.badgeId),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: String(achievement['name']),
    issuer: { id: issuer, type: ['Profile'], name: f.structure.name },
    validFrom: f.validFrom,
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: f.recipientName }],
      achievement,
    },
    evidence: f.evidence.map((e) => ({
      type: ['Evidence'],
      name: `Évaluation du ${e.date}`,
      description: `${e.competenceLabel} — niveau ${toLevel(e.level)} : ${levelWords(e.level)} — ${contextWords(e.context)}.`,
      genre: 'Évaluation en situation de travail',
    })),
  };
}
