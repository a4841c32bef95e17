// A network between simulated tablets and the real server that misbehaves on purpose, driven
// by a seeded random generator: it loses requests, loses responses after the server has
// committed, sends requests twice (the copy arrives later, out of order), delays them, and
// cuts tablets off. It also records every change the server acknowledged as applied.
import type { FetchLike } from '../../src/client/api';
import type { Change, PushResponse } from '../../src/sync/protocol';
import { BASE_URL, type TestServer } from './harness';

export interface AckedChange extends Change {
  device: string;
}

/** mulberry32: small, fast, seedable. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise<void>((ok) => setTimeout(ok, ms));

export interface FaultStats {
  requests: number;
  lostRequests: number;
  lostResponses: number;
  duplicates: number;
  delayed: number;
  offline: number;
}

export class FaultyNetwork {
  /** Faults are injected only while true (sign-in and the final healing run clean). */
  faults = false;
  readonly offline = new Set<string>();
  readonly acked: AckedChange[] = [];
  readonly stats: FaultStats = { requests: 0, lostRequests: 0, lostResponses: 0, duplicates: 0, delayed: 0, offline: 0 };
  /** Runs before a tablet's pull request goes out (to edit while that tablet syncs). */
  beforePull: ((device: string) => Promise<void>) | undefined;
  private readonly strays = new Set<Promise<void>>();
  private readonly random: () => number;

  constructor(private readonly srv: TestServer, seed: number) {
    this.random = seededRandom(seed);
  }

  /** The fetch one tablet uses. */
  fetchFor(device: string): FetchLike {
    return async (input, init) => {
      this.stats.requests++;
      if (input.includes('/api/sync/pull')) await this.beforePull?.(device);
      if (this.offline.has(device)) {
        this.stats.offline++;
        throw new TypeError('fetch failed: offline');
      }
      if (!this.faults) return this.send(device, input, init);
      const r = this.random();
      if (r < 0.08) {
        this.stats.lostRequests++;
        await sleep(this.random() * 5);
        throw new TypeError('fetch failed: request lost');
      }
      if (r < 0.16) {
        this.stats.lostResponses++;
        const res = await this.send(device, input, init);
        await res.arrayBuffer();
        throw new TypeError('fetch failed: response lost');
      }
      if (r < 0.26) {
        this.stats.duplicates++;
        const delay = this.random() * 40;
        const copy = sleep(delay)
          .then(() => this.send(device, input, init))
          .then((res) => res.arrayBuffer())
          .then(() => undefined, () => undefined);
        this.strays.add(copy);
        void copy.finally(() => this.strays.delete(copy));
        return this.send(device, input, init);
      }
      if (r < 0.5) {
        this.stats.delayed++;
        await sleep(this.random() * 20);
      }
      return this.send(device, input, init);
    };
  }

  /** Wait for late duplicate copies still on the wire. */
  async settle(): Promise<void> {
    while (this.strays.size > 0) await Promise.all([...this.strays]);
  }

  heal(): void {
    this.faults = false;
    this.offline.clear();
  }

  private async send(device: string, input: string, init?: RequestInit): Promise<Response> {
    const res = await globalThis.fetch(input.replace(BASE_URL, this.srv.url), init);
    if (input.includes('/api/sync/push') && res.ok && typeof init?.body === 'string') {
      const sent = (JSON.parse(init.body) as { changes: Change[] }).changes;
      const body = (await res.clone().json()) as PushResponse;
      const byOp = new Map(sent.map((c) => [c.opId, c]));
      for (const r of body.results) {
        const c = byOp.get(r.opId);
        if (r.status === 'applied' && c !== undefined) this.acked.push({ ...c, device });
      }
    }
    return res;
  }
}
