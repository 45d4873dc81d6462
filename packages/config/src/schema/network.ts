import * as z from 'zod';
import { dockerName, ipv4, networkCidr } from './common.js';

/**
 * One `networks[]` entry. The driver defaults to overlay, as in a `docker stack deploy` file: a swarm config
 * mostly declares overlays, and a service on a bridge network is refused with a clear message.
 */
export const networkSchema = z.strictObject({
  name: dockerName('network'),
  driver: z.enum(['overlay', 'bridge']).default('overlay'),
  attachable: z.boolean().default(false),
  internal: z.boolean().default(false),
  subnet: networkCidr.optional(),
  gateway: ipv4.optional(),
  ipRange: networkCidr.optional()
});

/** A parsed `networks[]` entry. */
export type NetworkInput = z.output<typeof networkSchema>;
