// The identity fields of a salarié, controlled by the parent (new-salarié form or identity
// section), with the problems under them as the person types.
import type { Problem } from '../../../domain/rules/problem';
import { IDENTITY_FIELDS, IDENTITY_LABELS, IDENTITY_TYPES, type IdentityDraft } from './identity';
import { ProblemList } from './ProblemList';

export function IdentityFields({ idPrefix, draft, onChange, problems }: {
  idPrefix: string;
  draft: IdentityDraft;
  onChange: (d: IdentityDraft) => void;
  problems: readonly Problem[];
}) {
  return (
    <>
      <div class="row">
        {IDENTITY_FIELDS.map((k) => (
          <div class="field" key={k}>
            <label for={`${idPrefix}-${k}`}>{IDENTITY_LABELS[k]}</label>
            {(() => {
              const t = IDENTITY_TYPES[k];
              const onInput = (e: { currentTarget: HTMLInputElement }) => onChange({ ...draft, [k]: e.currentTarget.value });
              // Preact types a date input apart from a text one: two elements, same props.
              if (t === 'date') return <input id={`${idPrefix}-${k}`} type="date" value={draft[k]} onInput={onInput} />;
              if (t === 'tel') return <input id={`${idPrefix}-${k}`} type="tel" value={draft[k]} maxLength={200} autoComplete="off" onInput={onInput} />;
              return <input id={`${idPrefix}-${k}`} type="text" value={draft[k]} maxLength={200} autoComplete="off" onInput={onInput} />;
            })()}
          </div>
        ))}
      </div>
      <ProblemList problems={problems} label="Identité" />
    </>
  );
}
