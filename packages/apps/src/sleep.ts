import type { App, AppProcess } from './app.js';

/** `sleep infinity` (busybox/alpine tasks in demos): runs, holds no sockets, stops when told. */
export const sleep: App = {
  image: 'sleep',
  start(): AppProcess {
    return { stop: () => {} };
  }
};
