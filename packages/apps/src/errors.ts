import { SwarmsimError } from '@swarmsim/interface';

/**
 * Codes of the simulated images:
 * - APPS_ERR_INVALID_REFERENCE: the image is not a reference Docker could pull ("invalid reference format")
 * - APPS_ERR_BAD_ENV: an environment variable the app reads has an invalid value (e.g. WHOAMI_PORT_NUMBER=abc)
 */
export type AppErrorCode = 'APPS_ERR_INVALID_REFERENCE' | 'APPS_ERR_BAD_ENV';

/** Error of a simulated image or the app registry. */
export class AppError extends SwarmsimError<{ code: AppErrorCode; image: string; variable?: string }> {}
