// The access rules of the contract in one place: who may read and write which record. Pure
// predicates over an Actor (the user with the scope resolved from teams and memberships) and a
// record view, so the server's push and pull and the device's UI ask the same questions.
import { confidentialFields, SALARIE_ENTITIES, type EntityName, type Role } from './entities';
import { setOwn } from './ownKeys';

export interface Actor {
  userId: string;
  role: Role;
  structureId: string;
  /** For a salarié: their own salarie record. */
  salarieId?: string;
  /** For an ETI: the teams whose etiUserIds hold them. */
  teamIds: ReadonlySet<string>;
  /** For an ETI: salariés with a current membership in one of their teams. */
  salarieIds: ReadonlySet<string>;
  /** For a salarié: the planning slots they have an assignment in. */
  slotIds: ReadonlySet<string>;
  /** Structure setting: ETI may edit the référentiel. */
  etiMayEditReferentiel: boolean;
}

/** What the rules look at: the record's fields plus scope keys the server resolves. */
export interface RecordView {
  entity: EntityName;
  id: string;
  structureId: string;
  fields: Readonly<Record<string, unknown>>;
  /** The salarié the record is about (for `review`: the salarié of its log entry). */
  salarieId?: string | undefined;
}

export type Action = 'read' | 'write';

const STRUCTURE_ADMIN: ReadonlySet<EntityName> = new Set(['structure', 'user']);
const REFERENTIEL: ReadonlySet<EntityName> = new Set(['activity', 'competence']);
const DOSSIER: ReadonlySet<EntityName> = new Set(['salarie', 'contract', 'passIae', 'suspension', 'prolongation', 'pmsmp']);
const TEAM_KEYED: ReadonlySet<EntityName> = new Set(['team', 'membership', 'chantier', 'planningSlot']);
const PROGRESS: ReadonlySet<EntityName> = new Set(['evaluation', 'objective', 'badge']);

/** The salarié a record is about, from its fields (a `salarie` record is about itself). */
export function salarieOf(rec: RecordView): string | undefined {
  if (rec.entity === 'salarie') return rec.id;
  if (rec.salarieId !== undefined) return rec.salarieId;
  const s = rec.fields['salarieId'];
  return typeof s === 'string' ? s : undefined;
}

function teamOf(rec: RecordView): string | undefined {
  if (rec.entity === 'team') return rec.id;
  const t = rec.fields['teamId'];
  return typeof t === 'string' ? t : undefined;
}

function ownsSalarie(actor: Actor, rec: RecordView): boolean {
  const s = salarieOf(rec);
  return s !== undefined && actor.salarieIds.has(s);
}

function isSelf(actor: Actor, rec: RecordView): boolean {
  return actor.salarieId !== undefined && salarieOf(rec) === actor.salarieId;
}

/**
 * Log entries: shared ones (équipe, salarié) follow the salarié's team; a private one, or one
 * whose visibility is unknown, is its author's alone, and an ETI sees even their own private
 * entries only while the salarié is in one of their teams. A salarié only reads.
 */
function logEntryRule(actor: Actor, action: Action, rec: RecordView): boolean {
  const visibility = rec.fields['visibility'];
  const shared = visibility === 'team' || visibility === 'salarie';
  const isAuthor = rec.fields['authorId'] === actor.userId;
  switch (actor.role) {
    case 'coordinator': return shared || isAuthor;
    case 'eti': return ownsSalarie(actor, rec) && (shared || isAuthor);
    case 'salarie': return action === 'read' && visibility === 'salarie' && isSelf(actor, rec);
  }
}

/** Whether `actor` may perform `action` on `rec`. The one table of the contract. */
export function can(actor: Actor, action: Action, rec: RecordView): boolean {
  if (rec.structureId !== actor.structureId) return false;
  const { entity } = rec;
  const { role } = actor;
  const read = action === 'read';

  if (entity === 'logEntry') return logEntryRule(actor, action, rec);
  if (role === 'coordinator') return true;

  if (STRUCTURE_ADMIN.has(entity)) return role === 'eti' && read;
  if (entity === 'monthClose') return role === 'eti' && read;
  if (REFERENTIEL.has(entity)) return read || (role === 'eti' && actor.etiMayEditReferentiel);

  if (role === 'eti') {
    if (DOSSIER.has(entity)) return read && ownsSalarie(actor, rec);
    if (entity === 'review') return read && ownsSalarie(actor, rec);
    if (entity === 'diagnostic' || entity === 'onboarding' || entity === 'timeEntry' || entity === 'assignment' || PROGRESS.has(entity)) return ownsSalarie(actor, rec);
    if (TEAM_KEYED.has(entity)) {
      const t = teamOf(rec);
      return t !== undefined && actor.teamIds.has(t);
    }
    return false;
  }

  // salarié: only their own things, read-only but for a self-assessment.
  if (entity === 'diagnostic' || entity === 'onboarding' || entity === 'review' || TEAM_KEYED.has(entity)) {
    return entity === 'planningSlot' && read && actor.slotIds.has(rec.id);
  }
  if (entity === 'evaluation' && !read) {
    return isSelf(actor, rec) && rec.fields['context'] === 'self' && rec.fields['evaluatorId'] === actor.userId;
  }
  if (DOSSIER.has(entity) || entity === 'timeEntry' || entity === 'assignment' || PROGRESS.has(entity)) {
    return read && isSelf(actor, rec);
  }
  return false;
}

export function canRead(actor: Actor, rec: RecordView): boolean {
  return can(actor, 'read', rec);
}

/**
 * A write is allowed when the actor may write the record as it was and as it will be: nobody
 * can move a record into or out of their scope (another team, another salarié, private).
 */
export function canWrite(actor: Actor, before: RecordView | undefined, after: RecordView): boolean {
  if (before !== undefined && !can(actor, 'write', before)) return false;
  // Nobody writes in someone else's name: a new log entry or review is signed by its writer,
  // and the signature never changes (else an ETI could take a colleague's entry private).
  const signature = after.entity === 'logEntry' ? 'authorId' : after.entity === 'review' ? 'reviewerId' : undefined;
  if (signature !== undefined) {
    const signedBy = before === undefined ? actor.userId : before.fields[signature];
    if (after.fields[signature] !== signedBy) return false;
  }
  return can(actor, 'write', after);
}

/** The fields of a readable record that this actor receives (a salarié never gets confidential ones). */
export function visibleFields<T extends Record<string, unknown>>(actor: Actor, entity: EntityName, fields: T): T {
  if (actor.role !== 'salarie') return fields;
  const hidden = confidentialFields(entity);
  if (hidden.length === 0) return fields;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) if (!hidden.includes(k)) setOwn(out, k, v);
  return out as T;
}

export function isSalarieEntity(entity: EntityName): boolean {
  return SALARIE_ENTITIES.has(entity);
}
