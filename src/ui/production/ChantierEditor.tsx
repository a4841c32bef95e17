// Create or edit a chantier: client, place, activity, dates, the four phases with their status,
// the quote (hours and amount), safety notes, and the dated list of aléas (appended, never
// rewritten, so the history of what went wrong stays).
import { LevelBall } from '../icons/LevelBall';
import { useState } from 'preact/hooks';
import { uuidv7 } from '../../domain/ids';
import { frDate } from '../../domain/rules/problem';
import { fromCenti } from '../../domain/production/hours';
import { useServices } from '../shell/services';
import { useExternal } from '../shell/hooks/useExternal';
import { useLiveQuery } from '../shell/hooks/useLiveQuery';
import type { TeamRow } from '../../client/queries';
import type { ActivityRow, ChantierRow } from '../../client/queries/production';
import { isoDay } from '../shell/format';
import { navigate } from '../shell/hooks/useRoute';
import { writeErrorMessage } from '../shell/writeError';
import { CheckList } from './CheckList';
import { fmtHours } from './lookups';
import { progressOf, useSpent } from './Chantiers';

const PHASES = ['commande', 'approvisionnement', 'production', 'livraison'] as const;
const PHASE_LABELS: Record<(typeof PHASES)[number], string> = { commande: 'Commande', approvisionnement: 'Approvisionnement', production: 'Production', livraison: 'Livraison' };
const STATUSES = ['a_faire', 'en_cours', 'termine'] as const;
type Status = (typeof STATUSES)[number];
const STATUS_LABELS: Record<Status, string> = { a_faire: 'À faire', en_cours: 'En cours', termine: 'Terminé' };
// The phase's progress as a ball: empty, half, full.
const STATUS_BALL: Record<Status, 0 | 2 | 4> = { a_faire: 0, en_cours: 2, termine: 4 };

type Hazard = { date: string; text: string };

function phasesOf(c: ChantierRow | undefined): Record<string, Status> {
  const out: Record<string, Status> = Object.fromEntries(PHASES.map((p) => [p, 'a_faire']));
  for (const p of c?.phases ?? []) out[p.name] = p.status;
  return out;
}

export function ChantierEditor({ chantierId }: { chantierId: string | null }) {
  const services = useServices();
  const user = useExternal(services.session);
  const today = isoDay(services.now());
  const { production } = services.queries;
  const data = useLiveQuery(() => production.loadProduction(today), [today]);
  const activities = useLiveQuery(() => production.activities(), [], []);
  const spent = useSpent(data);
  if (data === undefined || user === undefined) return <p>Chargement…</p>;
  const existing = chantierId === null ? undefined : data.chantierById.get(chantierId);
  if (chantierId !== null && existing === undefined) return <p>Chantier introuvable sur cette tablette.</p>;
  return (
    <section aria-labelledby="chantier-title">
      <h2 id="chantier-title">{existing ? existing.name : 'Nouveau chantier'}</h2>
      {existing && (() => {
        const p = progressOf(data, spent, existing);
        return <div class="card"><p><strong>Avancement :</strong> {fmtHours(fromCenti(p.spent))} passées{p.quoted !== null ? ` sur ${fmtHours(fromCenti(p.quoted))} au devis` : ''}{p.projected !== null ? ` · prévision à la fin : ${fmtHours(fromCenti(p.projected))}` : ''}</p><CheckList checks={p.checks} /></div>;
      })()}
      <ChantierForm key={chantierId ?? 'new'} existing={existing} teams={data.teams.map((t) => t.team)} activities={activities} structureId={user.structureId} today={today} />
    </section>
  );
}

function ChantierForm({ existing, teams, activities, structureId, today }: { existing: ChantierRow | undefined; teams: TeamRow[]; activities: ActivityRow[]; structureId: string; today: string }) {
  const { write } = useServices();
  // The form's fields are text: an absent value shows as empty.
  const [f, setF] = useState({
    name: existing?.name ?? '', teamId: existing?.teamId ?? teams[0]?.id ?? '', client: existing?.client ?? '', place: existing?.place ?? '',
    activityId: existing?.activityId ?? '', start: existing?.start ?? '', end: existing?.end ?? '',
    quotedHours: existing?.quotedHours != null ? String(existing.quotedHours) : '', quoteAmount: existing?.quoteAmount != null ? String(existing.quoteAmount) : '',
    safetyNotes: existing?.safetyNotes ?? '',
  });
  const [phases, setPhases] = useState(phasesOf(existing));
  const hazards: Hazard[] = existing?.hazards ?? [];
  const [hazard, setHazard] = useState({ date: today, text: '' });
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const set = (k: keyof typeof f) => (e: Event) => setF({ ...f, [k]: (e.target as HTMLInputElement).value });
  const numOrNull = (s: string): number | null => (s.trim() === '' ? null : Number(s.replace(',', '.').replace(/\s/g, '')));

  async function save(ev: Event) {
    ev.preventDefault();
    if (f.name.trim() === '') { setMsg({ ok: false, text: 'Donnez un nom au chantier.' }); return; }
    if (f.teamId === '') { setMsg({ ok: false, text: 'Choisissez l’équipe.' }); return; }
    if (f.start !== '' && f.end !== '' && f.end < f.start) { setMsg({ ok: false, text: 'La fin doit être après le début.' }); return; }
    const qh = numOrNull(f.quotedHours);
    const qa = numOrNull(f.quoteAmount);
    if ((qh !== null && !(qh >= 0)) || (qa !== null && !(qa >= 0))) { setMsg({ ok: false, text: 'Le devis attend des nombres positifs.' }); return; }
    const id = existing?.id ?? uuidv7();
    try {
      await write('chantier', id, {
        ...(existing ? {} : { structureId }),
        name: f.name.trim(), teamId: f.teamId, client: f.client.trim() || null, place: f.place.trim() || null, activityId: f.activityId || null,
        start: f.start || null, end: f.end || null, quotedHours: qh, quoteAmount: qa, safetyNotes: f.safetyNotes.trim() || null,
        phases: PHASES.map((name) => ({ name, status: phases[name] ?? 'a_faire' })),
      });
      setMsg({ ok: true, text: 'Chantier enregistré sur la tablette.' });
      if (!existing) navigate(`/chantier/${id}`);
    } catch (e) {
      setMsg({ ok: false, text: writeErrorMessage(e) });
    }
  }

  async function addHazard(ev: Event) {
    ev.preventDefault();
    if (!existing) return;
    if (hazard.text.trim() === '') { setMsg({ ok: false, text: 'Décrivez l’aléa.' }); return; }
    try {
      await write('chantier', existing.id, { hazards: [...hazards, { date: hazard.date, text: hazard.text.trim() }] });
      setHazard({ date: today, text: '' });
      setMsg({ ok: true, text: 'Aléa ajouté.' });
    } catch (e) {
      setMsg({ ok: false, text: writeErrorMessage(e) });
    }
  }

  return (
    <>
      <form onSubmit={(e) => void save(e)}>
        <div class="row">
          <div class="field"><label for="ch-name">Nom du chantier</label><input id="ch-name" value={f.name} onInput={set('name')} /></div>
          <div class="field"><label for="ch-team">Équipe</label><select id="ch-team" value={f.teamId} onChange={set('teamId')}>{teams.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}</select></div>
        </div>
        <div class="row">
          <div class="field"><label for="ch-client">Client</label><input id="ch-client" value={f.client} onInput={set('client')} /></div>
          <div class="field"><label for="ch-place">Lieu</label><input id="ch-place" value={f.place} onInput={set('place')} /></div>
          <div class="field"><label for="ch-activity">Activité</label><select id="ch-activity" value={f.activityId} onChange={set('activityId')}><option value="">—</option>{activities.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}</select></div>
        </div>
        <div class="row">
          <div class="field"><label for="ch-start">Début</label><input id="ch-start" type="date" value={f.start} onInput={set('start')} /></div>
          <div class="field"><label for="ch-end">Fin</label><input id="ch-end" type="date" value={f.end} onInput={set('end')} /></div>
          <div class="field"><label for="ch-qh">Devis : heures</label><input id="ch-qh" inputMode="decimal" value={f.quotedHours} onInput={set('quotedHours')} /></div>
          <div class="field"><label for="ch-qa">Devis : montant (€)</label><input id="ch-qa" inputMode="decimal" value={f.quoteAmount} onInput={set('quoteAmount')} /></div>
        </div>
        <fieldset>
          <legend>Phases</legend>
          {PHASES.map((p) => (
            <div key={p} class="field">
              <span class="label" id={`ph-${p}`}>{PHASE_LABELS[p]}</span>
              <div class="choices" role="radiogroup" aria-labelledby={`ph-${p}`}>
                {STATUSES.map((s) => <label key={s}><input type="radio" name={`phase-${p}`} checked={phases[p] === s} onChange={() => setPhases({ ...phases, [p]: s })} /><LevelBall level={STATUS_BALL[s]} /> {STATUS_LABELS[s]}</label>)}
              </div>
            </div>
          ))}
        </fieldset>
        <div class="field"><label for="ch-safety">Consignes de sécurité</label><textarea id="ch-safety" value={f.safetyNotes} onInput={set('safetyNotes')} /></div>
        <div class="actions"><button type="submit">Enregistrer le chantier</button><a class="button secondary" href="#/chantiers">Retour aux chantiers</a></div>
      </form>
      {msg !== null && <p class={msg.ok ? 'banner info' : 'banner error'} role={msg.ok ? 'status' : 'alert'}>{msg.text}</p>}
      {existing && (
        <section aria-labelledby="hazards-title">
          <h3 id="hazards-title">Aléas</h3>
          {hazards.length === 0 ? <p>Aucun aléa noté.</p> : (
            <ul class="list">{[...hazards].sort((a, b) => b.date.localeCompare(a.date)).map((h, i) => <li key={`${h.date}-${i}`} class="entry"><strong>{frDate(h.date)}</strong> — {h.text}</li>)}</ul>
          )}
          <form class="row" onSubmit={(e) => void addHazard(e)}>
            <div class="field"><label for="hz-date">Date de l’aléa</label><input id="hz-date" type="date" value={hazard.date} onInput={(e) => setHazard({ ...hazard, date: (e.target as HTMLInputElement).value })} /></div>
            <div class="field"><label for="hz-text">Aléa</label><input id="hz-text" value={hazard.text} maxLength={200} onInput={(e) => setHazard({ ...hazard, text: (e.target as HTMLInputElement).value })} /></div>
            <div><button type="submit" class="secondary">Ajouter l’aléa</button></div>
          </form>
        </section>
      )}
    </>
  );
}
