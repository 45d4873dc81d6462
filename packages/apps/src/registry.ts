import { parseImageReference } from '@swarmsim/config';
import type { App } from './app.js';
import { AppError } from './errors.js';
import { idle } from './idle.js';
import { sleep } from './sleep.js';
import { whoami } from './whoami.js';

// Repositories as Docker normalises them (`alpine` is docker.io/library/alpine); a tag or digest is ignored.
const APPS: Readonly<Record<string, App>> = {
  'docker.io/library/whoami': whoami,
  'docker.io/traefik/whoami': whoami,
  'docker.io/containous/whoami': whoami,
  'docker.io/library/sleep': sleep,
  'docker.io/library/alpine': sleep,
  'docker.io/library/busybox': sleep
};

/**
 * The app behind an image reference such as `traefik/whoami:v1.10` or `docker.io/library/alpine`; any other
 * image (`nginx`, `redis:7`, `ghcr.io/acme/api`) runs as {@link idle}, as Docker would pull and run it. A
 * reference Docker could not pull throws APPS_ERR_INVALID_REFERENCE.
 */
export function findApp(image: string): App {
  const ref = parseImageReference(image);
  if (!ref.ok) throw new AppError({ code: 'APPS_ERR_INVALID_REFERENCE', image }, ref.detail);
  return APPS[`${ref.value.domain}/${ref.value.path}`] ?? idle;
}
