// « Aujourd'hui », the ETI's home: per team, who works on which chantier and on which task,
// who is absent and why, who has nothing yet, and what is waiting (yesterday's hours, alerts).
// Moving someone or giving a task opens a panel right there: no navigation on a busy morning.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useServices } from '../shell/services';
import { useExternal } from '../shell/hooks/useExternal';
import { useLiveQuery } from '../shell/hooks/useLiveQuery';
import type { TeamView } from '../../client/queries';
import type { AssignmentRow, ProductionData } from '../../client/queries/production';
import { fullName } from '../../domain/people';
import { isoDay, longDate } from '../shell/format';
import { addDays } from '../../domain/rules/dates';
import { dayChecks } from '../../domain/production/planning';
import { isWorkday, mondayOf } from '../../domain/production/calendar';
import { chantierProgress, spentByChantier } from '../../domain/production/progress';
import { GraduationCap } from 'lucide';
import { Icon } from '../icons/Icon';
import { CheckList } from './CheckList';
import { AssignTask } from './lazyAssignTask';
import { MovePanel } from './MovePanel';
import { assignmentsIn, assignmentsOn, fmtHours, assignmentHours, slotPlace, slotTime, slotsOf } from './lookups';
import { prepareMatrix } from '../competences/matrixAhead';
import { screenAhead } from '../shell/hooks/screenAhead';
import { onIdle } from '../shell/hooks/onIdle';
import { WeekView } from './lazyWeekView';
import { AccueilReminder } from '../livret/AccueilReminder';

type Panel = { kind: 'move'; salarieId: string; slotId: string | null } | { kind: 'task'; salarieId: string; slotId: string };

export function previousWorkday(d: string): string {
  let p = addDays(d, -1);
  while (!isWorkday(p)) p = addDays(p, -1);
  return p;
}

export function Today() {
  const services = useServices();
  const { queries } = services;
  const user = useExternal(services.session);
  const today = isoDay(services.now());
  const data = useLiveQuery(() => queries.production.loadProduction(today), [today]);
  // Rows are the rule's facts as they are (slots, assignments, time entries): nothing to map.
  const spent = useMemo(() => (data ? spentByChantier(data.slots, data.assignments, data.entries) : new Map<string, number>()), [data]);
  useWarmWeeks(data?.teams, user?.id, today);
  const members = useMemo(() => data?.teams.flatMap((t) => t.members), [data]);
  if (data === undefined || user === undefined) return <p>Chargement…</p>;
  return (
    <section aria-labelledby="today-title">
      <h2 id="today-title">Mes équipes aujourd’hui, {longDate(today)}</h2>
      <p class="actions no-print"><a class="button secondary" href="#/chantiers">Chantiers</a></p>
      <AccueilReminder members={members} />
      {data.teams.length === 0 && <p>Aucune équipe sur cette tablette pour l’instant. Synchronisez quand le réseau est là.</p>}
      {data.teams.map((t) => <TeamToday key={t.team.id} data={data} view={t} spent={spent} structureId={user.structureId} />)}
    </section>
  );
}

/** Once the home is shown, load the week view's code and read this week of each team into
 * memory when the tablet is idle: « Semaine » then opens at once instead of after its reads;
 * the first team's week is also built ahead, hidden (screenAhead). Then the same for the matrix
 * (its code, its frame and every member's levels, then its screen). */
function useWarmWeeks(teams: readonly TeamView[] | undefined, userId: string | undefined, today: string) {
  const { queries } = useServices();
  const teamIds = teams?.map((t) => t.team.id).join(',') ?? '';
  useEffect(() => {
    if (userId === undefined || teamIds === '') return;
    let alive = true;
    const warm = async () => {
      await WeekView.preload().catch(() => undefined);
      for (const id of teamIds.split(',')) if (alive) await queries.production.warmWeek(userId, id, mondayOf(today), today).catch(() => undefined);
      if (!alive) return;
      // The first team's « Semaine » is the link of every morning: build its screen ahead, hidden.
      const week = `/semaine/${teamIds.split(',')[0] ?? ''}/${mondayOf(today)}`;
      screenAhead.set('home', { userId, routes: [week] });
      await prepareMatrix(queries, userId, today, () => alive);
    };
    const cancel = onIdle(() => void warm());
    return () => { alive = false; cancel(); };
  }, [queries, userId, teamIds, today]);
}

function TeamToday({ data, view, spent, structureId }: { data: ProductionData; view: TeamView; spent: Map<string, number>; structureId: string }) {
  const [panel, setPanel] = useState<Panel | null>(null);
  const { team, members } = view;
  const today = data.today;
  const slots = slotsOf(data, team.id, today);
  const absent = members.map((m) => ({ m, checks: dayChecks(data.facts.get(m.id) ?? { salarieId: m.id, contracts: [] }, today).filter((c) => c.severity === 'refus') })).filter((x) => x.checks.length > 0);
  const absentIds = new Set(absent.map((x) => x.m.id));
  const free = members.filter((m) => !absentIds.has(m.id) && assignmentsOn(data, m.id, today).length === 0);
  const yesterday = previousWorkday(today);
  const missing = members.filter((m) => assignmentsOn(data, m.id, yesterday).length > 0 && !data.entryByDay.has(`${m.id}|${yesterday}`));
  const alerts = data.chantiers.filter((c) => c.teamId === team.id).flatMap((c) => {
    const p = chantierProgress(c, spent.get(c.id) ?? 0, today);
    return p.checks.map((x) => ({ ...x, message: `${c.name} : ${x.message}` }));
  });
  const endings = members.flatMap((m) => dayChecks(data.facts.get(m.id) ?? { salarieId: m.id, contracts: [] }, today).filter((c) => c.code === 'fin_contrat').map((c) => ({ ...c, message: `${fullName(m)} : ${c.message}` })));
  const name = team.name;
  const activityId = team.activityId ?? '';
  return (
    <article class="team-day" aria-labelledby={`team-${team.id}`}>
      <h3 id={`team-${team.id}`}>{name} <span class="meta">({members.length} salariés)</span></h3>
      <p class="actions no-print">
        <a class="button" href={`#/releve/${team.id}`}>Relevé d’heures</a>
        <a class="button secondary" href={`#/semaine/${team.id}/${mondayOf(today)}`}>Semaine</a>
        <a class="button secondary" href={`#/fiche/${team.id}`}>Fiche du jour à imprimer</a>
      </p>

      {(missing.length > 0 || alerts.length > 0 || endings.length > 0) && (
        <div class="banner warn">
          <strong>À faire</strong>
          {missing.length > 0 && (
            <p>Heures du {longDate(yesterday)} non saisies pour {missing.length} salarié{missing.length > 1 ? 's' : ''} ({missing.map(fullName).join(', ')}). <a href={`#/releve/${team.id}/${yesterday}`}>Saisir les heures d’hier</a></p>
          )}
          <CheckList checks={[...alerts, ...endings]} />
        </div>
      )}

      <h4>Sur les chantiers</h4>
      {slots.length === 0 && <p>Rien de planifié aujourd’hui. <a href={`#/semaine/${team.id}/${mondayOf(today)}`}>Planifier la semaine</a></p>}
      <div class="cards">
        {slots.map((s) => (
          <div key={s.id} class="card slot-card">
            <h5>{slotPlace(data, s)} <span class="meta">{slotTime(s)}</span></h5>
            <ul class="people">
              {assignmentsIn(data, s.id).map((a) => (
                <PersonRow key={a.id} data={data} a={a} onMove={() => setPanel({ kind: 'move', salarieId: a.salarieId, slotId: s.id })} onTask={() => setPanel({ kind: 'task', salarieId: a.salarieId, slotId: s.id })} />
              ))}
            </ul>
          </div>
        ))}
      </div>

      {free.length > 0 && (
        <>
          <h4>Sans affectation</h4>
          <ul class="list">
            {free.map((m) => (
              <li key={m.id} class="entry row-line">
                <strong>{fullName(m)}</strong>
                <button type="button" class="secondary" onClick={() => setPanel({ kind: 'move', salarieId: m.id, slotId: null })}>Affecter {fullName(m)}</button>
              </li>
            ))}
          </ul>
        </>
      )}

      <h4>Absents</h4>
      {absent.length === 0 ? <p>Personne n’est absent.</p> : (
        <ul class="list">
          {absent.map(({ m, checks }) => (
            <li key={m.id} class="entry"><strong>{fullName(m)}</strong><CheckList checks={checks} /></li>
          ))}
        </ul>
      )}

      <h4>Livrets de l’équipe</h4>
      <ul class="cards list">
        {members.map((m) => <li key={m.id} class="card"><a class="stretch" href={`#/salarie/${m.id}`}>{fullName(m)}</a></li>)}
      </ul>

      {panel?.kind === 'move' && <MovePanel data={data} salarieId={panel.salarieId} fromSlotId={panel.slotId} date={today} structureId={structureId} onClose={() => setPanel(null)} />}
      {panel?.kind === 'task' && <AssignTask data={data} salarieId={panel.salarieId} slotId={panel.slotId} activityId={activityId} structureId={structureId} onClose={() => setPanel(null)} />}
    </article>
  );
}

function PersonRow({ data, a, onMove, onTask }: { data: ProductionData; a: AssignmentRow; onMove: () => void; onTask: () => void }) {
  const person = data.salaries.get(a.salarieId);
  const who = fullName(person);
  return (
    <li class="person">
      <div>
        <strong>{who}</strong> · {a.task} <span class="meta">({fmtHours(assignmentHours(data, a))})</span>
        {a.training === true && <span class="tag training"> <Icon icon={GraduationCap} size={18} class="lead" />En formation</span>}
      </div>
      <div class="actions">
        <button type="button" class="secondary" onClick={onTask} aria-label={`Tâche de ${who}`}>Tâche</button>
        <button type="button" class="secondary" onClick={onMove} aria-label={`Déplacer ${who}`}>Déplacer</button>
      </div>
    </li>
  );
}
