// The facts the rules need about a salarié, taken from their file: the structure type, the
// parcours start (PASS start, else entry date), the other contracts, whether the PASS has a
// prolongation that counts. One place, so the contract and PASS forms give the rules the same.
import type { SalarieFile } from '../../../client/queries/structure';
import type { ContractContext } from '../../../domain/rules/contracts';
import { prolongationCounts } from '../../../domain/rules/pass';

export function parcoursStartOf(file: Pick<SalarieFile, 'pass' | 'salarie'>): string | null {
  return file.pass?.pass.start ?? file.salarie.entryDate ?? null;
}

/** The context of `checkContract`, or null while the structure is not on the device. */
export function contractContextOf(file: SalarieFile): ContractContext | null {
  if (file.structure === undefined) return null;
  return {
    structureType: file.structure.type,
    lowHoursWaiver: file.structure.lowHoursWaiver ?? null,
    birthDate: file.salarie.birthDate ?? null,
    parcoursStart: parcoursStartOf(file),
    otherContracts: file.contracts,
    passProlonged: file.pass?.prolongations.some(prolongationCounts) ?? false,
  };
}
