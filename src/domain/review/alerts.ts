// An alert stays « à traiter » until some reviewer records what was done about it: a review
// with a non-empty follow-up (who = its reviewer, when = its time, what = its text). Reading an
// alert is not handling it. When several follow-ups exist (two coordinators offline), the first
// one is the handling; the others stay in the livret's history of reviews.
import type { EntryLike, ReviewLike } from './readState';

export type AlertState = 'none' | 'toHandle' | 'handled';

/** A follow-up worth the name: not blank. */
export function hasFollowUp(r: ReviewLike): boolean {
  return typeof r.followUp === 'string' && r.followUp.trim() !== '';
}

/** Earlier first: by instant, then by id (ids are time-ordered), so every device picks the same. */
function earlier<R extends ReviewLike>(a: R, b: R): R {
  return a.at < b.at || (a.at === b.at && a.id < b.id) ? a : b;
}

/** The review that handled the alert, or undefined while it is à traiter. */
export function handlingOf<R extends ReviewLike>(reviews: readonly R[] | undefined): R | undefined {
  let found: R | undefined;
  for (const r of reviews ?? []) if (hasFollowUp(r)) found = found === undefined ? r : earlier(found, r);
  return found;
}

export function alertState(entry: Pick<EntryLike, 'alert'>, reviews: readonly ReviewLike[] | undefined): AlertState {
  if (!entry.alert) return 'none';
  return handlingOf(reviews) === undefined ? 'toHandle' : 'handled';
}

/**
 * Of two reviews of one entry, the one its author is shown: a handling before a mere reading,
 * otherwise the earlier (« lue le » = first read). Used as a reducer, so order does not matter.
 */
export function preferReview<R extends ReviewLike>(a: R, b: R): R {
  const fa = hasFollowUp(a);
  if (fa !== hasFollowUp(b)) return fa ? a : b;
  return earlier(a, b);
}
