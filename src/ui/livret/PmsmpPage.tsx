// PMSMP (immersion in another company) of one salarié: company, dates, objective, outcome, and
// the competences observed there, each recorded as an evaluation with context « PMSMP » so the
// matrix and its history show it. The coordination writes the PMSMP itself (access table); the
// ETI reads it and records what was observed.
import { LevelBall } from '../icons/LevelBall';
import { useState } from 'preact/hooks';
import { checkPmsmp } from '../../domain/rules/contracts';
import { COMPETENCE_LEVELS, LEVEL_INFO, toLevel } from '../../domain/rules/matrix';
import { uuidv7 } from '../../domain/ids';
import { useServices } from '../shell/services';
import { useLiveQuery } from '../shell/hooks/useLiveQuery';
import { isoDay, shortDate } from '../shell/format';
import { writeErrorMessage } from '../shell/writeError';
import type { PmsmpRow } from '../../client/queries/livret';
import type { CompetenceRow, EvaluationRow } from '../../client/queries/salarieCompetences';
import { fullName } from '../../domain/people';
import type { SessionUser } from '../../sync/protocol';
import { LevelMark } from '../competences/LevelMark';

function PmsmpForm({ salarieId, user, onDone }: { salarieId: string; user: SessionUser; onDone(): void }) {
  const { write } = useServices();
  const [company, setCompany] = useState('');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [objective, setObjective] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function save(ev: Event) {
    ev.preventDefault();
    if (company.trim() === '') return setError('Indiquez l’entreprise d’accueil.');
    if (start === '' || end === '') return setError('Indiquez les dates de début et de fin.');
    const problems = checkPmsmp({ start, end });
    if (problems.length > 0) return setError(problems[0]!.message);
    try {
      const o = objective.trim();
      await write('pmsmp', uuidv7(), { structureId: user.structureId, salarieId, company: company.trim(), start, end, ...(o === '' ? {} : { objective: o }) });
      onDone();
    } catch (e) {
      setError(writeErrorMessage(e));
    }
  }

  return (
    <form class="card" onSubmit={save} noValidate aria-labelledby="pmsmp-form-title">
      <h3 id="pmsmp-form-title">Nouvelle PMSMP</h3>
      <div class="field"><label for="pmsmp-company">Entreprise d’accueil</label><input id="pmsmp-company" value={company} maxLength={200} onInput={(e) => setCompany(e.currentTarget.value)} /></div>
      <div class="row">
        <div class="field"><label for="pmsmp-start">Début</label><input id="pmsmp-start" type="date" value={start} onInput={(e) => setStart(e.currentTarget.value)} /></div>
        <div class="field"><label for="pmsmp-end">Fin</label><input id="pmsmp-end" type="date" value={end} onInput={(e) => setEnd(e.currentTarget.value)} /></div>
      </div>
      <div class="field"><label for="pmsmp-objective">Objectif</label><textarea id="pmsmp-objective" value={objective} onInput={(e) => setObjective(e.currentTarget.value)} /></div>
      {error !== null && <p class="error-text" role="alert">{error}</p>}
      <div class="actions"><button type="submit">Enregistrer la PMSMP</button><button type="button" class="secondary" onClick={onDone}>Annuler</button></div>
    </form>
  );
}

function PmsmpCard({ p, user, competences, evaluations }: { p: PmsmpRow; user: SessionUser; competences: readonly CompetenceRow[]; evaluations: readonly EvaluationRow[] }) {
  const { write, now } = useServices();
  const [outcome, setOutcome] = useState(p.outcome ?? '');
  const [competenceId, setCompetenceId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const byId = new Map(competences.map((c) => [c.id, c]));
  const { start, end } = p;
  const observed = evaluations.filter((e) => e.context === 'pmsmp' && e.date >= start && e.date <= end);
  const coordinator = user.role === 'coordinator';

  async function saveOutcome() {
    setError(null);
    try { await write('pmsmp', p.id, { outcome: outcome.trim() === '' ? null : outcome.trim() }); setStatus('Bilan enregistré.'); } catch (e) { setError(writeErrorMessage(e)); }
  }

  async function observe(level: number) {
    if (competenceId === '') return setError('Choisissez la compétence observée.');
    setError(null);
    const today = isoDay(now());
    try {
      await write('evaluation', uuidv7(), {
        structureId: user.structureId, salarieId: p.salarieId, competenceId, level, context: 'pmsmp',
        date: today < end ? (today < start ? start : today) : end, evaluatorId: user.id, comment: `Observé en PMSMP chez ${p.company}`,
      });
      const ids = p.competenceIds ?? [];
      if (coordinator && !ids.includes(competenceId)) await write('pmsmp', p.id, { competenceIds: [...ids, competenceId] });
      setStatus(`Évaluation PMSMP enregistrée : ${byId.get(competenceId)?.label ?? ''}, ${LEVEL_INFO[toLevel(level)].label}.`);
      setCompetenceId('');
    } catch (e) {
      setError(writeErrorMessage(e));
    }
  }

  return (
    <li class="card" data-testid="pmsmp">
      <h3>{p.company} <span class="meta">du {shortDate(start)} au {shortDate(end)}</span></h3>
      {(p.objective ?? '') !== '' && <p><strong>Objectif :</strong> {p.objective}</p>}
      {coordinator ? (
        <div class="field">
          <label for={`outcome-${p.id}`}>Bilan</label>
          <textarea id={`outcome-${p.id}`} value={outcome} onInput={(e) => setOutcome(e.currentTarget.value)} />
          <button type="button" class="secondary" onClick={() => void saveOutcome()}>Enregistrer le bilan</button>
        </div>
      ) : (
        <p><strong>Bilan :</strong> {p.outcome || 'pas encore rédigé (la coordination le rédige).'}</p>
      )}
      <h4>Compétences observées ({observed.length})</h4>
      {observed.length > 0 && (
        <ul>{observed.map((e) => <li key={e.id}>{byId.get(e.competenceId)?.label ?? 'Compétence'} : <LevelMark level={toLevel(e.level)} /> <span class="meta">({shortDate(e.date)})</span></li>)}</ul>
      )}
      <fieldset>
        <legend>Ajouter une compétence observée</legend>
        <label for={`observe-${p.id}`}>Compétence</label>
        <select id={`observe-${p.id}`} value={competenceId} onChange={(e) => setCompetenceId(e.currentTarget.value)}>
          <option value="">— choisir —</option>
          {competences.map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
        </select>
        <div class="actions" role="group" aria-label="Niveau observé">
          {COMPETENCE_LEVELS.map((l) => <button key={l} type="button" class={`secondary lvl-${l}`} onClick={() => void observe(l)}><LevelBall level={l} /> {l} {LEVEL_INFO[l].label}</button>)}
        </div>
      </fieldset>
      {error !== null && <p class="error-text" role="alert">{error}</p>}
      {status !== null && <p class="hint" role="status">{status}</p>}
    </li>
  );
}

export function PmsmpPage({ salarieId, user }: { salarieId: string; user: SessionUser }) {
  const { queries } = useServices();
  const salarie = useLiveQuery(() => queries.livret.salarie(salarieId), [salarieId]);
  const list = useLiveQuery(() => queries.livret.pmsmpsOf(salarieId), [salarieId], []);
  const competences = useLiveQuery(() => queries.livret.competences(), [], []);
  const evaluations = useLiveQuery(() => queries.livret.evaluationsOf(salarieId), [salarieId], []);
  const [adding, setAdding] = useState(false);
  return (
    <section aria-labelledby="pmsmp-title">
      <h2 id="pmsmp-title">PMSMP — {fullName(salarie)}</h2>
      <p class="hint">Période de mise en situation en milieu professionnel : 30 jours calendaires au plus.</p>
      {user.role === 'coordinator'
        ? (adding ? <PmsmpForm salarieId={salarieId} user={user} onDone={() => setAdding(false)} /> : <button type="button" onClick={() => setAdding(true)}>Nouvelle PMSMP</button>)
        : <p class="hint">Seule la coordination crée ou modifie une PMSMP ; vous pouvez y ajouter les compétences observées.</p>}
      {list.length === 0 ? <p>Aucune PMSMP pour l’instant.</p> : (
        <ul class="list">{list.map((p) => <PmsmpCard key={p.id} p={p} user={user} competences={competences} evaluations={evaluations} />)}</ul>
      )}
    </section>
  );
}
