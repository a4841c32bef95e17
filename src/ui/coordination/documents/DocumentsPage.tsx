// A salarié's printable documents (coordination), routes `#/salaries/<id>/livret-imprime`,
// `/bilan` and `/attestation`: the choices above (period, whose copy, kind of bilan, date of the
// attestation) and the document below, laid out for paper. The choices are `no-print`; the
// document's own stylesheet (documents.css) hides the app's header and tabs on paper.
// « Imprimer » is the browser's print dialog, which also saves as PDF.
import { useState } from 'preact/hooks';
import type { DocumentsData } from '../../../client/queries/dossier';
import { BILAN_KIND_LABELS, type BilanKind } from '../../../domain/documents/bilan';
import { AUDIENCE_LABELS, periodProblem, type Audience, type Period } from '../../../domain/documents/period';
import { fullName } from '../../../domain/people';
import { addMonths } from '../../../domain/rules/dates';
import { isoDay } from '../../shell/format';
import { useLiveQuery } from '../../shell/hooks/useLiveQuery';
import { useServices } from '../../shell/services';
import { AttestationDocument } from './AttestationDocument';
import { AUDIENCE_NOTES } from './AudienceNote';
import { BilanDocument } from './BilanDocument';
import { LivretDocument } from './LivretDocument';
import './documents.css';

export type DocumentKind = 'livret' | 'bilan' | 'attestation';

export const DOCUMENT_TITLES: Readonly<Record<DocumentKind, string>> = {
  livret: 'Livret de suivi',
  bilan: 'Bilan',
  attestation: 'Attestation de compétences',
};

/** The route of each document, below `#/salaries/<id>/`. */
export const DOCUMENT_ROUTES: Readonly<Record<DocumentKind, string>> = {
  livret: 'livret-imprime',
  bilan: 'bilan',
  attestation: 'attestation',
};

export function DocumentsPage({ salarieId, doc }: { salarieId: string; doc: DocumentKind }) {
  const services = useServices();
  const today = isoDay(services.now());
  // null: read, and the person is not on this device.
  const data = useLiveQuery<DocumentsData | null>(async () => {
    const d = await services.queries.dossier.documents(salarieId);
    return d.salarie === undefined ? null : d;
  }, [salarieId]);
  if (data === undefined) return <p>Chargement…</p>;
  if (data === null) return <p>Ce salarié n’est pas sur cette tablette. <a href="#/salaries">Retour à la liste</a></p>;
  // Keyed: another document or person starts from its own default choices.
  return <Documents key={`${salarieId}-${doc}`} data={data} doc={doc} today={today} />;
}

/** Intermediate: the last six months of the parcours; final: the whole parcours up to the exit. */
function defaultPeriod(data: DocumentsData, kind: BilanKind | null, today: string): Period {
  const entry = data.salarie?.entryDate ?? null;
  if (kind === 'final') return { from: entry ?? addMonths(today, -24), to: data.salarie?.exitDate ?? today };
  const sixMonths = addMonths(today, -6);
  return { from: entry !== null && entry > sixMonths ? entry : sixMonths, to: today };
}

function Documents({ data, doc, today }: { data: DocumentsData; doc: DocumentKind; today: string }) {
  const salarieId = data.salarie?.id ?? '';
  const [kind, setKind] = useState<BilanKind>(data.salarie?.exitDate ? 'final' : 'intermediaire');
  const [period, setPeriod] = useState<Period>(() => defaultPeriod(data, doc === 'bilan' ? kind : null, today));
  const [audience, setAudience] = useState<Audience>('salarie');
  const [asOf, setAsOf] = useState(today);
  const problem = doc === 'attestation' ? (asOf === '' ? 'Indiquez la date de l’attestation.' : null) : periodProblem(period);

  function chooseKind(k: BilanKind) {
    setKind(k);
    setPeriod(defaultPeriod(data, k, today));
  }

  return (
    <section aria-labelledby="doc-title" class="documents">
      <div class="no-print">
        <div class="row-between">
          <h2 id="doc-title">{DOCUMENT_TITLES[doc]} — {fullName(data.salarie)}</h2>
          <a class="button secondary" href={`#/salaries/${salarieId}`}>Retour à la fiche</a>
        </div>
        <nav class="doc-nav" aria-label="Documents à imprimer">
          {(Object.keys(DOCUMENT_TITLES) as DocumentKind[]).map((d) => (
            <a key={d} class="button secondary" href={`#/salaries/${salarieId}/${DOCUMENT_ROUTES[d]}`} aria-current={d === doc ? 'page' : undefined}>{DOCUMENT_TITLES[d]}</a>
          ))}
        </nav>
        <form class="card doc-controls" onSubmit={(e) => { e.preventDefault(); if (problem === null) window.print(); }}>
          {doc === 'bilan' && (
            <fieldset>
              <legend class="label">Type de bilan</legend>
              <div class="choices">
                {(['intermediaire', 'final'] as const).map((k) => (
                  <label key={k} class="choice"><input type="radio" name="bilan-kind" checked={kind === k} onChange={() => chooseKind(k)} /> {BILAN_KIND_LABELS[k]}</label>
                ))}
              </div>
            </fieldset>
          )}
          {doc === 'attestation' ? (
            <label class="field">
              <span class="label">Compétences acquises au</span>
              <input type="date" value={asOf} max={today} onInput={(e) => setAsOf(e.currentTarget.value)} />
            </label>
          ) : (
            <>
              <fieldset>
                <legend class="label">Période</legend>
                <div class="dates">
                  <label class="field"><span>Du</span> <input type="date" value={period.from} onInput={(e) => setPeriod({ ...period, from: e.currentTarget.value })} /></label>
                  <label class="field"><span>Au</span> <input type="date" value={period.to} onInput={(e) => setPeriod({ ...period, to: e.currentTarget.value })} /></label>
                </div>
              </fieldset>
              <fieldset>
                <legend class="label">Version</legend>
                <div class="choices">
                  {(['salarie', 'equipe'] as const).map((a) => (
                    <label key={a} class="choice"><input type="radio" name="audience" checked={audience === a} onChange={() => setAudience(a)} /> {AUDIENCE_LABELS[a]}</label>
                  ))}
                </div>
                <p class="hint">{AUDIENCE_NOTES[audience]} Les notes privées ne sont jamais imprimées.</p>
              </fieldset>
            </>
          )}
          {problem !== null && <p class="error-text" role="alert">{problem}</p>}
          <div class="actions">
            <button type="submit" disabled={problem !== null}>Imprimer</button>
          </div>
        </form>
      </div>
      {problem === null && (
        doc === 'livret' ? <LivretDocument data={data} period={period} audience={audience} today={today} />
          : doc === 'bilan' ? <BilanDocument data={data} period={period} audience={audience} kind={kind} today={today} />
            : <AttestationDocument data={data} asOf={asOf} today={today} />
      )}
    </section>
  );
}
