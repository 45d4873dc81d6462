import type { Clock } from '@swarmsim/interface';

/** The host's real time and timers as a {@link Clock}, for real-time tests and runtimes; stop what you start. */
export const realClock: Clock = {
  virtual: false,
  now: () => Date.now(),
  setTimeout(fn, ms) {
    const t = setTimeout(fn, ms);
    return { clear: () => clearTimeout(t) };
  },
  setInterval(fn, ms) {
    const t = setInterval(fn, ms);
    return { clear: () => clearInterval(t) };
  }
};
