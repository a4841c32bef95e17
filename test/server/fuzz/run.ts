// Runs fuzzed requests one after the other on ONE keep-alive connection and checks, after each:
// no 5xx; the connection still serves the next request (a transport error is a broken
// invariant); an API error is the JSON {error, message} every error has; a refused request
// (4xx) wrote nothing (fastFingerprint before and after); and no answer holds a marker string
// of structure B (the fuzz only ever speaks as A, anonymously, or with forged tokens).
import type { Harness } from '../harness';
import { fastFingerprint } from '../fingerprint';
import { jsonOf, type Answer, type KeepAliveClient } from '../live';
import type { FuzzRequest } from './requests';
import { reseat, type FuzzWorld } from './world';

export interface FuzzFigures {
  requests: number;
  byStatus: Record<string, number>;
  byRoute: Record<string, number>;
  durationMs: number;
  /** One line per broken invariant: which, and the request that broke it. */
  broken: string[];
}

/** Node's client refuses raw spaces and non-ASCII in a path: they travel percent-encoded. */
function wirePath(path: string): string {
  return path.replace(/[^\x21-\x7e]/g, (ch) => encodeURIComponent(ch));
}

function describe(r: FuzzRequest): string {
  const body = r.body === undefined ? '' : ` body=${r.body.length > 300 ? `${r.body.slice(0, 300)}…(${r.body.length})` : r.body}`;
  return `${r.method} ${r.path.slice(0, 200)} [${r.route}]${body}`;
}

export async function runFuzz(h: Harness, client: KeepAliveClient, world: FuzzWorld, requests: readonly FuzzRequest[]): Promise<FuzzFigures> {
  const figures: FuzzFigures = { requests: 0, byStatus: {}, byRoute: {}, durationMs: 0, broken: [] };
  const start = performance.now();
  let before = await fastFingerprint(h.db);
  for (const r of requests) {
    const headers = { ...r.headers };
    const seat = 'seat' in r.speaker ? world.seats[r.speaker.seat] : undefined;
    if (seat) headers['Authorization'] = `Bearer ${seat.token}`;
    else if ('header' in r.speaker) headers['Authorization'] = r.speaker.header;
    let answer: Answer;
    try {
      answer = await client.request(r.method, wirePath(r.path), { headers, ...(r.body !== undefined ? { body: r.body } : {}) });
    } catch (err) {
      figures.broken.push(`connection (${err instanceof Error ? err.message : String(err)}): ${describe(r)}`);
      continue;
    } finally {
      figures.requests++;
      figures.byRoute[r.route] = (figures.byRoute[r.route] ?? 0) + 1;
    }
    figures.byStatus[answer.status] = (figures.byStatus[answer.status] ?? 0) + 1;
    if (answer.status >= 500) figures.broken.push(`${answer.status} ${answer.text.slice(0, 200)}: ${describe(r)}`);
    if (answer.status >= 400 && r.method !== 'HEAD') {
      const body = jsonOf(answer);
      if (typeof body?.['error'] !== 'string' || typeof body['message'] !== 'string') figures.broken.push(`error not {error, message} (${answer.status} ${answer.text.slice(0, 100)}): ${describe(r)}`);
    }
    const seen = `${answer.text}\n${JSON.stringify(answer.headers)}`;
    for (const m of world.markers) if (seen.includes(m)) figures.broken.push(`structure B's data (${m}) in an answer: ${describe(r)}`);
    const after = await fastFingerprint(h.db);
    if (answer.status >= 400 && answer.status < 500 && after !== before) figures.broken.push(`${answer.status} but the store changed: ${describe(r)}`);
    before = after;
    // A fuzzed request may have revoked or deactivated the seat it spoke as: give it a new one.
    if (seat && answer.status === 401) {
      await reseat(h, world, seat);
      before = await fastFingerprint(h.db);
    }
  }
  figures.durationMs = Math.round(performance.now() - start);
  return figures;
}
