// Hybrid logical clock, shared by devices and server. The string form sorts lexicographically
// in causal order (fixed-width ISO time, 4-hex counter, node id), so LWW merge is a string compare.
export interface Hlc {
  readonly wallMs: number;
  readonly counter: number;
  readonly node: string;
}

const MAX_COUNTER = 0xffff;
const HLC_PATTERN = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-([0-9a-f]{4})-([A-Za-z0-9_-]{1,64})$/;
/** The most a change's clock may run ahead of the server's (contract: 10 minutes). */
export const MAX_CLOCK_SKEW_MS = 10 * 60 * 1000;

export function formatHlc(h: Hlc): string {
  return `${new Date(h.wallMs).toISOString()}-${h.counter.toString(16).padStart(4, '0')}-${h.node}`;
}

export function parseHlc(s: string): Hlc | null {
  const m = HLC_PATTERN.exec(s);
  if (!m) return null;
  const wallMs = Date.parse(m[1]!);
  if (!Number.isFinite(wallMs) || new Date(wallMs).toISOString() !== m[1]) return null;
  return { wallMs, counter: parseInt(m[2]!, 16), node: m[3]! };
}

export function isHlc(s: unknown): s is string {
  return typeof s === 'string' && parseHlc(s) !== null;
}

export function initialHlc(node: string): Hlc {
  return { wallMs: 0, counter: 0, node };
}

function advance(wallMs: number, counter: number, node: string): Hlc {
  // On counter overflow borrow one millisecond: the clock must stay strictly monotonic.
  if (counter > MAX_COUNTER) return { wallMs: wallMs + 1, counter: 0, node };
  return { wallMs, counter, node };
}

/** A local event (a write): strictly after everything this clock has seen. */
export function tickHlc(state: Hlc, nowMs: number): Hlc {
  if (nowMs > state.wallMs) return { wallMs: nowMs, counter: 0, node: state.node };
  return advance(state.wallMs, state.counter + 1, state.node);
}

/** Merge a remote clock in (on receiving a change or a server HLC). */
export function receiveHlc(state: Hlc, remote: Hlc, nowMs: number): Hlc {
  const wall = Math.max(state.wallMs, remote.wallMs, nowMs);
  if (wall === state.wallMs && wall === remote.wallMs) {
    return advance(wall, Math.max(state.counter, remote.counter) + 1, state.node);
  }
  if (wall === state.wallMs) return advance(wall, state.counter + 1, state.node);
  if (wall === remote.wallMs) return advance(wall, remote.counter + 1, state.node);
  return { wallMs: wall, counter: 0, node: state.node };
}

/** Whether a change's clock runs too far ahead of this clock's physical time. */
export function isTooFarAhead(hlc: string, nowMs: number): boolean {
  const h = parseHlc(hlc);
  return h === null || h.wallMs > nowMs + MAX_CLOCK_SKEW_MS;
}
