// One reviewer's inbox: the filter bar, then the alerts « À traiter » (each with its follow-up
// form) and the entries unread for this reviewer, newest first, a page at a time so that a long
// inbox renders quickly (a short first page: the home's first frame, issue 11). « Tout marquer
// comme lu » writes one review per entry the filters keep that is still unread, the pages not yet
// shown included (its label gives the count), all in one batch (all or nothing). The rules are the pure ones of domain/review;
// this file only reads, shows and writes. A reopened home paints from the last read remembered
// for this reviewer and day (client/queries/coordination.ts) while the live read confirms it.
import { useMemo, useState } from 'preact/hooks';
import type { BatchChange } from '../../../client/repository';
import { inboxKey } from '../../../client/queries/coordination';
import type { LogEntryRow } from '../../../client/queries/livret';
import { uuidv7 } from '../../../domain/ids';
import { fullName } from '../../../domain/people';
import { preferReview } from '../../../domain/review/alerts';
import { isFiltered, NO_FILTER, type InboxFilter } from '../../../domain/review/filters';
import { inboxView, markShownRead } from '../../../domain/review/inbox';
import { FIRST_LOOKBACK_DAYS, isUnread } from '../../../domain/review/readState';
import type { SessionUser } from '../../../sync/protocol';
import { isoDay, shortDate } from '../../shell/format';
import { useRememberedQuery } from '../../shell/hooks/useRememberedQuery';
import { useServices } from '../../shell/services';
import { writeErrorMessage } from '../../shell/writeError';
import { FollowUpForm } from './FollowUpForm';
import { InboxEntry } from './InboxEntry';
import { InboxFilters } from './InboxFilters';
import { inboxOptions } from './inboxOptions';
import './inbox.css';

/** Entries in the first page of each block: alerts à traiter (each with its follow-up form), observations to read… */
export const INBOX_FIRST = { alerts: 5, others: 10 } as const;
/** …and added by each « Afficher les suivantes ». */
const MORE = 30;

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

export function Inbox({ user }: { user: SessionUser }) {
  const services = useServices();
  const today = isoDay(services.now());
  const { coordination } = services.queries;
  const rows = useRememberedQuery(coordination.inboxMemory, inboxKey(user.id, today), () => coordination.inbox(user.id, today));
  const [filter, setFilter] = useState<InboxFilter>(NO_FILTER);
  const [alertLimit, setAlertLimit] = useState<number>(INBOX_FIRST.alerts);
  const [limit, setLimit] = useState<number>(INBOX_FIRST.others);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const view = useMemo(() => rows === undefined ? undefined : inboxView({
    entries: rows.entries, reviewsByEntry: rows.reviews, reviewerId: user.id, today, filter, memberships: rows.memberships,
  }), [rows, user.id, today, filter]);
  const options = useMemo(() => rows === undefined ? undefined : inboxOptions(rows), [rows]);
  if (rows === undefined || view === undefined || options === undefined) return <p role="status">Chargement de ce qui est à lire…</p>;

  const alerts = view.toHandle.slice(0, alertLimit);
  const others = view.toRead.slice(0, limit);
  // Every entry the filters keep, not only the pages rendered.
  const toMark = markShownRead([...view.toHandle, ...view.toRead], view.state, '');
  const review = (set: { logEntryId: string; salarieId: string; followUp?: string }) => ({
    structureId: user.structureId, reviewerId: user.id, at: services.now().toISOString(), ...set,
  });

  async function run(action: () => Promise<void>, message: string) {
    setError(null);
    setDone(null);
    try {
      await action();
      setDone(message);
    } catch (e) {
      setError(writeErrorMessage(e));
    }
  }
  const markRead = (e: LogEntryRow) => void run(() => services.write('review', uuidv7(), review({ logEntryId: e.id, salarieId: e.salarieId })), 'Marqué comme lu.');
  const markAll = () => {
    const at = services.now().toISOString();
    const changes = markShownRead([...view.toHandle, ...view.toRead], view.state, at).map((r): BatchChange => ({
      entity: 'review', id: uuidv7(), set: { structureId: user.structureId, ...r },
    }));
    void run(() => services.writeMany(changes), `${plural(changes.length, 'entrée marquée', 'entrées marquées')} comme lue${changes.length > 1 ? 's' : ''}.`);
  };
  // A save error is shown in the form itself (it keeps the text), so it is rethrown there.
  const saveFollowUp = async (e: LogEntryRow, text: string) => {
    setDone(null);
    await services.write('review', uuidv7(), review({ logEntryId: e.id, salarieId: e.salarieId, followUp: text }));
    setDone(`Suite enregistrée pour ${fullName(rows.salaries.get(e.salarieId))}.`);
  };

  const entryOf = (e: LogEntryRow, form: boolean) => {
    const list = rows.reviews.get(e.id) ?? [];
    const shown = list.length > 0 ? list.reduce(preferReview) : undefined;
    const salarie = fullName(rows.salaries.get(e.salarieId));
    return (
      <InboxEntry key={e.id} entry={e} salarie={salarie} author={rows.names.get(e.authorId)} review={shown}
        reviewer={shown === undefined ? undefined : rows.names.get(shown.reviewerId)} unread={isUnread(e, view.state)} onMarkRead={markRead}>
        {form && <FollowUpForm entryId={e.id} label={salarie} onSave={(text) => saveFollowUp(e, text)} />}
      </InboxEntry>
    );
  };
  const total = view.toHandle.length + view.toRead.length;
  const last = view.state.lastReadAt;
  return (
    <section aria-labelledby="inbox-title">
      <h2 id="inbox-title">À lire ({total}{view.toHandle.length > 0 ? `, dont ${plural(view.toHandle.length, 'alerte', 'alertes')} à traiter` : ''})</h2>
      <p class="meta" data-testid="last-read">
        {last === null
          ? `Première lecture : les ${FIRST_LOOKBACK_DAYS} derniers jours sont à lire.`
          : `Ma dernière lecture : le ${shortDate(last.slice(0, 10))}. Entrées depuis le ${shortDate(view.state.windowStart)}.`}
      </p>
      <InboxFilters filter={filter} options={options} onChange={(f) => { setFilter(f); setLimit(INBOX_FIRST.others); setAlertLimit(INBOX_FIRST.alerts); }} />
      {error !== null && <p class="error-text" role="alert">{error}</p>}
      <p class="hint" role="status">{done ?? ''}</p>
      {toMark.length > 0 && (
        <div class="actions">
          <button type="button" onClick={markAll}>Tout marquer comme lu ({toMark.length})<span class="sr-only"> : toutes les entrées {isFiltered(filter) ? 'de ces filtres' : 'à lire'}</span></button>
        </div>
      )}
      {total === 0 && <p>{isFiltered(filter) ? 'Rien à lire avec ces filtres.' : 'Tout est lu.'}</p>}
      {view.toHandle.length > 0 && (
        <section class="alerts-block" aria-labelledby="alerts-title">
          <h3 id="alerts-title"><span aria-hidden="true">! </span>À traiter ({view.toHandle.length})</h3>
          <ul class="list inbox-list">{alerts.map((e) => entryOf(e, true))}</ul>
          <More shown={alerts.length} total={view.toHandle.length} first={INBOX_FIRST.alerts} what="alertes" onMore={() => setAlertLimit(alertLimit + MORE)} />
        </section>
      )}
      {view.toRead.length > 0 && (
        <section aria-labelledby="others-title">
          <h3 id="others-title">Observations à lire ({view.toRead.length})</h3>
          <ul class="list inbox-list">{others.map((e) => entryOf(e, false))}</ul>
          <More shown={others.length} total={view.toRead.length} first={INBOX_FIRST.others} what="observations" onMore={() => setLimit(limit + MORE)} />
        </section>
      )}
    </section>
  );
}

/** Under a block longer than its page: how many are shown, and the button for the next ones. */
function More({ shown, total, first, what, onMore }: { shown: number; total: number; first: number; what: string; onMore: () => void }) {
  if (total <= first) return null;
  const next = Math.min(MORE, total - shown);
  return (
    <div class="actions">
      <p class="hint" aria-live="polite">{shown} sur {total} affichées</p>
      {next > 0 && <button type="button" class="secondary" onClick={onMore}>Afficher les {next} {what} suivantes</button>}
    </div>
  );
}
