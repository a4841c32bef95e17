// The changes the server refused: what, when and why — nothing vanishes silently.
import { useServices } from '../shell/services';
import { useLiveQuery } from '../shell/hooks/useLiveQuery';
import { format } from 'date-fns';
import { fr } from 'date-fns/locale';

export function RejectedPage() {
  const { queries } = useServices();
  const rows = useLiveQuery(() => queries.device.rejected(), [], []);
  return (
    <section aria-labelledby="rejected-title">
      <h2 id="rejected-title">Modifications refusées par le serveur</h2>
      <p class="hint">Ces saisies n’ont pas été acceptées ; la tablette est revenue à la version du serveur. Refaites-les si besoin, ou parlez-en à la coordination.</p>
      {rows.length === 0 ? <p>Aucune modification refusée.</p> : (
        <ul class="list">
          {rows.map((r) => (
            <li key={r.opId} class="entry">
              <header><strong>{r.what}</strong><span class="meta">{format(r.at, "d MMMM yyyy 'à' HH:mm", { locale: fr })}</span></header>
              <p>{r.message}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
