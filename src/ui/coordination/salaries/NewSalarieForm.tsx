// A new salarié, with their first contract and PASS IAE if known: one form, one `writeMany`, so
// the tablet never holds a person without the contract that was typed with them (all or
// nothing). The contract's problems are the domain's, with the parcours starting at the PASS
// start (else the entry date) and the birth date as typed.
import { useState } from 'preact/hooks';
import type { BatchChange } from '../../../client/repository';
import { uuidv7 } from '../../../domain/ids';
import { isIsoDate } from '../../../domain/rules/dates';
import type { ContractContext } from '../../../domain/rules/contracts';
import type { Problem } from '../../../domain/rules/problem';
import { useExternal } from '../../shell/hooks/useExternal';
import { useLiveQuery } from '../../shell/hooks/useLiveQuery';
import { navigate } from '../../shell/hooks/useRoute';
import { useServices } from '../../shell/services';
import { writeErrorMessage } from '../../shell/writeError';
import { ContractFields } from './ContractFields';
import { contractOf, contractProblems, defaultContractType, emptyContract, type ContractDraft } from './contractDraft';
import { identityOf, identityProblems, identitySet } from './identity';
import { IdentityFields } from './IdentityFields';
import { passProblems, type PassDraft } from './passDraft';
import { PassFields } from './PassFields';
import { blockingOf } from './ProblemList';
import { useStructureQueries } from './useStructureQueries';

export function NewSalarieForm({ today }: { today: string }) {
  const services = useServices();
  const user = useExternal(services.session);
  const structureQueries = useStructureQueries();
  // null: read, and no structure on this tablet yet (undefined: not read yet).
  const structure = useLiveQuery(async () => (await structureQueries.structure()) ?? null, []);
  const [identity, setIdentity] = useState(() => ({ ...identityOf(undefined), entryDate: today }));
  const [withContract, setWithContract] = useState(true);
  const [contract, setContract] = useState<ContractDraft | null>(null);
  const [withPass, setWithPass] = useState(true);
  const [pass, setPass] = useState<PassDraft>({ number: '', start: '' });
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  // The contract and the PASS start on the entry day unless the person says otherwise.
  const contractDraft = contract ?? emptyContract(defaultContractType(structure?.type), identity.entryDate);
  const passDraft: PassDraft = { ...pass, start: pass.start === '' ? identity.entryDate : pass.start };

  const ctx: ContractContext | null = structure == null ? null : {
    structureType: structure.type,
    lowHoursWaiver: structure.lowHoursWaiver ?? null,
    birthDate: isIsoDate(identity.birthDate) ? identity.birthDate : null,
    parcoursStart: withPass && isIsoDate(passDraft.start) ? passDraft.start : isIsoDate(identity.entryDate) ? identity.entryDate : null,
    otherContracts: [],
    passProlonged: false,
  };
  const idProblems = identityProblems(identity, today);
  const cProblems: Problem[] = withContract ? contractProblems(contractDraft, ctx) : [];
  const pProblems: Problem[] = withPass ? passProblems(passDraft) : [];
  const blocked = [idProblems, cProblems, pProblems].some((ps) => blockingOf(ps).length > 0);

  if (structure === undefined) return <p>Chargement…</p>;

  async function save(ev: Event) {
    ev.preventDefault();
    if (blocked || user === undefined) return;
    const salarieId = uuidv7();
    const changes: BatchChange[] = [{ entity: 'salarie', id: salarieId, set: { structureId: user.structureId, ...identitySet(identity) } }];
    const c = withContract ? contractOf(contractDraft) : null;
    if (c !== null) {
      changes.push({ entity: 'contract', id: uuidv7(), set: {
        structureId: user.structureId, salarieId, type: c.type, start: c.start, end: c.end ?? null, weeklyHours: c.weeklyHours, lowHoursReason: c.lowHoursReason ?? null,
      } });
    }
    if (withPass) {
      changes.push({ entity: 'passIae', id: uuidv7(), set: { structureId: user.structureId, salarieId, number: passDraft.number === '' ? null : passDraft.number, start: passDraft.start } });
    }
    setSaving(true);
    try {
      await services.writeMany(changes);
      navigate(`/salaries/${salarieId}`);
    } catch (e) {
      setError(writeErrorMessage(e instanceof Error && e.cause !== undefined ? e.cause : e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <section aria-labelledby="sal-new-title">
      <h2 id="sal-new-title">Nouveau salarié</h2>
      <form aria-label="Nouveau salarié" onSubmit={(e) => void save(e)}>
        <fieldset>
          <legend>Identité</legend>
          <IdentityFields idPrefix="new-identity" draft={identity} onChange={setIdentity} problems={idProblems} />
        </fieldset>
        <fieldset>
          <legend>Premier contrat</legend>
          <label class="check"><input type="checkbox" checked={withContract} onChange={(e) => setWithContract(e.currentTarget.checked)} />Saisir le premier contrat maintenant</label>
          {withContract && <ContractFields idPrefix="new-contract" draft={contractDraft} onChange={setContract} problems={cProblems} />}
        </fieldset>
        <fieldset>
          <legend>PASS IAE</legend>
          <label class="check"><input type="checkbox" checked={withPass} onChange={(e) => setWithPass(e.currentTarget.checked)} />Saisir le PASS IAE maintenant</label>
          {withPass && <PassFields idPrefix="new-pass" draft={passDraft} onChange={setPass} problems={pProblems} />}
        </fieldset>
        <div class="actions">
          <button type="submit" disabled={blocked || saving}>Enregistrer le salarié</button>
          <a class="button secondary" href="#/salaries">Retour à la liste</a>
        </div>
        {error !== null && <p class="banner error" role="alert">{error}</p>}
      </form>
    </section>
  );
}
