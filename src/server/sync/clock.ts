// The server's hybrid logical clock: it receives every accepted change's HLC and stamps its own
// writes (seeding, new users), and every response carries it so devices can catch up.
import { formatHlc, initialHlc, parseHlc, receiveHlc, tickHlc, type Hlc } from '../../sync/hlc';

export class ServerClock {
  private state: Hlc;

  constructor(private readonly now: () => number = Date.now, node = 'server') {
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
