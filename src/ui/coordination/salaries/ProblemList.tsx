// How the domain's problems (rules/*.ts) show on a form, as the user types: blocking ones in an
// alert (the form cannot be saved), warnings in a status line (saving is allowed, the person
// decides). The severity is the domain's (rules/severity.ts): a problem without one blocks.
import type { Problem } from '../../../domain/rules/problem';
import { blockingProblems, warningProblems } from '../../../domain/rules/severity';

export function blockingOf(problems: readonly Problem[]): Problem[] {
  return blockingProblems(problems);
}

export function warningsOf(problems: readonly Problem[]): Problem[] {
  return warningProblems(problems);
}

export function ProblemList({ problems, label }: { problems: readonly Problem[]; label: string }) {
  const blocking = blockingOf(problems);
  const warnings = warningsOf(problems);
  return (
    <>
      {blocking.length > 0 && (
        <div class="banner error" role="alert" aria-label={`${label} : à corriger`}>
          <ul class="salaries-problems">{blocking.map((p) => <li key={p.code + p.message}>{p.message}</li>)}</ul>
        </div>
      )}
      {warnings.length > 0 && (
        <div class="banner warn" role="status" aria-label={`${label} : à vérifier`}>
          <ul class="salaries-problems">{warnings.map((p) => <li key={p.code + p.message}>{p.message}</li>)}</ul>
        </div>
      )}
    </>
  );
}

/** The result of a save, under the form. */
export function SaveMessage({ msg }: { msg: { ok: boolean; text: string } | null }) {
  if (msg === null) return null;
  return <p class={msg.ok ? 'banner info' : 'banner error'} role={msg.ok ? 'status' : 'alert'}>{msg.text}</p>;
}
