// Open badges of one salarié on their parcours. Issuing follows the domain's rules
// (domain/badges): a badge for a competence acquis (level 3 or more from an official evaluation),
// or for a whole activity once every competence of it is; the coordination always, the ETI only
// when the structure allows it (the button is not shown otherwise; the server checks again). A
// badge written here is signed by the server once it reaches it: downloading (JSON or PNG with the
// credential baked in) goes through BadgeDownload and needs a connection.
import { useState } from 'preact/hooks';
import { Award } from 'lucide';
import { activityAcquired, isAcquired } from '../../domain/badges/eligibility';
import { mayIssueBadges } from '../../domain/badges/issuers';
import { uuidv7 } from '../../domain/ids';
import { LEVEL_INFO, matrixKey, type MatrixCell } from '../../domain/rules/matrix';
import type { BadgeRow } from '../../client/queries/competences';
import type { ActivityRow, Competence } from '../../client/queries/matrix';
import type { SessionUser } from '../../sync/protocol';
import { BadgeDownload } from '../badges/BadgeDownload';
import { Icon } from '../icons/Icon';
import { useLiveQuery } from '../shell/hooks/useLiveQuery';
import { useServices } from '../shell/services';
import { isoDay, shortDate } from '../shell/format';
import { writeErrorMessage } from '../shell/writeError';

export function BadgeList({ salarieId, user, cells, competences }: { salarieId: string; user: SessionUser; cells: ReadonlyMap<string, MatrixCell> | undefined; competences: readonly Competence[] }) {
  const { queries, write, now } = useServices();
  const badges = useLiveQuery<BadgeRow[]>(() => queries.competences.badgesOf(salarieId), [salarieId], []);
  const progress = useLiveQuery(() => queries.competences.progressOf(salarieId), [salarieId]);
  const activities = useLiveQuery<ActivityRow[]>(() => queries.competences.activities(), [], []);
  const structure = useLiveQuery(() => queries.competences.structure(user.structureId), [user.structureId]);
  const [error, setError] = useState<string | null>(null);
  const today = isoDay(now());
  const evaluations = progress?.evaluations ?? [];
  const competenceById = new Map(competences.map((c) => [c.id, c]));
  const activityById = new Map(activities.map((a) => [a.id, a]));
  const badgedCompetences = new Set(badges.flatMap((b) => (b.competenceId ? [b.competenceId] : [])));
  const badgedActivities = new Set(badges.flatMap((b) => (b.activityId ? [b.activityId] : [])));

  // The parcours is opened for the salariés in the user's scope; the server checks the team again.
  const canIssue = mayIssueBadges({ role: user.role, ownsSalarie: true, etiMayIssueBadges: structure?.etiMayIssueBadges === true });
  const eligibleCompetences = competences.filter((c) => !badgedCompetences.has(c.id) && isAcquired(evaluations, salarieId, c.id, today));
  const eligibleActivities = activities.filter((a) => !badgedActivities.has(a.id)
    && activityAcquired(evaluations, salarieId, competences.filter((c) => c.activityId === a.id).map((c) => c.id), today));

  function titleOf(b: BadgeRow): string {
    if (b.activityId) return `Activité « ${activityById.get(b.activityId)?.name ?? 'Activité'} »`;
    return competenceById.get(b.competenceId ?? '')?.label ?? 'Compétence';
  }

  async function issue(target: { competenceId: string } | { activityId: string }) {
    setError(null);
    try {
      await write('badge', uuidv7(), { structureId: user.structureId, salarieId, ...target, issuedOn: today, issuerId: user.id });
    } catch (e) {
      setError(writeErrorMessage(e));
    }
  }

  return (
    <section aria-labelledby="badges-title">
      <h3 id="badges-title">Open badges ({badges.length})</h3>
      {error !== null && <p class="error-text" role="alert">{error}</p>}
      {badges.length === 0 ? <p>Aucun badge délivré pour l’instant.</p> : (
        <ul class="list">
          {badges.map((b) => {
            const title = titleOf(b);
            const level = b.competenceId ? cells?.get(matrixKey(salarieId, b.competenceId))?.level : undefined;
            return (
              <li key={b.id} class="card" data-testid="badge">
                <p class="row-between">
                  <span><Icon icon={Award} /> {title}{level === undefined ? '' : ` — ${LEVEL_INFO[level].label}`}</span>
                  <span class="meta">délivré le {shortDate(b.issuedOn)}</span>
                </p>
                <BadgeDownload badgeId={b.id} label={title} />
              </li>
            );
          })}
        </ul>
      )}
      {canIssue && (eligibleCompetences.length > 0 || eligibleActivities.length > 0) && (
        <>
          <p>Acquis sans badge :</p>
          <div class="actions">
            {eligibleActivities.map((a) => (
              <button key={a.id} type="button" class="secondary" onClick={() => void issue({ activityId: a.id })}>Délivrer le badge de l’activité « {a.name} »</button>
            ))}
            {eligibleCompetences.map((c) => (
              <button key={c.id} type="button" class="secondary" onClick={() => void issue({ competenceId: c.id })}>Délivrer le badge « {c.label} »</button>
            ))}
          </div>
        </>
      )}
      {!canIssue && user.role === 'eti' && (eligibleCompetences.length > 0 || eligibleActivities.length > 0) && (
        <p class="meta">Des compétences sont acquises : la coordination peut délivrer les badges.</p>
      )}
    </section>
  );
}
