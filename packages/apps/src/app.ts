import type { Namespace } from '@swarmsim/netmodel';

/** What an image's process sees when it starts: its network namespace and identity. */
export interface AppContext {
  ns: Namespace;
  /** The container's hostname (Docker: the short container id, or `--hostname`). */
  hostname: string;
  /** Environment variables (`-e`). */
  env: Readonly<Record<string, string>>;
}

/** A running simulated process. */
export interface AppProcess {
  /** Stops the process and releases its sockets (SIGTERM). */
  stop(): void;
}

/** A simulated image: starts a process in a container namespace. */
export interface App {
  /** Image name as `docker run` takes it, e.g. `traefik/whoami`. */
  readonly image: string;
  start(ctx: AppContext): AppProcess;
}
