import { SwarmsimError } from '@swarmsim/interface';
import type { App } from './app.js';
import { sleep } from './sleep.js';
import { whoami } from './whoami.js';

/**
 * Codes of the app registry:
 * - APPS_ERR_UNKNOWN_IMAGE: no simulated app for that image (Docker: "pull access denied" / "manifest unknown")
 */
export type AppErrorCode = 'APPS_ERR_UNKNOWN_IMAGE';

/** Error of the app registry. */
export class AppError extends SwarmsimError<{ code: AppErrorCode; image: string }> {}

// Short names as users type them; a registry prefix, tag or digest is ignored.
const APPS: Readonly<Record<string, App>> = {
  whoami,
  'traefik/whoami': whoami,
  'containous/whoami': whoami,
  sleep,
  alpine: sleep,
  busybox: sleep
};

/** The app behind an image reference such as `traefik/whoami:v1.10` or `docker.io/library/alpine`. */
export function findApp(image: string): App {
  const name = image.replace(/@.*$/, '').replace(/:[^/]*$/, '').replace(/^docker\.io\//, '').replace(/^library\//, '');
  const app = APPS[name];
  if (app === undefined) {
    throw new AppError({ code: 'APPS_ERR_UNKNOWN_IMAGE', image }, `Unable to find image '${image}': no simulated app for it (known: whoami, sleep)`);
  }
  return app;
}
