/**
 * A Lamport clock as NetworkDB's `serf.LamportClock`: local writes `increment()`, every received event
 * `witness(t)`es its time so later local writes order after everything seen.
 */
export class LamportClock {
  private current: number;

  /** @param start - initial time; @default 0 */
  constructor(start = 0) {
    this.current = start;
  }

  /** The current time, without advancing it. */
  time(): number {
    return this.current;
  }

  /** Advances the clock for a local event and returns the new time. */
  increment(): number {
    this.current += 1;
    return this.current;
  }

  /** Moves the clock past a remote time so the next local event is newer than it. */
  witness(remote: number): void {
    // serf: jump to remote+1 only when the remote is at or ahead of us.
    if (remote >= this.current) this.current = remote + 1;
  }
}
