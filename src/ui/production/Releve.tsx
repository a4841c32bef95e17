// The daily relevé d'heures of a team: one tap writes « journée conforme au planning » for everyone
// planned and not yet entered, then each exception (fewer hours, absence with its type, late
// arrival) in its own small form. Weekly and monthly totals against the contract follow.
// A month validated by the coordination is read-only here and refused by the server anyway.
import { useState } from 'preact/hooks';
import { ABSENCE_TYPES } from '../../domain/entities';
import { ABSENCE_TYPE_LABELS } from '../../domain/rules/labels';
import { addDays } from '../../domain/rules/dates';
import { canBePlanned, contractOn, type AbsenceType } from '../../domain/production/planning';
import { monthOf, mondayOf } from '../../domain/production/calendar';
import { hoursLocked } from '../../domain/production/monthClose';
import { dayEntryId } from '../../domain/production/dayEntryId';
import { absenceTotal, emptyTotals, expectedMonthCenti, fromCenti, monthTotals, toCenti, totalsChecks, weekTotals } from '../../domain/production/hours';
import { useServices } from '../shell/services';
import { useExternal } from '../shell/hooks/useExternal';
import { useLiveQuery } from '../shell/hooks/useLiveQuery';
import { fullName } from '../../domain/people';
import type { SalarieRow } from '../../client/queries';
import type { ProductionData, TimeEntryRow } from '../../client/queries/production';
import { isoDay, longDate } from '../shell/format';
import { writeErrorMessage } from '../shell/writeError';
import { ArrowLeft, ArrowRight, Check, Circle, Lock } from 'lucide';
import { Icon } from '../icons/Icon';
import { CheckList } from './CheckList';
import { fmtHours, plannedHours, teamOf } from './lookups';

export function Releve({ teamId, date: wanted }: { teamId: string; date?: string | undefined }) {
  const services = useServices();
  const user = useExternal(services.session);
  const today = isoDay(services.now());
  const date = wanted ?? today;
  const { production } = services.queries;
  const data = useLiveQuery(() => production.loadProduction(today), [today]);
  const rejected = useLiveQuery(() => production.rejectedTimeEntries(), [], []);
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  if (data === undefined || user === undefined) return <p>Chargement…</p>;
  const view = teamOf(data, teamId);
  if (view === undefined) return <p>Équipe introuvable sur cette tablette.</p>;
  // A validated month: its hours are read-only for this user (the server would refuse them).
  const closed = hoursLocked(user.role, data.closedMonths, date);
  const members = view.members;
  const todo = members.filter((m) => plannedHours(data, m.id, date) > 0 && !data.entryByDay.has(`${m.id}|${date}`) && canBePlanned(data.facts.get(m.id)!, date));

  async function confirmAll() {
    try {
      for (const m of todo) {
        await services.write('timeEntry', dayEntryId(m.id, date), { structureId: user!.structureId, salarieId: m.id, date, hours: plannedHours(data!, m.id, date) });
      }
      setMsg({ ok: true, text: `Journée conforme enregistrée pour ${todo.length} salarié${todo.length > 1 ? 's' : ''}.` });
    } catch (e) {
      setMsg({ ok: false, text: writeErrorMessage(e) });
    }
  }

  return (
    <section aria-labelledby="releve-title">
      <h2 id="releve-title">Relevé d’heures — {view.team.name}</h2>
      <p class="day-nav no-print">
        <a class="button secondary" href={`#/releve/${teamId}/${addDays(date, -1)}`}><Icon icon={ArrowLeft} size={20} class="lead" />Jour précédent</a>
        <strong>{longDate(date)}</strong>
        <a class="button secondary" href={`#/releve/${teamId}/${addDays(date, 1)}`}>Jour suivant<Icon icon={ArrowRight} size={20} class="trail" /></a>
      </p>
      {closed && <p class="banner warn" role="status"><Icon icon={Lock} size={20} class="lead" />Mois validé par la coordination : les heures de ce mois ne se modifient plus (le serveur refuserait la saisie).</p>}
      {rejected.length > 0 && (
        <div class="banner error" role="alert">
          <strong>Saisies d’heures refusées par le serveur</strong>
          <ul>{rejected.slice(0, 5).map((r) => <li key={r.opId}>{r.what} : {r.message}</li>)}</ul>
          <a href="#/refus">Voir toutes les modifications refusées</a>
        </div>
      )}
      <div class="actions">
        <button type="button" disabled={closed || todo.length === 0} onClick={() => void confirmAll()}>
          <Icon icon={Check} size={20} class="lead" />Journée conforme au planning{todo.length > 0 ? ` (${todo.length})` : ''}
        </button>
      </div>
      {msg !== null && <p class={msg.ok ? 'banner info' : 'banner error'} role={msg.ok ? 'status' : 'alert'}>{msg.text}</p>}
      <ul class="list releve">
        {members.map((m) => (
          <ReleveRow key={m.id} data={data} person={m} date={date} closed={closed} structureId={user.structureId} open={open === m.id} onToggle={() => setOpen(open === m.id ? null : m.id)} />
        ))}
      </ul>
      <Totals data={data} members={members} date={date} />
    </section>
  );
}

function entryText(e: TimeEntryRow | undefined): string {
  if (e === undefined) return 'Non saisi';
  const parts = [`${fmtHours(e.hours)} travaillées`];
  if (e.absence != null) parts.push(`${ABSENCE_TYPE_LABELS[e.absence]} ${fmtHours(e.absenceHours ?? 0)}`);
  const late = e.lateMinutes;
  if (late != null && late > 0) parts.push(`retard ${late} min`);
  return parts.join(' · ');
}

function ReleveRow({ data, person, date, closed, structureId, open, onToggle }: {
  data: ProductionData; person: SalarieRow; date: string; closed: boolean; structureId: string; open: boolean; onToggle: () => void;
}) {
  const entry = data.entryByDay.get(`${person.id}|${date}`);
  const planned = plannedHours(data, person.id, date);
  const who = fullName(person);
  return (
    <li class="entry">
      <div class="row-line">
        <span><strong>{who}</strong> <span class="meta">prévu {fmtHours(planned)}</span></span>
        <span class={entry ? 'status done' : 'status todo'}><Icon icon={entry ? Check : Circle} size={18} class="lead" />{entryText(entry)}</span>
        <button type="button" class="secondary" disabled={closed} aria-expanded={open} onClick={onToggle} aria-label={`Exception pour ${who}`}>Exception</button>
      </div>
      {open && !closed && <ExceptionForm data={data} person={person} date={date} planned={planned} entry={entry} structureId={structureId} onDone={onToggle} />}
    </li>
  );
}

function ExceptionForm({ person, date, planned, entry, structureId, onDone }: {
  data: ProductionData; person: SalarieRow; date: string; planned: number; entry: TimeEntryRow | undefined; structureId: string; onDone: () => void;
}) {
  const { write } = useServices();
  const base = planned || entry?.hours || 0;
  const [hours, setHours] = useState(String(entry?.hours ?? base).replace('.', ','));
  const [absence, setAbsence] = useState<AbsenceType | ''>(entry?.absence ?? '');
  const [absenceHours, setAbsenceHours] = useState<string>(entry?.absenceHours == null ? '' : String(entry.absenceHours).replace('.', ','));
  const [late, setLate] = useState(String(entry?.lateMinutes ?? ''));
  const [error, setError] = useState<string | null>(null);
  const id = person.id;
  const parse = (s: string) => Number(s.replace(',', '.').trim() || '0');

  async function save(ev: Event) {
    ev.preventDefault();
    const h = parse(hours);
    const l = Math.round(parse(late));
    if (!Number.isFinite(h) || h < 0 || h > 24) { setError('Heures travaillées : un nombre entre 0 et 24.'); return; }
    if (!Number.isFinite(l) || l < 0 || l > 600) { setError('Retard : un nombre de minutes entre 0 et 600.'); return; }
    let ah: number | null = null;
    if (absence !== '') {
      ah = absenceHours.trim() === '' ? Math.max(0, fromCenti(toCenti(base) - toCenti(h))) : parse(absenceHours);
      if (!Number.isFinite(ah) || ah < 0 || ah > 24) { setError('Heures d’absence : un nombre entre 0 et 24.'); return; }
    }
    try {
      await write('timeEntry', entry?.id ?? dayEntryId(id, date), {
        ...(entry ? {} : { structureId, salarieId: id, date }),
        hours: h, absence: absence === '' ? null : absence, absenceHours: ah, lateMinutes: l > 0 ? l : null,
      });
      onDone();
    } catch (e) {
      setError(writeErrorMessage(e));
    }
  }

  return (
    <form class="exception" onSubmit={(e) => void save(e)} aria-label={`Exception pour ${fullName(person)}`}>
      <div class="row">
        <div class="field"><label for={`h-${id}`}>Heures travaillées</label><input id={`h-${id}`} inputMode="decimal" value={hours} onInput={(e) => setHours((e.target as HTMLInputElement).value)} /></div>
        <div class="field">
          <label for={`a-${id}`}>Absence</label>
          <select id={`a-${id}`} value={absence} onChange={(e) => setAbsence((e.target as HTMLSelectElement).value as AbsenceType | '')}>
            <option value="">Aucune</option>
            {ABSENCE_TYPES.map((t) => <option key={t} value={t}>{ABSENCE_TYPE_LABELS[t]}</option>)}
          </select>
        </div>
        {absence !== '' && <div class="field"><label for={`ah-${id}`}>Heures d’absence</label><input id={`ah-${id}`} inputMode="decimal" placeholder={String(Math.max(0, base - parse(hours))).replace('.', ',')} value={absenceHours} onInput={(e) => setAbsenceHours((e.target as HTMLInputElement).value)} /></div>}
        <div class="field"><label for={`l-${id}`}>Retard (minutes)</label><input id={`l-${id}`} inputMode="numeric" value={late} onInput={(e) => setLate((e.target as HTMLInputElement).value)} /></div>
      </div>
      <div class="actions">
        <button type="button" class="secondary" onClick={() => { setHours('0'); if (absence === '') setAbsence('maladie'); }}>Absent toute la journée</button>
        <button type="submit">Enregistrer l’exception</button>
      </div>
      {error !== null && <p class="error-text" role="alert">{error}</p>}
    </form>
  );
}

function Totals({ data, members, date }: { data: ProductionData; members: SalarieRow[]; date: string }) {
  // Time entry rows are the rule's facts as they are.
  const entries = data.entries;
  const week = weekTotals(entries, date);
  const month = monthOf(date);
  const monthly = monthTotals(entries, month);
  const monday = mondayOf(date);
  return (
    <section aria-labelledby="totals-title">
      <h3 id="totals-title">Totaux de la semaine du {longDate(monday)} et du mois</h3>
      <div class="table-wrap" tabIndex={0} role="region" aria-label="Totaux par salarié">
        <table class="totals">
          <thead><tr><th scope="col">Salarié</th><th scope="col">Contrat / sem.</th><th scope="col">Semaine</th><th scope="col">Mois : travaillées</th><th scope="col">Mois : absences</th><th scope="col">Remarques</th></tr></thead>
          <tbody>
            {members.map((m) => {
              const facts = data.facts.get(m.id);
              const c = facts ? contractOn(facts, date) : undefined;
              const w = week.get(m.id) ?? emptyTotals();
              const mt = monthly.get(m.id) ?? emptyTotals();
              const checks = [
                ...(c ? totalsChecks(w, toCenti(c.weeklyHours)).filter((x) => x.code === 'heures_au_dessus').map((x) => ({ ...x, message: `Semaine : ${x.message}` })) : []),
                ...(facts ? totalsChecks(mt, expectedMonthCenti(facts.contracts, month)).filter((x) => x.code === 'heures_au_dessus').map((x) => ({ ...x, message: `Mois : ${x.message}` })) : []),
              ];
              return (
                <tr key={m.id}>
                  <th scope="row">{fullName(m)}</th>
                  <td>{c ? fmtHours(c.weeklyHours) : '—'}</td>
                  <td>{fmtHours(fromCenti(w.worked))}</td>
                  <td>{fmtHours(fromCenti(mt.worked))}</td>
                  <td>{fmtHours(fromCenti(absenceTotal(mt)))}</td>
                  <td><CheckList checks={checks} /></td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
