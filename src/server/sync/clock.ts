// The server's hybrid logical clock: it receives every accepted change's HLC and stamps its own
// writes (seeding, new users), and every response carries it so devices can catch up. It is a
// per-process cache only: before stamping a write, a process catches up with the structure's
// newest stored HLC under the structure lock (structureLock.ts), so several processes agree.
import { randomBytes } from 'node:crypto';
import { formatHlc, initialHlc, parseHlc, receiveHlc, tickHlc, type Hlc } from '../../sync/hlc';

export class ServerClock {
  private state: Hlc;

  /**
   * `node` is unique per process by default: two server processes stamping in the same
   * millisecond must not produce the same HLC (a tie would be broken by nothing).
   */
  constructor(private readonly now: () => number = Date.now, node = `server-${randomBytes(4).toString('hex')}`) {
    this.state = initialHlc(node);
  }

  /** A fresh timestamp for a server-side write or a response. */
  tick(): string {
    this.state = tickHlc(this.state, this.now());
    return formatHlc(this.state);
  }

  /** Takes a device's clock in (the caller has already refused clocks too far ahead). */
  receive(hlc: string): void {
    const remote = parseHlc(hlc);
    if (remote) this.state = receiveHlc(this.state, remote, this.now());
  }

  nowMs(): number {
    return this.now();
  }
}
