// « Équipes » for the coordination, route `#/equipes-structure`: create a team, rename it or
// change its ETIs and activity, and move salariés in or out with dates (memberships, moves.ts).
// The ETI's tablet follows at its next sync: the scope fingerprint of its cursor changes and the
// server sends its new view; the screen says so in one sentence.
import { useState } from 'preact/hooks';
import type { TeamBoardRow, TeamsBoard } from '../../../client/queries/structure';
import { fullName } from '../../../domain/people';
import { addDays } from '../../../domain/rules/dates';
import { frDate } from '../../../domain/rules/problem';
import { isoDay } from '../../shell/format';
import { useExternal } from '../../shell/hooks/useExternal';
import { useLiveQuery } from '../../shell/hooks/useLiveQuery';
import { useServices } from '../../shell/services';
import { writeErrorMessage } from '../../shell/writeError';
import { useStructureQueries } from '../salaries/useStructureQueries';
import { planJoin, planLeave, type MovePlan } from './moves';
import { TeamForm } from './TeamForm';

type Msg = { ok: boolean; text: string } | null;

export function TeamsPage() {
  const services = useServices();
  const user = useExternal(services.session);
  const today = isoDay(services.now());
  const queries = useStructureQueries();
  const board = useLiveQuery(() => queries.teamsBoard(today), [today]);
  const [creating, setCreating] = useState(false);
  const [msg, setMsg] = useState<Msg>(null);
  if (board === undefined || user === undefined) return <p>Chargement…</p>;
  return (
    <section aria-labelledby="teams-title">
      <h2 id="teams-title">Équipes</h2>
      <p class="banner info">La tablette d’un encadrant gagne ou perd une personne de ses équipes à sa prochaine synchronisation.</p>
      {creating
        ? <div class="card"><TeamForm team={undefined} etis={board.etis} activities={board.activities} structureId={user.structureId} onDone={(t) => { setCreating(false); setMsg(t === null ? null : { ok: true, text: t }); }} /></div>
        : <div class="actions"><button type="button" onClick={() => { setMsg(null); setCreating(true); }}>Nouvelle équipe</button></div>}
      {msg !== null && <p class={msg.ok ? 'banner info' : 'banner error'} role={msg.ok ? 'status' : 'alert'}>{msg.text}</p>}
      {board.teams.length === 0 ? <p>Aucune équipe pour l’instant.</p> : (
        <ul class="list">{board.teams.map((row) => <li key={row.team.id}><TeamCard row={row} board={board} structureId={user.structureId} today={today} /></li>)}</ul>
      )}
    </section>
  );
}

function TeamCard({ row, board, structureId, today }: { row: TeamBoardRow; board: TeamsBoard; structureId: string; today: string }) {
  const { writeMany } = useServices();
  const { team } = row;
  const [editing, setEditing] = useState(false);
  const [msg, setMsg] = useState<Msg>(null);
  const [joinId, setJoinId] = useState('');
  const [joinFrom, setJoinFrom] = useState(today);
  const [leaveOn, setLeaveOn] = useState<Record<string, string>>({});
  const teamNames = new Map(board.teams.map((t) => [t.team.id, t.team.name]));
  const etiNames = board.etis.filter((u) => team.etiUserIds.includes(u.id)).map((u) => u.displayName);
  const activity = board.activities.find((a) => a.id === team.activityId);
  const memberIds = new Set(row.members.map((m) => m.salarie.id));
  const candidates = board.salaries.filter((s) => !memberIds.has(s.id));
  const joinPlan: MovePlan | null = joinId === '' || joinFrom === '' ? null : planJoin(board.memberships, joinId, team.id, joinFrom, structureId, teamNames);

  async function apply(plan: MovePlan, done: string) {
    if (!plan.ok) { setMsg({ ok: false, text: plan.message }); return; }
    try {
      await writeMany(plan.changes);
      setMsg({ ok: true, text: done });
    } catch (e) {
      setMsg({ ok: false, text: writeErrorMessage(e instanceof Error && e.cause !== undefined ? e.cause : e) });
    }
  }

  async function join(ev: Event) {
    ev.preventDefault();
    if (joinPlan === null) { setMsg({ ok: false, text: 'Choisissez un salarié et une date.' }); return; }
    const who = board.salaries.find((s) => s.id === joinId);
    await apply(joinPlan, `${fullName(who)} rejoint l’équipe le ${frDate(joinFrom)}.`);
    if (joinPlan.ok) setJoinId('');
  }

  return (
    <article class="card salaries-team" aria-labelledby={`team-${team.id}-title`}>
      <div class="row-between">
        <h3 id={`team-${team.id}-title`}>{team.name}</h3>
        {!editing && <button type="button" class="secondary" onClick={() => { setMsg(null); setEditing(true); }}>Modifier l’équipe {team.name}</button>}
      </div>
      {editing
        ? <TeamForm team={team} etis={board.etis} activities={board.activities} structureId={structureId} onDone={(t) => { setEditing(false); setMsg(t === null ? null : { ok: true, text: t }); }} />
        : <p class="hint">Encadrants : {etiNames.length > 0 ? etiNames.join(', ') : 'aucun'}{activity ? ` · ${activity.name}` : ''}</p>}
      <h4>Membres aujourd’hui</h4>
      {row.members.length === 0 ? <p>Personne dans cette équipe aujourd’hui.</p> : (
        <ul class="list">
          {row.members.map(({ membership: m, salarie }) => {
            const lastDay = leaveOn[m.id] ?? m.to ?? today;
            return (
              <li key={m.id} class="entry">
                <strong>{fullName(salarie)}</strong> <span class="meta">depuis le {frDate(m.from)}{m.to ? `, jusqu’au ${frDate(m.to)}` : ''}</span>
                <form class="row" onSubmit={(e) => { e.preventDefault(); void apply(planLeave(m, lastDay), `${fullName(salarie)} quitte l’équipe après le ${frDate(lastDay)}.`); }}>
                  <div class="field"><label for={`leave-${m.id}`}>Dernier jour de {fullName(salarie)} dans l’équipe</label><input id={`leave-${m.id}`} type="date" value={lastDay} onInput={(e) => setLeaveOn({ ...leaveOn, [m.id]: e.currentTarget.value })} /></div>
                  <div><button type="submit" class="secondary">Sortir {fullName(salarie)} de l’équipe</button></div>
                </form>
              </li>
            );
          })}
        </ul>
      )}
      {row.upcoming.length > 0 && (
        <><h4>Arrivées prévues</h4><ul class="list">{row.upcoming.map(({ membership: m, salarie }) => <li key={m.id} class="entry">{fullName(salarie)} — à partir du {frDate(m.from)}</li>)}</ul></>
      )}
      <form aria-label={`Ajouter à l’équipe ${team.name}`} onSubmit={(e) => void join(e)}>
        <h4>Ajouter ou déplacer un salarié</h4>
        <div class="row">
          <div class="field">
            <label for={`join-${team.id}`}>Salarié à ajouter à {team.name}</label>
            <select id={`join-${team.id}`} value={joinId} onChange={(e) => { setMsg(null); setJoinId(e.currentTarget.value); }}>
              <option value="">— Choisir —</option>
              {candidates.map((s) => <option key={s.id} value={s.id}>{fullName(s)}</option>)}
            </select>
          </div>
          <div class="field"><label for={`join-from-${team.id}`}>Dans l’équipe {team.name} à partir du</label><input id={`join-from-${team.id}`} type="date" value={joinFrom} onInput={(e) => setJoinFrom(e.currentTarget.value)} /></div>
        </div>
        {joinPlan !== null && joinPlan.ok && joinPlan.closed.length > 0 && (
          <p class="hint">Dernier jour dans {joinPlan.closed.map((m) => `« ${teamNames.get(m.teamId) ?? '?'} »`).join(', ')} : le {frDate(addDays(joinFrom, -1))}.</p>
        )}
        {joinPlan !== null && !joinPlan.ok && <p class="error-text" role="alert">{joinPlan.message}</p>}
        <div class="actions"><button type="submit" disabled={joinPlan === null || !joinPlan.ok}>Ajouter à l’équipe {team.name}</button></div>
      </form>
      {msg !== null && <p class={msg.ok ? 'banner info' : 'banner error'} role={msg.ok ? 'status' : 'alert'}>{msg.text}</p>}
    </article>
  );
}
