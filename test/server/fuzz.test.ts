// The HTTP fuzz (issue 13): 2,000 requests from a fixed seed over every endpoint of the server,
// through a real listening server and one keep-alive connection, against structure A (the demo)
// with structure B beside it. Invariants (fuzz/run.ts): no 5xx, the connection keeps serving,
// every API error is JSON {error, message}, a refused request wrote nothing, and nothing of B
// ever reaches an answer. `npx tsx bench/fuzz.ts` runs 10,000 with a seed of your choice.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from './harness';
import { KeepAliveClient, liveServer, type Live } from './live';
import { arbitraries, ENDPOINTS } from './fuzz/requests';
import { runFuzz } from './fuzz/run';
import { buildFuzzWorld, type FuzzWorld } from './fuzz/world';

const SEED = 20_261_313;
const REQUESTS = 2_000;

describe.each(backends)('HTTP fuzz ($name)', (backend) => {
  let live: Live;
  let client: KeepAliveClient;
  let world: FuzzWorld;
  beforeAll(async () => {
    live = await liveServer(backend);
    client = new KeepAliveClient(live.server.url);
    world = await buildFuzzWorld(live.h, client);
  });
  afterAll(async () => {
    client.close();
    await live.close();
  });

  it(`${REQUESTS} malformed requests over every endpoint break no invariant`, async () => {
    const requests = fc.sample(arbitraries(world), { seed: SEED, numRuns: REQUESTS });
    const figures = await runFuzz(live.h, client, world, requests);
    expect(figures.broken).toEqual([]);
    expect(figures.requests).toBe(REQUESTS);
    // Every route was attacked, and the fuzz reached past the door (not only 401s and 400s).
    for (const [method, path] of ENDPOINTS) expect(figures.byRoute[`${method} ${path}`], `${method} ${path}`).toBeGreaterThan(20);
    expect(figures.byStatus[200]).toBeGreaterThan(100);
  }, 240_000);
});
