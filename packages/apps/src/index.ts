/**
 * @packageDocumentation
 * Simulated images: what runs inside a container namespace. `whoami` (traefik/whoami: HTTP on :80 answering
 * with the hostname, IPs and the peer it saw) and `sleep`. `findApp` maps an image reference to an app; an image
 * without one runs as `idle` (a process that holds no sockets), as Docker would pull and run any image.
 *
 * @example
 * ```ts
 * import { findApp } from '@swarmsim/apps';
 * import { Fabric } from '@swarmsim/netmodel';
 * import { ManualClock } from '@swarmsim/clock';
 * const clock = new ManualClock();
 * const web = new Fabric({ clock }).createNamespace('web'); // the container's network namespace
 * const proc = findApp('traefik/whoami:latest').start({ ns: web, hostname: 'a1b2c3d4e5f6', env: {} });
 * const socket = web.tcp.connect('127.0.0.1', '127.0.0.1', 80); // curl from inside the container
 * let reply = '';
 * socket.on('data', (bytes) => (reply += new TextDecoder().decode(bytes)));
 * socket.on('connect', () => socket.write(new TextEncoder().encode('GET / HTTP/1.1\r\nHost: web\r\n\r\n')));
 * clock.tick(100);
 * console.log(reply); // HTTP/1.1 200 OK … Hostname: a1b2c3d4e5f6, IP: 127.0.0.1, RemoteAddr: 127.0.0.1:32768 …
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
