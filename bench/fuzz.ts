// The HTTP fuzz of test/server/fuzz.test.ts at full size: 10,000 requests (FUZZ_REQUESTS) from
// a seed of your choice (FUZZ_SEED, else a random one, printed so a run can be replayed), on
// PGlite, or on PostgreSQL when TEST_DATABASE_URL is set. Prints the figures and every broken
// invariant (no 5xx, connection kept, JSON errors, nothing written on 4xx, nothing of B leaked);
// exits 1 when one broke.
// Run: npx tsx bench/fuzz.ts      (FUZZ_SEED=42 FUZZ_REQUESTS=10000 npx tsx bench/fuzz.ts)
import fc from 'fast-check';
import { arbitraries } from '../test/server/fuzz/requests';
import { runFuzz } from '../test/server/fuzz/run';
import { buildFuzzWorld } from '../test/server/fuzz/world';
import { backends } from '../test/server/harness';
import { KeepAliveClient, liveServer } from '../test/server/live';

const seed = process.env['FUZZ_SEED'] ? Number(process.env['FUZZ_SEED']) : Math.floor(Math.random() * 2 ** 31);
const count = Number(process.env['FUZZ_REQUESTS'] ?? 10_000);
const backend = backends[backends.length - 1]!;

async function main(): Promise<number> {
  const live = await liveServer(backend);
  const client = new KeepAliveClient(live.server.url);
  // The server's own log lines (refusals, interrupted requests) are not the figures.
  const quiet = { warn: console.warn, error: console.error };
  try {
    const world = await buildFuzzWorld(live.h, client);
    const requests = fc.sample(arbitraries(world), { seed, numRuns: count });
    const errors: string[] = [];
    console.warn = () => undefined;
    console.error = (...args: unknown[]) => { errors.push(args.map(String).join(' ')); };
    const f = await runFuzz(live.h, client, world, requests);
    console.warn = quiet.warn;
    console.error = quiet.error;
    console.log(`fuzz HTTP — ${backend.name}, graine ${seed}`);
    console.log(`requêtes : ${f.requests} en ${(f.durationMs / 1000).toFixed(1)} s (${Math.round(f.requests / (f.durationMs / 1000))}/s)`);
    console.log(`par statut : ${Object.entries(f.byStatus).map(([s, n]) => `${s}: ${n}`).join(', ')}`);
    console.log(`par route : ${Object.entries(f.byRoute).sort().map(([r, n]) => `${r}: ${n}`).join(', ')}`);
    console.log(`erreurs écrites au journal par le serveur : ${errors.length}`);
    for (const e of errors.slice(0, 20)) console.log(`  ${e}`);
    console.log(`invariants rompus : ${f.broken.length}`);
    for (const b of f.broken.slice(0, 50)) console.log(`  ${b}`);
    return f.broken.length === 0 ? 0 : 1;
  } finally {
    console.warn = quiet.warn;
    console.error = quiet.error;
    client.close();
    await live.close();
  }
}

main().then((code) => process.exit(code), (err: unknown) => {
  console.error(err);
  process.exit(2);
});
