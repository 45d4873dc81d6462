/**
 * @packageDocumentation
 * Simulated images: what runs inside a container namespace. `whoami` (traefik/whoami: HTTP on :80 answering
 * with the hostname, IPs and the peer it saw) and `sleep`. `findApp` maps an image reference to an app; an image
 * without one runs as `idle` (a process that holds no sockets), as Docker would pull and run any image.
 *
 * @example
 * ```ts
 * import { findApp } from '@swarmsim/apps';
 * const app = findApp('traefik/whoami:latest');
 * const proc = app.start({ ns: containerNamespace, hostname: 'a1b2c3d4e5f6', env: {} });
 * // … curl from another namespace …
 * proc.stop();
 * ```
 */
export type { App, AppContext, AppProcess } from './app.js';
export { whoami, whoamiBody } from './whoami.js';
export { sleep } from './sleep.js';
export { idle } from './idle.js';
export { parseRequestHead, type HttpRequestHead } from './http-request.js';
export { findApp } from './registry.js';
export { AppError, type AppErrorCode } from './errors.js';
