// Move a salarié to another chantier for the day (their assignments in one slot go to another),
// or place someone without an assignment on a slot. One tap per choice, saved on the tablet.
import { useState } from 'preact/hooks';
import { uuidv7 } from '../../domain/ids';
import { useServices } from '../shell/services';
import { byFrench, fullName } from '../../domain/people';
import type { ProductionData, SlotRow } from '../../client/queries/production';
import { writeErrorMessage } from '../shell/writeError';
import { assignmentsIn, slotHours, slotPlace, slotTime } from './lookups';

export function MovePanel({ data, salarieId, fromSlotId, date, structureId, onClose }: {
  data: ProductionData; salarieId: string; fromSlotId: string | null; date: string; structureId: string; onClose: () => void;
}) {
  const { write } = useServices();
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const person = data.salaries.get(salarieId);
  const teamIds = new Set(data.teams.map((t) => t.team.id));
  const targets = data.slots
    .filter((s) => s.date === date && s.id !== fromSlotId && teamIds.has(s.teamId))
    .sort((a, b) => (a.startTime ?? '').localeCompare(b.startTime ?? '') || byFrench(slotPlace(data, a), slotPlace(data, b)));

  async function moveTo(target: SlotRow) {
    try {
      const mine = fromSlotId === null ? [] : assignmentsIn(data, fromSlotId).filter((a) => a.salarieId === salarieId);
      if (mine.length === 0) {
        await write('assignment', uuidv7(), { structureId, salarieId, slotId: target.id, task: `Travaux : ${slotPlace(data, target)}`, hours: slotHours(target) || null });
      } else {
        for (const a of mine) await write('assignment', a.id, { slotId: target.id });
      }
      setMsg({ ok: true, text: `${fullName(person)} est maintenant sur « ${slotPlace(data, target)} » (${slotTime(target)}).` });
    } catch (e) {
      setMsg({ ok: false, text: writeErrorMessage(e) });
    }
  }

  const team = (s: SlotRow) => data.teams.find((t) => t.team.id === s.teamId);
  return (
    <section class="panel" aria-labelledby="move-title">
      <h3 id="move-title">{fromSlotId === null ? 'Affecter' : 'Déplacer'} {fullName(person)}</h3>
      {targets.length === 0 ? <p>Aucun autre créneau ce jour. Ajoutez-en un depuis la semaine.</p> : (
        <ul class="list">
          {targets.map((s) => (
            <li key={s.id}>
              <button type="button" class="secondary wide" onClick={() => void moveTo(s)}>
                Vers {slotPlace(data, s)} · {slotTime(s)}{data.teams.length > 1 ? ` · ${team(s)?.team.name ?? ''}` : ''}
              </button>
            </li>
          ))}
        </ul>
      )}
      {msg !== null && <p class={msg.ok ? 'banner info' : 'banner error'} role={msg.ok ? 'status' : 'alert'}>{msg.text}</p>}
      <div class="actions"><button type="button" class="secondary" onClick={onClose}>Fermer</button></div>
    </section>
  );
}
