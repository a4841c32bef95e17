// The day sheet to pin on the van's wall: per slot, the chantier, its place and safety notes,
// then who does what with the consignes, checklist and EPI. Print CSS hides the app around it.
import { Printer, Square, TriangleAlert } from 'lucide';
import { Icon } from '../icons/Icon';
import { useServices } from '../shell/services';
import { useLiveQuery } from '../shell/hooks/useLiveQuery';
import { fullName } from '../../domain/people';
import { isoDay, longDate } from '../shell/format';
import { assignmentsIn, slotPlace, slotTime, slotsOf, teamOf } from './lookups';

export function DaySheet({ teamId, date: wanted }: { teamId: string; date?: string | undefined }) {
  const { queries, now } = useServices();
  const today = isoDay(now());
  const date = wanted ?? today;
  const data = useLiveQuery(() => queries.production.loadProduction(today), [today]);
  if (data === undefined) return <p>Chargement…</p>;
  const view = teamOf(data, teamId);
  if (view === undefined) return <p>Équipe introuvable sur cette tablette.</p>;
  const slots = slotsOf(data, teamId, date);
  return (
    <section class="day-sheet" aria-labelledby="sheet-title">
      <h2 id="sheet-title">Fiche du jour — {view.team.name} — {longDate(date)}</h2>
      <p class="actions no-print">
        <button type="button" onClick={() => globalThis.print()}><Icon icon={Printer} size={20} class="lead" />Imprimer</button>
        <a class="button secondary" href="#/">Retour à Aujourd’hui</a>
      </p>
      {slots.length === 0 && <p>Rien de planifié ce jour.</p>}
      {slots.map((s) => {
        const c = s.chantierId == null ? undefined : data.chantierById.get(s.chantierId);
        return (
          <article key={s.id} class="sheet-slot">
            <h3>{slotTime(s)} · {slotPlace(data, s)}</h3>
            {c?.place != null && c.place !== '' && <p><strong>Lieu :</strong> {c.place}</p>}
            {c?.safetyNotes != null && c.safetyNotes !== '' && <p class="safety"><strong><Icon icon={TriangleAlert} size={20} class="lead" />Sécurité :</strong> {c.safetyNotes}</p>}
            <table class="sheet">
              <thead><tr><th scope="col">Salarié</th><th scope="col">Tâche et consignes</th><th scope="col">À vérifier</th><th scope="col">EPI</th></tr></thead>
              <tbody>
                {assignmentsIn(data, s.id).map((a) => (
                  <tr key={a.id}>
                    <th scope="row">{fullName(data.salaries.get(a.salarieId))}{a.training === true ? ' (en formation, encadrant à côté)' : ''}</th>
                    <td><strong>{a.task}</strong>{a.consignes != null && a.consignes !== '' && <p>{a.consignes}</p>}</td>
                    <td><ul>{(a.checklist ?? []).map((x) => <li key={x}><Icon icon={Square} size={18} class="lead" />{x}</li>)}</ul></td>
                    <td><ul>{(a.epi ?? []).map((x) => <li key={x}>{x}</li>)}</ul></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </article>
        );
      })}
    </section>
  );
}
