import * as z from 'zod';
import { parseConstraint } from '../constraints.js';
import { parseServicePort } from '../ports.js';
import { parseServiceName } from '../service-name.js';
import { duration, imageReference, nonNegativeInt, parsedString, port } from './common.js';

const portObject = z.strictObject({
  published: port.optional(),
  target: port,
  protocol: z.enum(['tcp', 'udp', 'sctp']).default('tcp'),
  mode: z.enum(['ingress', 'host']).default('ingress')
});

/** A service port: the long form, or the short `"8080:80"`, `"80"`, `"53:53/udp"` (a bare number too). */
export const servicePortSchema = z.preprocess((value, ctx) => {
  if (typeof value !== 'string' && typeof value !== 'number') return value;
  const r = parseServicePort(String(value));
  if (r.ok) return r.value;
  ctx.issues.push({ code: 'custom', message: r.detail, input: value, params: { code: 'CONFIG_ERR_INVALID_PORT' } });
  return z.NEVER;
}, portObject);

// swarmkit api/defaults/service.go: restart any after 5 s, unlimited; update 1 at a time, stop-first, pause.
const restartPolicySchema = z.strictObject({
  condition: z.enum(['none', 'on-failure', 'any']).default('any'),
  delay: duration.default(5000),
  maxAttempts: nonNegativeInt.default(0),
  window: duration.default(0)
});

const updateConfigSchema = z.strictObject({
  parallelism: nonNegativeInt.default(1), // 0 = all at once, as in Docker
  delay: duration.default(0),
  order: z.enum(['stop-first', 'start-first']).default('stop-first'),
  failureAction: z.enum(['pause', 'continue', 'rollback']).default('pause'),
  monitor: duration.default(5000)
});

/** One `services[]` entry as written; `replicas` and `mode` are reconciled by the checks. */
export const serviceSchema = z.strictObject({
  name: parsedString(parseServiceName, 'CONFIG_ERR_INVALID_NAME'),
  image: imageReference,
  mode: z.enum(['replicated', 'global']).default('replicated'),
  replicas: nonNegativeInt.optional(),
  networks: z.array(z.string()).default([]),
  endpointMode: z.enum(['vip', 'dnsrr']).default('vip'),
  ports: z.array(servicePortSchema).default([]),
  constraints: z.array(parsedString(parseConstraint, 'CONFIG_ERR_INVALID_CONSTRAINT')).default([]),
  restartPolicy: restartPolicySchema.prefault({}),
  updateConfig: updateConfigSchema.prefault({})
});

/** A parsed `services[]` entry. */
export type ServiceInput = z.output<typeof serviceSchema>;
