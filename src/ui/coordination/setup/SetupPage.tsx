// « Premiers pas »: the first run of a structure, for its coordinator. Five steps, each saved on
// the tablet on its own (a coordinator may stop after any of them, offline), each saying whether
// it is done: the structure's settings, a first team, a référentiel (empty, the CSV import of the
// référentiel page, or a starter one for a common activity, written in one batch), the first
// logins (the accounts page) and the salariés already there (the import page).
import { useState } from 'preact/hooks';
import { STRUCTURE_TYPES } from '../../../domain/entities';
import { uuidv7 } from '../../../domain/ids';
import { cleanSiret, setupDone, structureProblems, type StructureDraft, type StructureType } from '../../../domain/imports/setup';
import { planStarter, STARTER_REFERENTIELS, type StarterReferentiel } from '../../../domain/imports/starterReferentiels';
import { nameKey } from '../../../domain/imports/common';
import { STRUCTURE_TYPE_LABELS } from '../../../domain/rules/labels';
import type { EntityRow } from '../../../client/queries';
import { useServices } from '../../shell/services';
import { useExternal } from '../../shell/hooks/useExternal';
import { useLiveQuery } from '../../shell/hooks/useLiveQuery';
import { writeErrorMessage } from '../../shell/writeError';
import { batchErrorMessage } from '../imports/ImportParts';

interface SetupData {
  structure: EntityRow<'structure'> | undefined;
  teams: EntityRow<'team'>[];
  activities: EntityRow<'activity'>[];
  competences: EntityRow<'competence'>[];
  etis: EntityRow<'user'>[];
  salarieCount: number;
}

type Msg = { ok: boolean; text: string } | null;

function Banner({ msg }: { msg: Msg }) {
  if (msg === null) return null;
  return <p class={msg.ok ? 'banner info' : 'banner error'} role={msg.ok ? 'status' : 'alert'}>{msg.text}</p>;
}

function Step({ n, title, done, children }: { n: number; title: string; done: boolean; children: preact.ComponentChildren }) {
  const id = `setup-step-${n}`;
  return (
    <section class={`card setup-step${done ? ' done' : ''}`} aria-labelledby={id}>
      <h3 id={id}>{n}. {title} <span class={`tag ${done ? 'salarie' : 'team'}`}>{done ? 'Fait' : 'À faire'}</span></h3>
      {children}
    </section>
  );
}

function StructureForm({ structureId, existing }: { structureId: string; existing: EntityRow<'structure'> | undefined }) {
  const { write } = useServices();
  const [d, setD] = useState<StructureDraft>({
    name: existing?.name ?? '', type: existing?.type ?? '', siret: existing?.siret ?? '',
    annexeFinanciere: existing?.annexeFinanciere ?? '', etiMayEditReferentiel: existing?.etiMayEditReferentiel === true,
  });
  // Issue 12: kept beside the draft (the draft's shape belongs to domain/imports/setup.ts).
  const [etiMayIssueBadges, setEtiMayIssueBadges] = useState(existing?.etiMayIssueBadges === true);
  const [msg, setMsg] = useState<Msg>(null);
  const problems = structureProblems(d);
  const blocked = Object.values(problems).some((p) => p.blocking);
  const note = (field: keyof StructureDraft) => {
    const p = problems[field];
    return p === undefined ? null : <p id={`st-${field}-msg`} class={p.blocking ? 'error-text' : 'hint'}>{p.blocking ? '' : 'À vérifier : '}{p.message}</p>;
  };
  async function save(ev: Event) {
    ev.preventDefault();
    if (blocked || d.type === '') { setMsg({ ok: false, text: 'Corrigez les champs signalés.' }); return; }
    const siret = cleanSiret(d.siret);
    const annexe = d.annexeFinanciere.trim().toUpperCase().replace(/\s/g, '');
    try {
      await write('structure', structureId, {
        name: d.name.trim(), type: d.type, siret: siret === '' ? null : siret,
        annexeFinanciere: annexe === '' ? null : annexe, etiMayEditReferentiel: d.etiMayEditReferentiel, etiMayIssueBadges,
      });
      setMsg({ ok: true, text: 'Réglages de la structure enregistrés sur la tablette.' });
    } catch (e) {
      setMsg({ ok: false, text: writeErrorMessage(e) });
    }
  }
  return (
    <form onSubmit={(e) => void save(e)} noValidate>
      <div class="row">
        <div class="field"><label for="st-name">Nom de la structure</label><input id="st-name" value={d.name} maxLength={200} aria-describedby="st-name-msg" onInput={(e) => setD({ ...d, name: e.currentTarget.value })} />{note('name')}</div>
        <div class="field"><label for="st-type">Type de SIAE</label>
          <select id="st-type" value={d.type} aria-describedby="st-type-msg" onChange={(e) => { const v = e.currentTarget.value; setD({ ...d, type: STRUCTURE_TYPES.find((t): t is StructureType => t === v) ?? '' }); }}>
            <option value="">—</option>
            {STRUCTURE_TYPES.map((t) => <option key={t} value={t}>{STRUCTURE_TYPE_LABELS[t]}</option>)}
          </select>{note('type')}
        </div>
      </div>
      <div class="row">
        <div class="field"><label for="st-siret">SIRET (14 chiffres)</label><input id="st-siret" inputMode="numeric" value={d.siret} aria-describedby="st-siret-msg" onInput={(e) => setD({ ...d, siret: e.currentTarget.value })} />{note('siret')}</div>
        <div class="field"><label for="st-annexe">Numéro d’annexe financière</label><input id="st-annexe" value={d.annexeFinanciere} maxLength={200} aria-describedby="st-annexeFinanciere-msg" onInput={(e) => setD({ ...d, annexeFinanciere: e.currentTarget.value })} />{note('annexeFinanciere')}</div>
      </div>
      <label class="check"><input type="checkbox" checked={d.etiMayEditReferentiel} onChange={(e) => setD({ ...d, etiMayEditReferentiel: e.currentTarget.checked })} /> Les encadrants techniques peuvent modifier le référentiel</label>
      <label class="check"><input type="checkbox" checked={etiMayIssueBadges} onChange={(e) => setEtiMayIssueBadges(e.currentTarget.checked)} /> Les encadrants peuvent délivrer des badges</label>
      <div class="actions"><button type="submit" disabled={blocked}>Enregistrer la structure</button></div>
      <Banner msg={msg} />
    </form>
  );
}

function TeamForm({ structureId, teams, etis }: { structureId: string; teams: readonly EntityRow<'team'>[]; etis: readonly EntityRow<'user'>[] }) {
  const { write } = useServices();
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [touched, setTouched] = useState(false);
  const [msg, setMsg] = useState<Msg>(null);
  const error = name.trim() === '' ? 'Donnez un nom à l’équipe.' : teams.some((t) => nameKey(t.name) === nameKey(name)) ? 'Une équipe porte déjà ce nom.' : name.trim().length > 200 ? 'Nom trop long (200 caractères au plus).' : null;
  async function save(ev: Event) {
    ev.preventDefault();
    setTouched(true);
    if (error !== null) return;
    try {
      await write('team', uuidv7(), { structureId, name: name.trim(), etiUserIds: chosen });
      setMsg({ ok: true, text: `Équipe « ${name.trim()} » créée sur la tablette.` });
      setName(''); setChosen([]); setTouched(false);
    } catch (e) {
      setMsg({ ok: false, text: writeErrorMessage(e) });
    }
  }
  return (
    <>
      {teams.length > 0 && <p>Équipe(s) : {teams.map((t) => t.name).join(', ')}.</p>}
      <form onSubmit={(e) => void save(e)} noValidate>
        <div class="field"><label for="team-name">{teams.length === 0 ? 'Nom de la première équipe' : 'Nom d’une autre équipe'}</label>
          <input id="team-name" value={name} maxLength={200} aria-describedby="team-name-msg" onInput={(e) => { setName(e.currentTarget.value); setTouched(true); }} />
          {touched && error !== null && <p id="team-name-msg" class="error-text">{error}</p>}
        </div>
        {etis.length === 0 ? <p class="hint">Vous choisirez ses encadrants une fois leurs comptes créés (étape 4).</p> : (
          <fieldset><legend>Encadrants de l’équipe</legend>
            <div class="choices">{etis.map((u) => (
              <label key={u.id}><input type="checkbox" checked={chosen.includes(u.id)} onChange={() => setChosen(chosen.includes(u.id) ? chosen.filter((x) => x !== u.id) : [...chosen, u.id])} />{u.displayName}</label>
            ))}</div>
          </fieldset>
        )}
        <div class="actions"><button type="submit">Créer l’équipe</button></div>
        <Banner msg={msg} />
      </form>
    </>
  );
}

function ReferentielStep({ structureId, data }: { structureId: string; data: SetupData }) {
  const { writeMany } = useServices();
  const [msg, setMsg] = useState<Msg>(null);
  const [busy, setBusy] = useState(false);
  const present = (s: StarterReferentiel) => data.activities.some((a) => nameKey(a.name) === nameKey(s.activity));
  async function add(s: StarterReferentiel) {
    setBusy(true);
    try {
      await writeMany(planStarter(s, { activities: data.activities, competences: data.competences }, structureId, uuidv7));
      setMsg({ ok: true, text: `Référentiel « ${s.activity} » ajouté (${s.competences.length} compétences) : adaptez-le sur la page Référentiel.` });
    } catch (e) {
      setMsg({ ok: false, text: batchErrorMessage(e) });
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <p>{data.competences.length === 0 ? 'Aucune compétence pour l’instant.' : `${data.competences.length} compétence(s) dans ${data.activities.length} activité(s).`}</p>
      <p>Trois façons de commencer : partir de zéro ou importer votre grille (CSV) sur la <a href="#/referentiel">page Référentiel</a>, ou partir d’un référentiel de départ, à adapter ensuite :</p>
      <ul class="list">
        {STARTER_REFERENTIELS.map((s) => (
          <li key={s.key} class="row-between">
            <span><strong>{s.activity}</strong> <span class="hint">{s.competences.length} compétences, dont {s.competences.filter((c) => c.safetyCritical).length} critiques pour la sécurité</span></span>
            <button type="button" class="secondary" disabled={busy || present(s)} onClick={() => void add(s)}>{present(s) ? `« ${s.activity} » déjà présent` : `Ajouter « ${s.activity} »`}</button>
          </li>
        ))}
      </ul>
      <Banner msg={msg} />
    </>
  );
}

export function SetupPage() {
  const services = useServices();
  const user = useExternal(services.session);
  const structureId = user?.structureId;
  const data = useLiveQuery<SetupData | undefined>(async () => {
    if (structureId === undefined) return undefined;
    const { list, get } = services.queries.records;
    const [structure, teams, activities, competences, users, salaries] = await Promise.all([
      get('structure', structureId), list('team'), list('activity'), list('competence'), list('user'), list('salarie'),
    ]);
    return { structure, teams, activities, competences, etis: users.filter((u) => u.role === 'eti' && u.active !== false), salarieCount: salaries.length };
  }, [structureId]);
  if (user === undefined) return null;
  if (user.role !== 'coordinator') return <p class="banner info">Réservé à la coordination.</p>;
  if (data === undefined) return <p>Chargement…</p>;
  const done = setupDone({ structure: data.structure, teamCount: data.teams.length, competenceCount: data.competences.length, etiLoginCount: data.etis.length, salarieCount: data.salarieCount });
  const count = Object.values(done).filter(Boolean).length;
  return (
    <section aria-labelledby="setup-title" class="setup">
      <h2 id="setup-title">Premiers pas</h2>
      <p>Préparez votre structure en quelques étapes, dans l’ordre que vous voulez. Chaque étape s’enregistre sur la tablette, même hors connexion. <strong>{count} étape(s) sur 5 faite(s).</strong></p>
      <Step n={1} title="Votre structure" done={done.structure}>
        <StructureForm key={data.structure === undefined ? 'new' : 'loaded'} structureId={user.structureId} existing={data.structure} />
      </Step>
      <Step n={2} title="Une première équipe" done={done.team}>
        <TeamForm structureId={user.structureId} teams={data.teams} etis={data.etis} />
      </Step>
      <Step n={3} title="Le référentiel de compétences" done={done.referentiel}>
        <ReferentielStep structureId={user.structureId} data={data} />
      </Step>
      <Step n={4} title="Les premiers comptes" done={done.logins}>
        <p>Créez les comptes des encadrants techniques (et des salariés qui utiliseront l’application) : <a href="#/comptes">page Comptes</a>. Cette étape demande une connexion.</p>
      </Step>
      <Step n={5} title="Les salariés déjà présents" done={done.salaries}>
        <p>Importez-les depuis votre tableur ou depuis Les emplois de l’inclusion : <a href="#/import">page Importer</a>.</p>
      </Step>
    </section>
  );
}
