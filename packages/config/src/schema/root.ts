import * as z from 'zod';
import { GOSSIP_TIMER_NAMES, type GossipTimerName } from '../types.js';
import { nonNegativeInt, networkCidr, underlaySubnet } from './common.js';

const list = z.array(z.unknown());

/** Top level: known sections only; list entries are parsed one by one so one bad entry hides nothing else. */
export const rootSchema = z.strictObject(
  {
    nodes: list,
    gossip: z.unknown().optional(),
    underlay: z.unknown().optional(),
    defaultAddressPools: list.optional(),
    networks: list.optional(),
    services: list.optional(),
    containers: list.optional()
  },
  {
    error: (iss) =>
      iss.code === 'invalid_type' ? 'expected a mapping of nodes, gossip, underlay, networks, services …' : undefined
  }
);

const timerShape = Object.fromEntries(
  GOSSIP_TIMER_NAMES.map((k) => [k, z.number().min(0, { error: 'expected a non-negative number' }).optional()])
) as Record<GossipTimerName, z.ZodOptional<z.ZodNumber>>;

/** `gossip:` — a preset plus any GossipConfig field; the `lan` default is memberlist's faithful LAN profile. */
export const gossipSchema = z
  .strictObject({ preset: z.enum(['lan', 'local']).default('lan'), ...timerShape })
  .prefault({});

/** One `defaultAddressPools[]` entry; `size` defaults to 24 like `--default-addr-pool-mask-length`. */
export const addressPoolSchema = z.strictObject({ base: networkCidr, size: nonNegativeInt.default(24) });

/** `underlay:` — the subnet every node's eth0 sits in; absent, it grows with the node count (docs/config.md). */
export const underlaySchema = z.strictObject({ subnet: underlaySubnet });
