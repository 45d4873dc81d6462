import { AppError } from './errors.js';
import type { App } from './app.js';
import { sleep } from './sleep.js';
import { whoami } from './whoami.js';

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
  const name = image
    .replace(/@.*$/, '')
    .replace(/:[^/]*$/, '')
    .replace(/^docker\.io\//, '')
    .replace(/^library\//, '');
  const app = APPS[name];
  if (app === undefined) {
    throw new AppError(
      { code: 'APPS_ERR_UNKNOWN_IMAGE', image },
      `Unable to find image '${image}': no simulated app for it (known: whoami, sleep)`
    );
  }
  return app;
}
