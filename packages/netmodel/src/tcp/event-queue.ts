import type { Clock, TimerHandle } from '@swarmsim/interface';

/**
 * Application callbacks deferred to a zero-delay clock timer, in order. `output` may deliver a segment
 * synchronously and the peer may answer at once, so emitting inside the stack would re-enter the app
 * from inside its own `write()`; deferring also means every event sees the state already updated.
 */
export class EventQueue {
  private readonly queue: (() => void)[] = [];
  private timer: TimerHandle | undefined;

  constructor(private readonly clock: Clock) {}

  /** Runs `fn` on the next clock turn, after everything deferred before it. */
  defer(fn: () => void): void {
    this.queue.push(fn);
    this.timer ??= this.clock.setTimeout(() => this.flush(), 0);
  }

  private flush(): void {
    this.timer = undefined;
    try {
      // Callbacks deferred by callbacks run in the same turn: they are no longer inside any API call.
      for (let fn = this.queue.shift(); fn !== undefined; fn = this.queue.shift()) fn();
    } finally {
      if (this.queue.length > 0) this.timer ??= this.clock.setTimeout(() => this.flush(), 0);
    }
  }
}
