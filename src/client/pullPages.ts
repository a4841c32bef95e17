// Pull pages until the server has no more, fetching the next page while the current one is
// applied (issue 13: on a first sync, waiting for the server was about half the time, and the
// server and IndexedDB work on different cores). Only the request runs ahead: pages are applied
// one after the other, in order, and the device's cursor still moves only inside applyPage's
// transaction, after its page — a page fetched ahead is simply dropped if an earlier one fails.
import type { PullResponse } from '../sync/protocol';
import { ApiError } from './api';

export interface PullProgress {
  /** Records received and applied so far in this pull. */
  received: number;
  /** Pages applied so far. */
  pages: number;
}

export interface PullPagesDeps {
  pull(since: string | undefined, limit: number): Promise<PullResponse>;
  /** Apply one page with its cursor (applyPage); resolves to the records it held. */
  apply(page: PullResponse): Promise<number>;
  /** The saved cursor (undefined: from the start). */
  since: string | undefined;
  limit: number;
  /** After each page is applied. */
  onPage?(progress: PullProgress): void;
}

interface Request {
  since: string | undefined;
  answer: Promise<PullResponse>;
}

/** Resolves to the number of records pulled. Throws what `pull` or `apply` throws. */
export async function pullPages(deps: PullPagesDeps): Promise<number> {
  const request = (since: string | undefined): Request => {
    const answer = deps.pull(since, deps.limit);
    // Awaited later, or dropped when an earlier page fails: never an unhandled rejection.
    answer.catch(() => undefined);
    return { since, answer };
  };
  let pulled = 0;
  let pages = 0;
  let forceReset = false;
  let current = request(deps.since);
  for (;;) {
    let page: PullResponse;
    try {
      page = await current.answer;
    } catch (e) {
      // A cursor this server does not recognise (restored from elsewhere, older format):
      // start over, and treat the first page as a reset so nothing stale stays.
      if (!(e instanceof ApiError) || e.status !== 400 || e.body?.field !== 'since' || current.since === undefined) throw e;
      forceReset = true;
      current = request(undefined);
      continue;
    }
    if (forceReset) {
      page = { ...page, reset: true as const };
      forceReset = false;
    }
    if (page.hasMore) current = request(page.cursor);
    pulled += await deps.apply(page);
    pages += 1;
    deps.onPage?.({ received: pulled, pages });
    if (!page.hasMore) return pulled;
  }
}
