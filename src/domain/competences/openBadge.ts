// An acquired competence as an Open Badge 2.0 assertion (JSON-LD, https://w3id.org/openbadges/v2)
// with its BadgeClass and Issuer embedded, so the salarié can hand one file to an employer or
// import it into a backpack. Ids are URNs: the badge is made on a tablet, offline, and the
// structure's public URL (when it has one) is given by the caller.
export interface BadgeExportInput {
  badge: { id: string; issuedOn: string; evidence?: string | null | undefined };
  competence: { id: string; label: string; description?: string | null | undefined; romeCode?: string | null | undefined };
  activityName?: string | undefined;
  structure: { id: string; name: string; url?: string | undefined; email?: string | undefined };
  /** Who receives it: the salarié's e-mail or telephone (plain, as the salarié chose to show it). */
  recipient: { type: 'email' | 'telephone' | 'url'; identity: string };
  recipientName?: string | undefined;
  /** Level reached, e.g. « Acquis (fait seul) », in the criteria. */
  levelText?: string | undefined;
}

export const OPEN_BADGES_CONTEXT = 'https://w3id.org/openbadges/v2';

export function openBadgeAssertion(input: BadgeExportInput): Record<string, unknown> {
  const { badge, competence, structure } = input;
  const issuer: Record<string, unknown> = {
    type: 'Profile',
    id: structure.url ?? `urn:uuid:${structure.id}`,
    name: structure.name,
    ...(structure.url ? { url: structure.url } : {}),
    ...(structure.email ? { email: structure.email } : {}),
  };
  const criteria = [
    `Compétence observée en situation de travail par l’encadrant technique${input.levelText ? ` : ${input.levelText}` : ''}.`,
    input.activityName ? `Activité : ${input.activityName}.` : '',
  ].filter((s) => s !== '').join(' ');
  const badgeClass: Record<string, unknown> = {
    type: 'BadgeClass',
    id: `urn:uuid:${competence.id}`,
    name: competence.label,
    description: competence.description ?? competence.label,
    criteria: { narrative: criteria },
    issuer,
    ...(competence.romeCode ? { alignment: [{ targetName: `ROME ${competence.romeCode}`, targetUrl: `https://candidat.francetravail.fr/metierscope/fiche-metier/${competence.romeCode}`, targetFramework: 'ROME', targetCode: competence.romeCode }] } : {}),
    tags: ['insertion', 'IAE', ...(input.activityName ? [input.activityName] : [])],
  };
  return {
    '@context': OPEN_BADGES_CONTEXT,
    type: 'Assertion',
    id: `urn:uuid:${badge.id}`,
    recipient: { type: input.recipient.type, identity: input.recipient.identity, hashed: false },
    badge: badgeClass,
    issuedOn: `${badge.issuedOn}T00:00:00Z`,
    verification: { type: 'hosted' },
    ...(badge.evidence ? { evidence: [{ type: 'Evidence', narrative: badge.evidence }] } : {}),
    ...(input.recipientName ? { 'extensions:recipientProfile': {
      '@context': 'https://openbadgespec.org/extensions/recipientProfile/context.json',
      type: ['Extension', 'extensions:RecipientProfile'],
      name: input.recipientName,
    } } : {}),
  };
}
