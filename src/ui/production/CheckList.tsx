// A list of production checks, each with its word and symbol (never colour alone).
import { SEVERITY_MARK, type Check } from '../../domain/production/check';

export function CheckList({ checks, id }: { checks: readonly Check[]; id?: string }) {
  if (checks.length === 0) return null;
  return (
    <ul class="checks" id={id}>
      {checks.map((c) => (
        <li key={c.code + c.message} class={`check ${c.severity}`}><strong>{SEVERITY_MARK[c.severity]}</strong> {c.message}</li>
      ))}
    </ul>
  );
}
