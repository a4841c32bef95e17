// The week of a team: salariés × days, each cell the chantier(s) and hours. Tap a cell, then tap
// a slot of that day to put the person on it (or take them off); a day they cannot work shows
// why and cannot be assigned. « Copier la semaine précédente » repeats last week's slots and
// people, except those who cannot work that day. Week totals are checked against the contract.
// Dragging a planned cell onto another is a shortcut (useCellDrag, planDrop).
import { useContext, useEffect, useId, useMemo, useState } from 'preact/hooks';
import { uuidv7 } from '../../domain/ids';
import { addDays } from '../../domain/rules/dates';
import { frDate } from '../../domain/rules/problem';
import { contractOn, dayChecks, weekChecks } from '../../domain/production/planning';
import { mondayOf, workWeek } from '../../domain/production/calendar';
import { planCopyWeek } from '../../domain/production/copyWeek';
import { planDrop, type DropSlot } from '../../domain/production/dropPlan';
import { useServices } from '../shell/services';
import { useExternal } from '../shell/hooks/useExternal';
import { useRememberedQuery } from '../shell/hooks/useRememberedQuery';
import { onIdle } from '../shell/hooks/onIdle';
import { screenAhead } from '../shell/hooks/screenAhead';
import { ScreenShown } from '../shell/ScreenStack';
import { useCellDrag, type CellRef } from './useCellDrag';
import { fullName } from '../../domain/people';
import { isoDay } from '../shell/format';
import { writeErrorMessage } from '../shell/writeError';
import { ArrowLeft, ArrowRight, Check as CheckMark } from 'lucide';
import { Icon } from '../icons/Icon';
import { SEVERITY_ICONS } from '../icons/marks';
import { CheckList } from './CheckList';
import { SEVERITY_WORD, type Check } from '../../domain/production/check';
import { assignmentHours, fmtHours, slotHours, slotPlace, slotTime } from './lookups';
import type { SalarieRow } from '../../client/queries';
import { weekPlanKey, weekTeamKey, type AssignmentRow, type ChantierRow, type SlotRow, type WeekPlan, type WeekTeam } from '../../client/queries/production';

const DAY_NAMES = ['Lundi', 'Mardi', 'Mercredi', 'Jeudi', 'Vendredi'];
const PERIODS = [
  { key: 'matin', label: 'Matin 8h–12h', startTime: '08:00', endTime: '12:00' },
  { key: 'apres-midi', label: 'Après-midi 13h–15h30', startTime: '13:00', endTime: '15:30' },
  { key: 'journee', label: 'Journée 8h–15h30', startTime: '08:00', endTime: '15:30' },
] as const;

export function WeekView({ teamId, monday: wanted }: { teamId: string; monday?: string | undefined }) {
  const services = useServices();
  const user = useExternal(services.session);
  const today = isoDay(services.now());
  const monday = mondayOf(wanted ?? today);
  const userId = user?.id ?? '';
  const { production } = services.queries;
  const memory = production.weekMemory;
  // Two live queries: a tap writes an assignment and re-reads the plan, not the team. Both paint
  // first from the last read of this week, if any, while they refresh.
  const team = useRememberedQuery(memory.team, weekTeamKey(userId, teamId, monday, today), () => production.weekTeam(teamId, monday, today));
  const plan = useRememberedQuery(memory.plan, weekPlanKey(userId, monday), () => production.weekPlan(monday));
  useWarmNeighbours(team !== undefined && plan !== undefined, userId, teamId, monday, today);
  if (team === undefined || plan === undefined || user === undefined || team.teamId !== teamId || team.monday !== monday || plan.monday !== monday) return <p>Chargement…</p>;
  return (
    <>
      <AnnounceNeighbours userId={userId} teamId={teamId} monday={monday} />
      <WeekGrid team={team} plan={plan} teamId={teamId} monday={monday} structureId={user.structureId} />
    </>
  );
}

/** Once a week is shown, read the previous and the next into memory when the tablet is idle:
 * « Semaine suivante » is the next tap of someone planning ahead. */
function useWarmNeighbours(ready: boolean, userId: string, teamId: string, monday: string, today: string) {
  const { production } = useServices().queries;
  useEffect(() => {
    if (!ready || userId === '') return;
    let alive = true;
    const cancel = onIdle(() => void (async () => {
      for (const m of [addDays(monday, 7), addDays(monday, -7)]) if (alive) await production.warmWeek(userId, teamId, m, today).catch(() => undefined);
    })());
    return () => { alive = false; cancel(); };
  }, [production, ready, userId, teamId, monday, today]);
}

/**
 * While this week is the screen shown, announce the next and the previous weeks (screenAhead), so
 * that the screen stack builds them, hidden, when the tablet is idle: « Semaine suivante » then
 * only shows a built screen. A component of its own that renders nothing: it alone reads whether
 * its screen is shown, so showing the week does not render the grid again.
 */
function AnnounceNeighbours({ userId, teamId, monday }: { userId: string; teamId: string; monday: string }) {
  const shown = useContext(ScreenShown);
  useEffect(() => {
    if (!shown || userId === '') return;
    const source = `semaine:${teamId}`;
    const cancel = onIdle(() => screenAhead.set(source, { userId, routes: [`/semaine/${teamId}/${addDays(monday, 7)}`, `/semaine/${teamId}/${addDays(monday, -7)}`] }));
    return () => { cancel(); screenAhead.set(source, null); };
  }, [shown, userId, teamId, monday]);
  return null;
}

/** A tap's write, shown from its resolution until a plan read after it arrives. */
interface PendingOp { add?: AssignmentRow; removeIds?: string[]; before: number; after: number }

function settled(op: PendingOp, plan: WeekPlan): boolean {
  if (plan.readAt >= op.after) return true;
  if (plan.readAt < op.before) return false;
  return op.add !== undefined ? plan.assignments.some((a) => a.id === op.add!.id) : !plan.assignments.some((a) => op.removeIds?.includes(a.id) === true);
}

function withOps(assignments: AssignmentRow[], ops: PendingOp[]): AssignmentRow[] {
  if (ops.length === 0) return assignments;
  const gone = new Set(ops.flatMap((o) => o.removeIds ?? []));
  const out = assignments.filter((a) => !gone.has(a.id));
  for (const o of ops) if (o.add !== undefined && !out.some((a) => a.id === o.add!.id)) out.push(o.add);
  return out;
}

/** `text` is what the cell shows; `said` what its button's name says (a refusal with its word). */
interface CellModel { date: string; list: AssignmentRow[]; text: string; said: string; blocked: boolean }
interface RowModel { member: SalarieRow; cells: CellModel[]; planned: number; checks: Check[] }

function WeekGrid({ team, plan, teamId, monday, structureId }: { team: WeekTeam; plan: WeekPlan; teamId: string; monday: string; structureId: string }) {
  // Ids of its own: several weeks can be kept built at once (ScreenStack.tsx).
  const titleId = useId();
  const { write, queries } = useServices();
  const [cell, setCell] = useState<{ salarieId: string; date: string } | null>(null);
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const [ops, setOps] = useState<PendingOp[]>([]);
  const days = useMemo(() => workWeek(monday), [monday]);
  const pending = useMemo(() => ops.filter((o) => !settled(o, plan)), [ops, plan]);
  useEffect(() => { if (pending.length < ops.length) setOps(pending); }, [pending, ops]);
  const assignments = useMemo(() => withOps(plan.assignments, pending), [plan, pending]);
  const lookup = useMemo(() => ({ slotById: plan.slotById, chantierById: team.chantierById }), [plan, team]);
  const byCell = useMemo(() => {
    const m = new Map<string, AssignmentRow[]>();
    for (const a of assignments) {
      const s = plan.slotById.get(a.slotId);
      if (!s) continue;
      const k = `${a.salarieId}|${s.date}`;
      const list = m.get(k);
      if (list) list.push(a); else m.set(k, [a]);
    }
    return m;
  }, [assignments, plan]);
  const view = team.view;
  const noFacts = (id: string) => ({ salarieId: id, contracts: [] });
  // The grid's text and checks change only with the data: selecting a cell re-renders buttons, not rules.
  const rows = useMemo((): RowModel[] => (view?.members ?? []).map((m) => {
    const facts = team.facts.get(m.id) ?? noFacts(m.id);
    let planned = 0;
    let absent = 0;
    const cells = days.map((d): CellModel => {
      const list = byCell.get(`${m.id}|${d}`) ?? [];
      const hours = list.reduce((s, a) => s + assignmentHours(lookup, a), 0);
      planned += hours;
      const e = team.entryByDay.get(`${m.id}|${d}`);
      if (e?.absenceHours != null) absent += e.absenceHours;
      const blocked = dayChecks(facts, d).filter((c) => c.severity === 'refus');
      // The hours first: a long place name is cut after three lines, the hours never are.
      const text = blocked.length > 0 ? blocked[0]!.message : list.length === 0 ? '—' : `${fmtHours(hours)} · ${list.map((a) => slotPlace(lookup, plan.slotById.get(a.slotId))).filter((v, i, arr) => arr.indexOf(v) === i).join(' + ')}`;
      return { date: d, list, text, said: blocked.length > 0 ? `${SEVERITY_WORD.refus} : ${text}` : text, blocked: blocked.length > 0 };
    });
    return { member: m, cells, planned, checks: weekChecks(contractOn(facts, monday) ?? contractOn(facts, days[4]!), planned, absent) };
  }), [view, team, byCell, lookup, plan, days, monday]);
  const drag = useCellDrag((from, to) => void dropCell(from, to));
  if (view === undefined) return <p>Équipe introuvable sur cette tablette.</p>;

  /** A cell dropped on another: the rule is planDrop's; the writes are taps' (one assignment per slot). */
  async function dropCell(from: CellRef, to: CellRef) {
    // Slot rows are the rule's DropSlot as they are.
    const fromSlots: DropSlot[] = (byCell.get(`${from.salarieId}|${from.date}`) ?? []).map((a) => plan.slotById.get(a.slotId)).filter((s): s is SlotRow => s !== undefined);
    const daySlots: DropSlot[] = [...plan.slotById.values()].filter((s) => s.teamId === teamId && s.date === to.date);
    const alreadyOn = new Set((byCell.get(`${to.salarieId}|${to.date}`) ?? []).map((a) => a.slotId));
    const drop = planDrop(from, to, fromSlots, daySlots, alreadyOn, dayChecks(team.facts.get(to.salarieId) ?? noFacts(to.salarieId), to.date));
    const who = fullName(view?.members.find((m) => m.id === to.salarieId));
    const notes = drop.checks.map((c) => c.message).join(' ');
    if (drop.slotIds.length === 0) {
      if (drop.checks.length > 0) setMsg({ ok: false, text: `${who}, ${frDate(to.date)} : rien n’a été planifié. ${notes}` });
      return;
    }
    try {
      for (const slotId of drop.slotIds) {
        const slot = plan.slotById.get(slotId);
        const id = uuidv7();
        const fields = { structureId, salarieId: to.salarieId, slotId, task: `Travaux : ${slotPlace(lookup, slot)}`, hours: slotHours(slot) || null };
        const before = performance.now();
        await write('assignment', id, fields);
        setOps((o) => [...o, { add: { id, _clocks: {}, _deleted: 0, ...fields } satisfies AssignmentRow, before, after: performance.now() }]);
      }
      const n = drop.slotIds.length;
      setMsg({ ok: true, text: `${who}, ${frDate(to.date)} : ${n} créneau${n > 1 ? 'x' : ''} ajouté${n > 1 ? 's' : ''} (${drop.slotIds.map((id) => slotPlace(lookup, plan.slotById.get(id))).join(', ')}).${notes === '' ? '' : ` ${notes}`}` });
    } catch (e) {
      setMsg({ ok: false, text: writeErrorMessage(e) });
    }
  }

  async function copyPrevious() {
    // Read when tapped, not kept live: the previous week is only needed here.
    const source = await queries.production.weekCopySource(teamId, monday);
    const names = new Map(source.salaries.map((s) => [s.id, s]));
    // The rule hands back the assignments it was given, untyped: find each row again by id.
    const previous = new Map(source.previousAssignments.map((a) => [a.id, a]));
    const plan = planCopyWeek(source.previousSlots, source.previousAssignments, source.targetSlots, (sid, d) => dayChecks(source.facts.get(sid) ?? noFacts(sid), d));
    try {
      const ids = plan.slots.map(() => uuidv7());
      for (const [i, s] of plan.slots.entries()) {
        await write('planningSlot', ids[i]!, { structureId, teamId, date: s.date, chantierId: s.from.chantierId ?? null, startTime: s.from.startTime ?? null, endTime: s.from.endTime ?? null, label: s.from.label ?? null });
      }
      for (const a of plan.assignments) {
        const f = previous.get(a.from.id);
        if (f === undefined) continue;
        await write('assignment', uuidv7(), {
          structureId, salarieId: f.salarieId, slotId: ids[a.slotIndex]!, task: f.task,
          consignes: f.consignes ?? null, checklist: f.checklist ?? null, epi: f.epi ?? null,
          competenceIds: f.competenceIds ?? null, hours: f.hours ?? null, training: f.training ?? null,
        });
      }
      const skipped = plan.skipped.map((s) => `${fullName(names.get(s.from.salarieId))} le ${frDate(s.date)} (${s.reasons[0]?.message ?? ''})`);
      setMsg({ ok: true, text: `Semaine copiée : ${plan.slots.length} créneaux, ${plan.assignments.length} affectations.${skipped.length > 0 ? ` Non reprises : ${skipped.join(' ; ')}` : ''}` });
    } catch (e) {
      setMsg({ ok: false, text: writeErrorMessage(e) });
    }
  }

  return (
    <section aria-labelledby={titleId}>
      <h2 id={titleId}>Semaine du {frDate(monday)} — {view.team.name}</h2>
      <p class="actions no-print">
        <a class="button secondary" href={`#/semaine/${teamId}/${addDays(monday, -7)}`}><Icon icon={ArrowLeft} size={20} class="lead" />Semaine précédente</a>
        <a class="button secondary" href={`#/semaine/${teamId}/${addDays(monday, 7)}`}>Semaine suivante<Icon icon={ArrowRight} size={20} class="trail" /></a>
        <button type="button" onClick={() => void copyPrevious()}>Copier la semaine précédente</button>
      </p>
      <p class="hint no-print">Touchez une case pour planifier. Raccourci : faites glisser une case (appui long au doigt) sur un autre salarié le même jour, ou sur un autre jour du même salarié.</p>
      {msg !== null && <p class={msg.ok ? 'banner info' : 'banner error'} role={msg.ok ? 'status' : 'alert'}>{msg.text}</p>}
      {drag.dragging !== null && <div class="drag-ghost" ref={drag.ghost} aria-hidden="true" style={`transform: translate(${drag.dragging.x + 14}px, ${drag.dragging.y + 14}px)`}>{drag.dragging.label}</div>}
      <div class="table-wrap" tabIndex={0} role="region" aria-label="Planning de la semaine">
        <table class="week" onPointerDown={drag.onPointerDown} onTouchStart={drag.onTouchStart}>
          <thead>
            <tr><th scope="col">Salarié</th>{days.map((d, i) => <th key={d} scope="col">{DAY_NAMES[i]} {d.slice(8)}/{d.slice(5, 7)}</th>)}<th scope="col">Semaine</th></tr>
          </thead>
          <tbody>
            {rows.map(({ member: m, cells, planned, checks }) => (
              <tr key={m.id}>
                <th scope="row"><a href={`#/salarie/${m.id}`}>{fullName(m)}</a></th>
                {cells.map(({ date: d, list, text, said, blocked }, i) => {
                  const selected = cell?.salarieId === m.id && cell.date === d;
                  // data-cell names the drop target; data-drag (a planned day) makes it a drag source.
                  return (
                    <td key={d} class={blocked ? 'blocked' : undefined} data-cell={`${m.id}|${d}`} data-drag={list.length > 0 && !blocked ? `${fullName(m)} · ${text}` : undefined}>
                      <button type="button" class={`cell${selected ? ' selected' : ''}`} aria-pressed={selected} aria-label={`${fullName(m)}, ${DAY_NAMES[i]} : ${said}`} onClick={() => { if (!drag.clickBlocked()) setCell(selected ? null : { salarieId: m.id, date: d }); }}>{blocked && <Icon icon={SEVERITY_ICONS.refus} size={16} class="lead" />}{text}</button>
                    </td>
                  );
                })}
                <td><strong>{fmtHours(planned)}</strong><CheckList checks={checks} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {cell !== null && (
        <DayCellPanel
          team={team} lookup={lookup} teamId={teamId} salarieId={cell.salarieId} date={cell.date} structureId={structureId}
          slots={[...plan.slotById.values()].filter((s) => s.teamId === teamId && s.date === cell.date).sort((a, b) => (a.startTime ?? '').localeCompare(b.startTime ?? ''))}
          mine={byCell.get(`${cell.salarieId}|${cell.date}`) ?? []}
          onWritten={(op) => setOps((o) => [...o, op])} onClose={() => setCell(null)}
        />
      )}
    </section>
  );
}

function DayCellPanel({ team, lookup, teamId, salarieId, date, structureId, slots, mine: mineOnDay, onWritten, onClose }: {
  team: WeekTeam; lookup: { slotById: Map<string, SlotRow>; chantierById: Map<string, ChantierRow> }; teamId: string; salarieId: string; date: string; structureId: string;
  /** The team's slots that day, by start time. */
  slots: SlotRow[];
  /** The person's assignments that day, whatever the team. */
  mine: AssignmentRow[];
  onWritten: (op: PendingOp) => void; onClose: () => void;
}) {
  const { write, remove } = useServices();
  const uid = useId();
  const [error, setError] = useState<string | null>(null);
  const [chantierId, setChantierId] = useState('');
  const [period, setPeriod] = useState<(typeof PERIODS)[number]['key']>('matin');
  const person = team.view?.members.find((m) => m.id === salarieId);
  const checks = dayChecks(team.facts.get(salarieId) ?? { salarieId, contracts: [] }, date);
  const blocked = checks.some((c) => c.severity === 'refus');
  const chantiers = team.chantiers.filter((c) => c.teamId === teamId);

  async function toggle(slot: SlotRow) {
    try {
      const mine = mineOnDay.filter((a) => a.slotId === slot.id);
      const before = performance.now();
      if (mine.length > 0) {
        for (const a of mine) await remove('assignment', a.id);
        onWritten({ removeIds: mine.map((a) => a.id), before, after: performance.now() });
      } else {
        const id = uuidv7();
        const fields = { structureId, salarieId, slotId: slot.id, task: `Travaux : ${slotPlace(lookup, slot)}`, hours: slotHours(slot) || null };
        await write('assignment', id, fields);
        onWritten({ add: { id, _clocks: {}, _deleted: 0, ...fields } satisfies AssignmentRow, before, after: performance.now() });
      }
    } catch (e) {
      setError(writeErrorMessage(e));
    }
  }

  async function addSlot(ev: Event) {
    ev.preventDefault();
    const p = PERIODS.find((x) => x.key === period)!;
    const c = team.chantierById.get(chantierId);
    try {
      await write('planningSlot', uuidv7(), { structureId, teamId, date, chantierId: chantierId || null, startTime: p.startTime, endTime: p.endTime, label: `${p.label.split(' ')[0]} — ${c ? c.name : 'Atelier'}` });
    } catch (e) {
      setError(writeErrorMessage(e));
    }
  }

  return (
    <section class="panel" aria-labelledby={`${uid}-title`}>
      <h3 id={`${uid}-title`}>{fullName(person)} — {frDate(date)}</h3>
      <CheckList checks={checks} />
      {!blocked && (
        <>
          {slots.length === 0 ? <p>Aucun créneau ce jour : ajoutez-en un ci-dessous.</p> : (
            <div class="choices">
              {slots.map((s) => {
                const on = mineOnDay.some((a) => a.slotId === s.id);
                return <button key={s.id} type="button" class={on ? '' : 'secondary'} aria-pressed={on} onClick={() => void toggle(s)}>{on && <Icon icon={CheckMark} size={18} class="lead" />}{slotPlace(lookup, s)} · {slotTime(s)}</button>;
              })}
            </div>
          )}
          <form class="row" onSubmit={(e) => void addSlot(e)}>
            <div class="field">
              <label for={`${uid}-chantier`}>Chantier du nouveau créneau</label>
              <select id={`${uid}-chantier`} value={chantierId} onChange={(e) => setChantierId((e.target as HTMLSelectElement).value)}>
                <option value="">Atelier (sans chantier)</option>
                {chantiers.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
              </select>
            </div>
            <div class="field">
              <label for={`${uid}-period`}>Période</label>
              <select id={`${uid}-period`} value={period} onChange={(e) => setPeriod((e.target as HTMLSelectElement).value as typeof period)}>
                {PERIODS.map((p) => <option key={p.key} value={p.key}>{p.label}</option>)}
              </select>
            </div>
            <div><button type="submit" class="secondary">Ajouter le créneau</button></div>
          </form>
        </>
      )}
      {error !== null && <p class="error-text" role="alert">{error}</p>}
      <div class="actions"><button type="button" class="secondary" onClick={onClose}>Fermer</button></div>
    </section>
  );
}
