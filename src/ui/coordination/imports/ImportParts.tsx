// What the two imports' previews share: reading a chosen file, the list of a line's problems
// (a word with each, never colour alone), the tick box of a line, and the French sentence for a
// batch that was refused (nothing was written: the batch is all or nothing).
import type { ImportProblem } from '../../../domain/imports/common';
import { writeErrorMessage } from '../../shell/writeError';

export async function readChosenFile(input: HTMLInputElement): Promise<string | null> {
  const file = input.files?.[0];
  return file === undefined ? null : file.text();
}

export function ProblemList({ problems }: { problems: readonly ImportProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul class="checks">
      {problems.map((p, i) => (
        <li key={`${p.code}-${i}`} class={`check ${p.blocking ? 'refus' : 'alerte'}`}>
          <strong>{p.blocking ? 'Bloquant' : 'À vérifier'}</strong>{p.column !== null ? ` · ${p.column}` : ''} : {p.message}
        </li>
      ))}
    </ul>
  );
}

/** The tick box of a preview line: disabled (and unticked) when the line cannot be imported. */
export function LineTick({ label, importable, checked, onToggle }: { label: string; importable: boolean; checked: boolean; onToggle(): void }) {
  return (
    <label class="import-tick">
      <input type="checkbox" checked={importable && checked} disabled={!importable} onChange={onToggle} />
      <span class="sr-only">{label}</span>
    </label>
  );
}

/** A refused batch: which write failed does not matter to the user, that nothing was written does. */
export function batchErrorMessage(e: unknown): string {
  const cause = typeof e === 'object' && e !== null && 'cause' in e ? (e as { cause: unknown }).cause : e;
  return `Rien n’a été importé. ${writeErrorMessage(cause ?? e)}`;
}

export function toggled(set: ReadonlySet<number>, key: number): Set<number> {
  const next = new Set(set);
  if (next.has(key)) next.delete(key); else next.add(key);
  return next;
}
