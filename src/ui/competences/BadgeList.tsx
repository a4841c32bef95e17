// Open badges of one salarié: delivered for acquired competences (level 3 or more) by the team,
// and downloadable by anyone who sees them as an Open Badges 2.0 JSON-LD file, offline.
import { useState } from 'preact/hooks';
import { LEVEL_INFO, levelText, matrixKey, type MatrixCell } from '../../domain/rules/matrix';
import { openBadgeAssertion } from '../../domain/competences/openBadge';
import { uuidv7 } from '../../domain/ids';
import { useServices } from '../shell/services';
import { useLiveQuery } from '../shell/hooks/useLiveQuery';
import { isoDay, shortDate } from '../shell/format';
import { writeErrorMessage } from '../shell/writeError';
import { fullName } from '../../domain/people';
import type { BadgeRow, Competence } from '../../client/queries/competences';
import type { SessionUser } from '../../sync/protocol';

function download(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/ld+json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function BadgeList({ salarieId, user, cells, competences }: { salarieId: string; user: SessionUser; cells: ReadonlyMap<string, MatrixCell> | undefined; competences: readonly Competence[] }) {
  const { queries, write, now } = useServices();
  const badges = useLiveQuery<BadgeRow[]>(() => queries.competences.badgesOf(salarieId), [salarieId], []);
  const salarie = useLiveQuery(() => queries.competences.salarie(salarieId), [salarieId]);
  const structure = useLiveQuery(() => queries.competences.structure(user.structureId), [user.structureId]);
  const [error, setError] = useState<string | null>(null);
  const byId = new Map(competences.map((c) => [c.id, c]));
  const badged = new Set(badges.map((b) => b.competenceId));
  const eligible = competences.filter((c) => !badged.has(c.id) && (cells?.get(matrixKey(salarieId, c.id))?.level ?? 0) >= 3);

  async function deliver(c: Competence) {
    setError(null);
    try {
      const level = cells?.get(matrixKey(salarieId, c.id))?.level ?? 3;
      await write('badge', uuidv7(), { structureId: user.structureId, salarieId, competenceId: c.id, issuedOn: isoDay(now()), issuerId: user.id, evidence: `Niveau ${level} (${LEVEL_INFO[level].label}) observé en situation de travail.` });
    } catch (e) {
      setError(writeErrorMessage(e));
    }
  }

  function exportBadge(b: BadgeRow) {
    const c = byId.get(b.competenceId);
    if (c === undefined) return;
    const level = cells?.get(matrixKey(salarieId, c.id))?.level;
    const phone = salarie?.phone ?? '';
    // Absent texts go in as '' (the file's fields are as they always were).
    const assertion = openBadgeAssertion({
      badge: { id: b.id, issuedOn: b.issuedOn, evidence: b.evidence ?? '' },
      competence: { id: c.id, label: c.label, description: c.description ?? '', romeCode: c.romeCode ?? '' },
      structure: { id: user.structureId, name: structure?.name || 'Structure d’insertion' },
      recipient: phone !== '' ? { type: 'telephone', identity: phone.replace(/\s+/g, '') } : { type: 'url', identity: `urn:uuid:${salarieId}` },
      recipientName: fullName(salarie),
      ...(level === undefined ? {} : { levelText: levelText(level) }),
    });
    download(`badge-${c.label.normalize('NFD').replace(/[^\w]+/g, '-').toLowerCase()}.json`, JSON.stringify(assertion, null, 2));
  }

  return (
    <section aria-labelledby="badges-title">
      <h3 id="badges-title">Open badges ({badges.length})</h3>
      {error !== null && <p class="error-text" role="alert">{error}</p>}
      {badges.length === 0 ? <p>Aucun badge délivré pour l’instant.</p> : (
        <ul class="list">
          {badges.map((b) => {
            const c = byId.get(b.competenceId);
            return (
              <li key={b.id} class="card row-between" data-testid="badge">
                <span><span aria-hidden="true">🏅 </span>{c?.label ?? 'Compétence'} <span class="meta">— délivré le {shortDate(b.issuedOn)}</span></span>
                <button type="button" class="secondary" onClick={() => exportBadge(b)}>Télécharger le badge<span class="sr-only"> {c?.label}</span></button>
              </li>
            );
          })}
        </ul>
      )}
      {user.role !== 'salarie' && eligible.length > 0 && (
        <>
          <p>Compétences acquises sans badge :</p>
          <div class="actions">
            {eligible.map((c) => <button key={c.id} type="button" class="secondary" onClick={() => void deliver(c)}>Délivrer le badge « {c.label} »</button>)}
          </div>
        </>
      )}
    </section>
  );
}
