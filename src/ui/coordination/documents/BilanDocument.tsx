// The printed bilan (intermédiaire or final) of a period, laid out from composeBilan
// (domain/documents/bilan.ts): a summary, each competence's level at the start and the end of the
// period, the objectives, the PMSMP, the livret entries its audience may read, and room for the
// signatures of the entretien.
import type { DocumentsData } from '../../../client/queries/dossier';
import { OBJECTIVE_STATE_LABELS } from '../../../domain/competences/objectives';
import { BILAN_KIND_LABELS, composeBilan, type BilanKind } from '../../../domain/documents/bilan';
import type { Audience, Period } from '../../../domain/documents/period';
import { byFrench, fullName } from '../../../domain/people';
import { exitKindLabel } from '../../../domain/rules/exits';
import { EVALUATION_CONTEXT_LABELS } from '../../../domain/rules/labels';
import { levelText, toLevel } from '../../../domain/rules/matrix';
import { Icon } from '../../icons/Icon';
import { OBJECTIVE_STATE_ICONS } from '../../icons/marks';
import { shortDate } from '../../shell/format';
import { AudienceNote } from './AudienceNote';
import { DocumentHeader, periodText } from './DocumentHeader';
import { EntryList } from './EntryList';

const UNKNOWN_COMPETENCE = 'Compétence retirée du référentiel';

function progressText(progress: number): string {
  if (progress === 0) return 'Stable';
  const n = Math.abs(progress);
  return `${progress > 0 ? '+' : '−'}${n} niveau${n > 1 ? 'x' : ''}`;
}

export function BilanDocument({ data, period, audience, kind, today }: { data: DocumentsData; period: Period; audience: Audience; kind: BilanKind; today: string }) {
  const salarieId = data.salarie?.id ?? '';
  const bilan = composeBilan({ salarieId, period, audience, evaluations: data.evaluations, objectives: data.objectives, pmsmps: data.pmsmps, entries: data.entries });
  const label = new Map(data.competences.map((c) => [c.id, c.label]));
  const nameOf = (id: string) => label.get(id) ?? UNKNOWN_COMPETENCE;
  const competences = [...bilan.competences].sort((a, b) => byFrench(nameOf(a.competenceId), nameOf(b.competenceId)));
  const { summary } = bilan;
  const exit = data.salarie?.exitDate;
  return (
    <article class="print-doc" aria-label={`${BILAN_KIND_LABELS[kind]} à imprimer`}>
      <DocumentHeader structureName={data.structure?.name} siret={data.structure?.siret} title={BILAN_KIND_LABELS[kind]}
        person={fullName(data.salarie)} covers={periodText(period.from, period.to)} today={today}>
        <AudienceNote audience={audience} />
      </DocumentHeader>

      <section aria-labelledby="bilan-summary">
        <h3 id="bilan-summary">Synthèse</h3>
        <ul>
          <li>{summary.evaluated} compétence{summary.evaluated > 1 ? 's' : ''} évaluée{summary.evaluated > 1 ? 's' : ''} sur la période, dont {summary.progressed} en progrès et {summary.acquired} acquise{summary.acquired > 1 ? 's' : ''}.</li>
          <li>Objectifs : {summary.objectivesReached} atteint{summary.objectivesReached > 1 ? 's' : ''} sur {summary.objectivesTotal}.</li>
          <li>PMSMP : {bilan.pmsmps.length === 0 ? 'aucune sur la période' : bilan.pmsmps.length}.</li>
          {kind === 'final' && exit && <li>Sortie le {shortDate(exit)}{data.salarie?.exitKind ? ` : ${exitKindLabel(data.salarie.exitKind) ?? ''}` : ''}.</li>}
        </ul>
      </section>

      <section aria-labelledby="bilan-competences">
        <h3 id="bilan-competences">Compétences</h3>
        {competences.length === 0 ? <p>Aucune évaluation sur la période.</p> : (
          <table>
            <thead><tr><th scope="col">Compétence</th><th scope="col">Début de période</th><th scope="col">Fin de période</th><th scope="col">Progression</th><th scope="col">Observée en</th><th scope="col">Auto-évaluation</th></tr></thead>
            <tbody>
              {competences.map((c) => (
                <tr key={c.competenceId}>
                  <th scope="row">{nameOf(c.competenceId)}</th>
                  <td>{levelText(c.before)}</td>
                  <td>{levelText(c.after)}</td>
                  <td>{progressText(c.progress)}</td>
                  <td>{c.contexts.map((x) => EVALUATION_CONTEXT_LABELS[x]).join(', ') || '—'}</td>
                  <td>{c.self === null ? '—' : levelText(c.self)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="bilan-objectives">
        <h3 id="bilan-objectives">Objectifs</h3>
        {bilan.objectives.length === 0 ? <p>Aucun objectif sur la période.</p> : (
          <table>
            <thead><tr><th scope="col">Compétence</th><th scope="col">Niveau visé</th><th scope="col">Échéance</th><th scope="col">Niveau en fin de période</th><th scope="col">État</th></tr></thead>
            <tbody>
              {bilan.objectives.map(({ objective: o, level, state }) => (
                <tr key={o.id}>
                  <th scope="row">{nameOf(o.competenceId)}</th>
                  <td>{levelText(toLevel(o.targetLevel))}</td>
                  <td>{shortDate(o.dueDate)}</td>
                  <td>{levelText(level)}</td>
                  <td><Icon icon={OBJECTIVE_STATE_ICONS[state]} size={16} /> {OBJECTIVE_STATE_LABELS[state]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="bilan-pmsmp">
        <h3 id="bilan-pmsmp">Périodes de mise en situation (PMSMP)</h3>
        {bilan.pmsmps.length === 0 ? <p>Aucune PMSMP sur la période.</p> : (
          <ul>
            {bilan.pmsmps.map((p) => (
              <li key={p.id}>
                <strong>{p.company}</strong>, du {shortDate(p.start)} au {shortDate(p.end)}
                {p.objective && <p class="doc-text">Objectif : {p.objective}</p>}
                {p.outcome && <p class="doc-text">Bilan : {p.outcome}</p>}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="bilan-entries">
        <h3 id="bilan-entries">Notes du livret de suivi</h3>
        <EntryList entries={bilan.entries} names={data.names} showVisibility={audience === 'equipe'}
          empty={audience === 'salarie' ? 'Aucune note partagée avec le salarié sur cette période.' : 'Aucune note sur cette période.'} />
      </section>

      <section aria-labelledby="bilan-sign">
        <h3 id="bilan-sign">Observations et signatures</h3>
        <div class="doc-signatures">
          <div>Le salarié</div>
          <div>Pour la structure (encadrant, CIP)</div>
        </div>
      </section>
    </article>
  );
}
