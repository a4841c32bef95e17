// The accueil checklist of a new salarié: each item ticked with its date (and unticked if ticked
// by mistake). Each item is its own field of the onboarding record, so two people ticking
// different items on two tablets never overwrite each other.
import { useState } from 'preact/hooks';
import { ONBOARDING_ITEMS, ONBOARDING_LABELS, onboardingField, onboardingProgress, type OnboardingItem } from '../../domain/competences/onboarding';
import { uuidv7 } from '../../domain/ids';
import { useServices } from '../shell/services';
import { useLiveQuery } from '../shell/hooks/useLiveQuery';
import { isoDay, shortDate } from '../shell/format';
import { writeErrorMessage } from '../shell/writeError';
import { fullName } from '../../domain/people';
import { CircleCheck } from 'lucide';
import { Icon } from '../icons/Icon';
import type { SessionUser } from '../../sync/protocol';

export function AccueilPage({ salarieId, user }: { salarieId: string; user: SessionUser }) {
  const { queries, write, now } = useServices();
  const salarie = useLiveQuery(() => queries.livret.salarie(salarieId), [salarieId]);
  const data = useLiveQuery(() => queries.livret.onboardingOf(salarieId), [salarieId]);
  const [error, setError] = useState<string | null>(null);
  if (data === undefined) return null;
  const progress = onboardingProgress(data.state);

  async function toggle(item: OnboardingItem, checked: boolean) {
    setError(null);
    try {
      const value = checked ? isoDay(now()) : null;
      if (data!.records.length === 0) {
        await write('onboarding', uuidv7(), { structureId: user.structureId, salarieId, [onboardingField(item)]: value });
        return;
      }
      // Unticking clears the item in every record (two tablets may each have ticked it).
      for (const r of checked ? data!.records.slice(0, 1) : data!.records.filter((x) => typeof x[onboardingField(item)] === 'string')) {
        await write('onboarding', r.id, { [onboardingField(item)]: value });
      }
    } catch (e) {
      setError(writeErrorMessage(e));
    }
  }

  return (
    <section aria-labelledby="accueil-title">
      <h2 id="accueil-title">Accueil — {fullName(salarie)}</h2>
      <p role="status">{progress.done} sur {progress.total} étapes faites{progress.missing.length === 0 && <> : accueil terminé<Icon icon={CircleCheck} size={20} class="trail" /></>}</p>
      <progress max={progress.total} value={progress.done} aria-label="Avancement de l’accueil" />
      <ul class="list checklist">
        {ONBOARDING_ITEMS.map((item) => {
          const done = data.state[item];
          return (
            <li key={item} class={`card${done !== null ? ' done' : ''}`}>
              <label class="check">
                <input type="checkbox" checked={done !== null} onChange={(e) => void toggle(item, e.currentTarget.checked)} />
                <span>
                  {ONBOARDING_LABELS[item].label}
                  <span class="hint">{done !== null ? `Fait le ${shortDate(done)}` : ONBOARDING_LABELS[item].hint}</span>
                </span>
              </label>
            </li>
          );
        })}
      </ul>
      {error !== null && <p class="error-text" role="alert">{error}</p>}
    </section>
  );
}
