import type { Indexed } from './issues.js';
import type { ContainerInput } from './schema/container.js';
import type { NetworkInput } from './schema/network.js';
import type { NodeInput } from './schema/node.js';
import type { ServiceInput } from './schema/service.js';
import type { AddressPoolSpec, GossipSpec } from './types.js';

/** Names declared in the file, read from raw entries so an invalid entry still counts as declared. */
export interface Declared {
  readonly nodes: ReadonlySet<string>;
  readonly networks: ReadonlySet<string>;
  /** Container name → the node it runs on (when that was a string). */
  readonly containers: ReadonlyMap<string, unknown>;
}

/**
 * The reference-bearing fields of a service or container read leniently from the raw entry (wrong-typed fields
 * left out), so an entry that fails elsewhere still has its references checked.
 */
export interface ReferenceView {
  readonly index: number;
  readonly name: unknown;
  readonly node: unknown;
  readonly networks: readonly unknown[];
}

/** Everything that parsed, each entry with its index in the file, for the cross-entry checks. */
export interface ParsedConfig {
  readonly nodes: readonly Indexed<NodeInput>[];
  /** False when some `nodes[]` entry failed to parse: then "no manager" is not concluded. */
  readonly allNodesParsed: boolean;
  readonly gossip: GossipSpec | undefined;
  /** `underlay.subnet` as written; undefined when absent (the default grows with the node count) or invalid. */
  readonly underlaySubnet: string | undefined;
  /** True when an `underlay:` section is present but failed to parse: then node addresses are not checked. */
  readonly underlayInvalid: boolean;
  /** Pools written in the file (empty when the key is absent). */
  readonly pools: readonly Indexed<AddressPoolSpec>[];
  readonly networks: readonly Indexed<NetworkInput>[];
  readonly services: readonly Indexed<ServiceInput>[];
  readonly containers: readonly Indexed<ContainerInput>[];
  readonly declared: Declared;
  readonly serviceRefs: readonly ReferenceView[];
  readonly containerRefs: readonly ReferenceView[];
}

/** Docker's `swarm init` default: 10.0.0.0/8 split into /24s (libnetwork ipamutils). */
export const DEFAULT_ADDRESS_POOLS: readonly AddressPoolSpec[] = [{ base: '10.0.0.0/8', size: 24 }];
