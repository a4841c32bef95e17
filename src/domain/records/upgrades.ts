// How a record written by an older version of Tremplin becomes a record of today's shape.
// Each entity has a schema version (1 when it shipped, +1 per upgrade step below); a step is a
// pure function applied wherever an older record or change can appear: a device reading its
// store (and Dexie's upgrade of the whole store), a page pulled from an older server, the server
// reading older rows, and a push from an older tablet (its changes say their version, `v`).
//
// Steps work FIELD BY FIELD, not on whole records: with per-field last-writer-wins merge a push
// carries only the fields it changed, and each stored field has its own clock. So a step maps
// one older field (name and value) to the newer fields it becomes; the new fields inherit the
// old field's clock. A step may rename a field, split it, or recode its value; it may not join
// two fields into one (a partial change could not be upgraded). Steps are never edited once
// shipped: a new shape is a new step. The steps of each entity are in ENTITY_UPGRADES
// (entityConstants.ts), written in records/<entity>Upgrades.ts.
import { ENTITY_UPGRADES, type EntityName } from '../entityConstants';
import { ownValue } from '../ownKeys';

export type FieldMap = Record<string, unknown>;

export interface UpgradeStep {
  /** The version this step produces (the first step of an entity produces 2). */
  readonly to: number;
  /** Why the shape changed, for the next engineer. */
  readonly why: string;
  /**
   * The newer fields one older field becomes, or undefined when the step leaves it as it is.
   * `null` clears, as in a change: an older field cleared clears what it became.
   */
  field(name: string, value: unknown): FieldMap | undefined;
}

/** Every entity's steps, oldest first (ENTITY_UPGRADES[e]); an entity without steps is at version 1. */
function stepsOf(entity: EntityName): readonly UpgradeStep[] {
  return ENTITY_UPGRADES[entity] ?? [];
}

/** Today's schema version of an entity. */
export function versionOf(entity: EntityName): number {
  return 1 + stepsOf(entity).length;
}

/** Whether a version number is one this code knows for the entity (1 to today's). */
export function isKnownVersion(entity: EntityName, v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= versionOf(entity);
}

function stepsFrom(entity: EntityName, from: number): readonly UpgradeStep[] {
  return stepsOf(entity).filter((s) => s.to > from);
}

/** Whether a record or change of this version needs upgrading. */
export function needsUpgrade(entity: EntityName, from: number | undefined): boolean {
  return (from ?? 1) < versionOf(entity);
}

/**
 * A record's fields and their per-field clocks (both may be partial: a change), upgraded from
 * version `from` to today's. Fields no step touches keep their value, clock and place.
 */
export function upgradeClocked<V, C>(entity: EntityName, from: number, rec: { fields: Record<string, V>; clocks: Record<string, C> }): { fields: Record<string, V | unknown>; clocks: Record<string, C> } {
  let fields: Record<string, V | unknown> = rec.fields;
  let clocks = rec.clocks;
  for (const step of stepsFrom(entity, from)) {
    const nextFields: Record<string, unknown> = {};
    const nextClocks: Record<string, C> = {};
    for (const [name, value] of Object.entries(fields)) {
      const became = step.field(name, value);
      const clock = ownValue(clocks, name);
      if (became === undefined) {
        define(nextFields, name, value);
        if (clock !== undefined) define(nextClocks, name, clock);
        continue;
      }
      for (const [newName, newValue] of Object.entries(became)) {
        define(nextFields, newName, newValue);
        if (clock !== undefined) define(nextClocks, newName, clock);
      }
    }
    // Clocks of fields without a value (a field cleared and gone) follow the same names.
    for (const [name, clock] of Object.entries(clocks)) {
      if (Object.hasOwn(fields, name)) continue;
      const became = step.field(name, null);
      if (became === undefined) define(nextClocks, name, clock);
      else for (const newName of Object.keys(became)) define(nextClocks, newName, clock);
    }
    fields = nextFields;
    clocks = nextClocks;
  }
  return { fields, clocks };
}

/** The fields of a change (or a record without clocks) upgraded from version `from`. */
export function upgradeFields(entity: EntityName, from: number, fields: FieldMap): FieldMap {
  if (!needsUpgrade(entity, from)) return fields;
  return upgradeClocked(entity, from, { fields, clocks: {} }).fields;
}

/**
 * The names an older field becomes today (itself when no step touches it): used to move the
 * per-field bookkeeping that is not a value, such as a pending change's previous state.
 */
export function upgradedNames(entity: EntityName, from: number, name: string, value: unknown = null): string[] {
  return Object.keys(upgradeFields(entity, from, { [name]: value }));
}

// Own properties only, whatever the name: a field called `__proto__` or `constructor` must not
// reach the prototype.
function define<T>(o: Record<string, T>, k: string, v: T): void {
  Object.defineProperty(o, k, { value: v, writable: true, enumerable: true, configurable: true });
}
