import * as z from 'zod';
import { dockerName, ipv4, labelMap } from './common.js';

/** One `nodes[]` entry as written, before index-based address defaults. */
export const nodeSchema = z.strictObject({
  name: dockerName('node'),
  role: z.enum(['manager', 'worker']).default('worker'),
  leader: z.boolean().optional(),
  labels: labelMap,
  availability: z.enum(['active', 'pause', 'drain']).default('active'),
  underlayIp: ipv4.optional(),
  hostAddress: ipv4.optional()
});

/** A parsed `nodes[]` entry. */
export type NodeInput = z.output<typeof nodeSchema>;
