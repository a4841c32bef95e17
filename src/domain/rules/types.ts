// Type names the rules share, derived from the enumerations of entities.ts (type-only imports:
// the rules follow the schema without loading it).
import type { PROLONGATION_REASONS, STRUCTURE_TYPES, SUSPENSION_REASONS } from '../entities';

export type StructureTypeName = (typeof STRUCTURE_TYPES)[number];
export type SuspensionReason = (typeof SUSPENSION_REASONS)[number];
export type ProlongationReason = (typeof PROLONGATION_REASONS)[number];
