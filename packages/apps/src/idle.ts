import type { App, AppProcess } from './app.js';

/**
 * Any image the simulator has no app for: Docker would pull and run it, so it runs here too, as a process that
 * holds no sockets (its task reaches running, and it stops when told) instead of failing to start.
 */
export const idle: App = {
  image: 'idle',
  start(): AppProcess {
    return { stop: () => {} };
  }
};
