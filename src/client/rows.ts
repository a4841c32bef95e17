// Typed views of the records the repository hands to the UI, derived from the zod field specs
// of entities.ts so a screen gets `row.hours: number` without restating any schema.
import type { z } from 'zod';
import type { ENTITIES, EntityName } from '../domain/entities';
import type { Clocks, JsonValue } from '../sync/protocol';

type SpecFields<E extends EntityName> = (typeof ENTITIES)[E]['fields'];
type ValueOf<F> = F extends { schema: infer S extends z.ZodType } ? z.output<S> : never;
type RequiredKeys<E extends EntityName> = { [K in keyof SpecFields<E>]: SpecFields<E>[K] extends { required: true } ? K : never }[keyof SpecFields<E>];
type OptionalKeys<E extends EntityName> = Exclude<keyof SpecFields<E>, RequiredKeys<E>>;

/** The fields of an entity as the UI writes them (optional ones may be null to clear them). */
export type EntityValues<E extends EntityName> =
  { [K in RequiredKeys<E>]: ValueOf<SpecFields<E>[K]> } & { [K in OptionalKeys<E>]?: ValueOf<SpecFields<E>[K]> };

/** A set for `write`: known fields typed; extra (forward-compatible) fields stay plain JSON. */
export type EntitySet<E extends EntityName> = Partial<EntityValues<E>> & { structureId?: string };

/** A live record of entity E as stored on the device. */
export type EntityRow<E extends EntityName> = EntityValues<E> & {
  id: string;
  structureId: string;
  _clocks: Clocks;
  _deleted: 0 | 1;
  [extra: string]: JsonValue | Clocks | undefined;
};
