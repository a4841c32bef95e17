// Reads whose code loads with their first call: the coordination's, the parcours board's, the
// reports', the structure's, the dossier's and the salarié's space. Only screens loaded on demand
// call them, so the app's first screen (the ETI's « Aujourd'hui ») does not carry them, nor the
// domain rules they compute with (PASS, contracts, board, attestation). The object has the same
// functions as the module's; each loads the module once, then calls straight through (no wait
// once it is loaded). The wait is a Dexie promise: a live query (live.ts) that makes the first
// call keeps tracking the tables the read touches after it (a plain promise would lose Dexie's
// zone, and the screen would never refresh).
import { Dexie } from 'dexie';
import { loadOnce } from '../loadOnce';

type Reads = Record<string, (...args: never[]) => Promise<unknown>>;

/**
 * `load` resolves to the reads (e.g. `import('./parcours').then((m) => m.parcoursQueries(db))`);
 * `names` lists every one of them (the compiler checks the list is complete and exact).
 */
export function readsLoadedOnUse<Q extends Reads>(load: () => Promise<Q>, names: { readonly [K in keyof Q]: true }): Q {
  const reads = loadOnce(load);
  const out: Record<string, (...args: never[]) => Promise<unknown>> = {};
  for (const name of Object.keys(names)) {
    out[name] = (...args: never[]) => {
      const now = reads.now();
      if (now !== undefined) return now[name]!(...args);
      return Dexie.Promise.resolve(reads.get()).then((q) => q[name]!(...args));
    };
  }
  return out as Q;
}
