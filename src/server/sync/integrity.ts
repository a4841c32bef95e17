// What the server can check alone about a pushed change to a salarié's parcours, and does: a
// suspension, a prolongation, a contract or a PASS IAE is judged AFTER the merge by the same
// domain rules the forms apply (rules/pass.ts, rules/contracts.ts), with what they need read from
// the `records` table inside the push's transaction. A blocking problem rejects the change as
// `invalid` with a French message naming the rule; a warning never rejects (the person decided).
//
// Badges (issue 12) go through the same door: their rule — acquis, and who may issue — is in
// badgeIntegrity.ts, with its own small read.
//
// Kept cheap: only these entities pay, only when the change is new or won a field a rule
// reads (a note edited on an old record is never judged again), and in one query over the
// salarié's dossier (PASS, suspensions, prolongations, contracts, the salarié, the structure).
// Records written earlier in the same batch are not in the table yet: the batch's cache is laid
// over the rows read, so a PASS and its first suspension may travel in one push.
import type { Actor } from '../../domain/access';
import { CONTRACT_TYPES, ENTITIES, PROLONGATION_REASONS, STRUCTURE_TYPES, type EntityName } from '../../domain/entities';
import { addDays, maxDate, minDate, type IsoDate } from '../../domain/rules/dates';
import type { ContractLike, LowHoursReason } from '../../domain/rules/contracts';
import { checkContract } from '../../domain/rules/contracts';
import {
  prolongationCounts, validateProlongation, validateSuspension,
  type PassHistory, type PassLike, type ProlongationDecision, type ProlongationLike, type SuspensionLike,
} from '../../domain/rules/pass';
import type { Problem } from '../../domain/rules/problem';
import { blockingProblems } from '../../domain/rules/severity';
import type { StructureTypeName } from '../../domain/rules/types';
import type { Fields } from '../../sync/protocol';
import type { Queryable } from '../db/types';
import { badgeIntegrityProblem } from './badgeIntegrity';
import { fromRow, RECORD_COLUMNS, recordKey, type RecordRow, type StoredRecord } from './records';
import { localDate } from './scope';

/** The entities judged here, and the fields their rules read: a change winning none of them is not judged again. */
const RULE_FIELDS: Readonly<Partial<Record<EntityName, readonly string[]>>> = {
  suspension: ['salarieId', 'passIaeId', 'start', 'end', 'reason'],
  prolongation: ['salarieId', 'passIaeId', 'start', 'end', 'reason', 'decision'],
  contract: ['salarieId', 'type', 'start', 'end', 'weeklyHours', 'lowHoursReason'],
  passIae: ['salarieId', 'start'],
  // Issue 12: a badge is judged by its own rule (badgeIntegrity.ts), on who issues and what.
  badge: ['salarieId', 'competenceId', 'activityId', 'issuedOn', 'issuerId'],
};

/** The dossier entities read for a salarié (constants, so they are written into the query). */
const DOSSIER_ENTITIES = ['passIae', 'suspension', 'prolongation', 'contract'] as const;

/**
 * How far back the day a change was entered (its HLC) may move the "today" of the rules: a
 * tablet offline for a few weeks keeps the answer its form gave, a clock set years back does not.
 */
const MAX_OFFLINE_DAYS = 31;

export interface IntegrityInput {
  structureId: string;
  /** The structure's today (Europe/Paris). */
  today: IsoDate;
  /** The change's clock: the day it was entered counts for back-dating and the request window. */
  hlc: string;
  before: StoredRecord | null;
  /** The record after the merge (not deleted). */
  after: StoredRecord;
  /** Fields whose pushed value won the merge. */
  won: readonly string[];
  /** Records already judged in this batch (keyed by recordKey), newer than the table. */
  batch: ReadonlyMap<string, StoredRecord | null>;
  /** The writer (the badge rule checks who may issue). */
  actor?: Actor | undefined;
}

/** Whether a change to this entity may need the dossier checks (the caller reads nothing otherwise). */
export function isIntegrityEntity(entity: EntityName): boolean {
  return RULE_FIELDS[entity] !== undefined;
}

/** The French reason a change breaks a parcours rule, or null when it may be applied. */
export async function integrityProblem(q: Queryable, input: IntegrityInput): Promise<string | null> {
  const { after, before } = input;
  const fields = RULE_FIELDS[after.entity];
  if (fields === undefined || after.deleted) return null;
  const isNew = before === null || before.deleted;
  if (!isNew && !input.won.some((f) => fields.includes(f))) return null;
  const salarieId = str(after.fields['salarieId']);
  if (salarieId === null) return null;
  if (after.entity === 'badge') return badgeIntegrityProblem(q, { structureId: input.structureId, after, actor: input.actor, batch: input.batch });

  const dossier = await loadDossier(q, input, salarieId);
  const label = ENTITIES[after.entity].label;
  const say = (problems: readonly Problem[]): string | null => {
    const blocking = blockingProblems(problems);
    return blocking.length === 0 ? null : `${label} : ${blocking.map((p) => p.message).join(' ')}`;
  };
  const enteredOn = dayEntered(input.hlc, input.today);

  switch (after.entity) {
    case 'suspension':
    case 'prolongation': {
      const passId = str(after.fields['passIaeId']);
      const passRecord = dossier.passes.find((p) => p.id === passId);
      const pass = passRecord ? passOf(passRecord) : null;
      if (pass === null) return `${label} : le PASS IAE indiqué n’existe pas dans le dossier de ce salarié.`;
      const history = historyOf(dossier, passId);
      if (after.entity === 'suspension') {
        const candidate = suspensionOf(after);
        if (candidate === null) return null;
        return say(validateSuspension(pass, history, candidate, input.today, { structureType: dossier.structureType, isNew, enteredOn }));
      }
      const candidate = prolongationOf(after);
      if (candidate === null) return null;
      const facts = { birthDate: str(dossier.salarie?.fields['birthDate']), rqth: dossier.salarie?.fields['rqth'] === true };
      return say(validateProlongation(pass, history, candidate, dossier.structureType, facts, { isNew, today: enteredOn }));
    }
    case 'contract': {
      const contract = contractOf(after);
      if (contract === null) return null;
      const passes = dossier.passes.flatMap((r) => { const p = passOf(r); return p ? [{ id: r.id, ...p }] : []; });
      // The PASS of this contract: the latest one started by then, else the latest.
      const started = passes.filter((p) => p.start <= contract.start);
      const pass = (started.length > 0 ? started : passes).reduce<(PassLike & { id: string }) | null>((a, p) => (a === null || p.start > a.start ? p : a), null);
      const prolongations = pass ? historyOf(dossier, pass.id).prolongations : [];
      return say(checkContract(contract, {
        structureType: dossier.structureType,
        lowHoursWaiver: dossier.structure?.fields['lowHoursWaiver'] === true,
        birthDate: str(dossier.salarie?.fields['birthDate']),
        parcoursStart: pass?.start ?? str(dossier.salarie?.fields['entryDate']),
        otherContracts: dossier.contracts.filter((c) => c.id !== after.id).flatMap((c) => { const o = contractOf(c); return o ? [o] : []; }),
        passProlonged: prolongations.some(prolongationCounts),
      }));
    }
    case 'passIae': {
      // A new start moves the PASS dates: every suspension of it must still start inside them.
      const pass = passOf(after);
      if (pass === null || isNew) return null;
      const history = historyOf(dossier, after.id);
      const outside = history.suspensions.flatMap((s) =>
        validateSuspension(pass, history, s, input.today, { isNew: false }).filter((p) => p.code === 'suspension_outside_pass'));
      return say(outside.slice(0, 1));
    }
    default:
      return null;
  }
}

interface Dossier {
  structureType: StructureTypeName;
  structure: StoredRecord | null;
  salarie: StoredRecord | null;
  passes: StoredRecord[];
  suspensions: StoredRecord[];
  prolongations: StoredRecord[];
  contracts: StoredRecord[];
}

/** One query: the salarié's PASS, suspensions, prolongations and contracts, the salarié, the structure. */
async function loadDossier(q: Queryable, input: IntegrityInput, salarieId: string): Promise<Dossier> {
  const { structureId, after, batch } = input;
  const list = DOSSIER_ENTITIES.map((e) => `'${e}'`).join(', ');
  const { rows } = await q.query<RecordRow>(
    `SELECT ${RECORD_COLUMNS} FROM records
     WHERE structure_id = $1 AND NOT deleted
       AND ((entity IN (${list}) AND salarie_id = $2) OR (entity = 'salarie' AND id = $2) OR (entity = 'structure' AND id = $1))`,
    [structureId, salarieId],
  );
  const byKey = new Map<string, StoredRecord>();
  for (const r of rows) {
    const rec = fromRow(r);
    byKey.set(recordKey(rec.entity, rec.id), rec);
  }
  // This batch's records are newer than the table (and may not be in it yet); the change judged is `after`.
  const wanted = (r: StoredRecord) => r.structureId === structureId && (
    ((DOSSIER_ENTITIES as readonly string[]).includes(r.entity) && r.salarieId === salarieId)
    || (r.entity === 'salarie' && r.id === salarieId) || (r.entity === 'structure' && r.id === structureId));
  for (const [key, rec] of [...batch, [recordKey(after.entity, after.id), after] as const]) {
    if (rec === null) continue;
    if (rec.deleted || !wanted(rec)) byKey.delete(key);
    else byKey.set(key, rec);
  }
  const all = [...byKey.values()];
  const of = (entity: EntityName) => all.filter((r) => r.entity === entity);
  const structure = of('structure')[0] ?? null;
  return {
    structureType: structureTypeOf(structure?.fields['type']),
    structure,
    salarie: of('salarie')[0] ?? null,
    passes: of('passIae'),
    suspensions: of('suspension'),
    prolongations: of('prolongation'),
    contracts: of('contract'),
  };
}

function historyOf(d: Dossier, passId: string | null): PassHistory {
  const ofPass = (r: StoredRecord) => r.fields['passIaeId'] === passId;
  return {
    suspensions: d.suspensions.filter(ofPass).flatMap((r) => { const s = suspensionOf(r); return s ? [s] : []; }),
    prolongations: d.prolongations.filter(ofPass).flatMap((r) => { const p = prolongationOf(r); return p ? [p] : []; }),
  };
}

/**
 * The day the change was entered, in the structure's calendar: its HLC's day, never after today
 * nor more than MAX_OFFLINE_DAYS before it.
 */
export function dayEntered(hlc: string, today: IsoDate): IsoDate {
  const ms = Date.parse(hlc.slice(0, 24));
  if (Number.isNaN(ms)) return today;
  return maxDate(addDays(today, -MAX_OFFLINE_DAYS), minDate(today, localDate(ms)));
}

// --- records as the rules take them (fields were validated by validateComplete) -------------

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

/** The value when it is one of `list` (fields were validated, this only narrows the type). */
function oneOf<T extends string>(list: readonly T[], v: unknown): T | null {
  return list.find((x) => x === v) ?? null;
}

const DECISIONS: readonly ProlongationDecision[] = ['pending', 'granted', 'refused'];
const LOW_HOURS_REASONS: readonly LowHoursReason[] = ['aci_waiver', 'combined_job', 'end_of_parcours'];

function structureTypeOf(v: unknown): StructureTypeName {
  // A structure always has its type (required field); ACI only if the row were unreadable.
  return oneOf(STRUCTURE_TYPES, v) ?? 'ACI';
}

function passOf(r: StoredRecord): PassLike | null {
  const start = str(r.fields['start']);
  return start === null ? null : { start };
}

function suspensionOf(r: StoredRecord): SuspensionLike | null {
  const start = str(r.fields['start']);
  const end = str(r.fields['end']);
  return start === null || end === null ? null : { id: r.id, start, end, reason: str(r.fields['reason']) };
}

function prolongationOf(r: StoredRecord): ProlongationLike | null {
  const start = str(r.fields['start']);
  const end = str(r.fields['end']);
  const reason = oneOf(PROLONGATION_REASONS, r.fields['reason']);
  if (start === null || end === null || reason === null) return null;
  return { id: r.id, start, end, reason, decision: oneOf(DECISIONS, r.fields['decision']) };
}

function contractOf(r: StoredRecord): ContractLike | null {
  const f: Fields = r.fields;
  const type = oneOf(CONTRACT_TYPES, f['type']);
  const start = str(f['start']);
  const hours = f['weeklyHours'];
  if (type === null || start === null || typeof hours !== 'number') return null;
  return {
    id: r.id, type, start, end: str(f['end']), weeklyHours: hours,
    lowHoursReason: oneOf(LOW_HOURS_REASONS, f['lowHoursReason']),
  };
}
