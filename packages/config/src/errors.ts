// Error codes of @swarmsim/config (copied into docs/errors.md):
// CONFIG_ERR_INVALID: the file has one or more errors; the aggregate ConfigErrors lists each in `.errors`
// CONFIG_ERR_YAML: the text is not well-formed YAML (syntax, duplicate key, several documents, alias bomb)
// CONFIG_ERR_SCHEMA: a key has the wrong type, a required key is missing, or a key is unknown
// CONFIG_ERR_INVALID_CIDR: a subnet, ip-range or address-pool base is not an IPv4 CIDR, or has host bits set
// CONFIG_ERR_INVALID_ADDRESS: an IPv4 address (gateway, container ip, underlay/host address) is malformed or
//   outside the subnet it must belong to
// CONFIG_ERR_INVALID_POOL_SIZE: a default address pool size is below the base's prefix length or above 29
// CONFIG_ERR_OVERLAPPING_SUBNET: two subnets of the same address space overlap (also with ingress or docker0)
// CONFIG_ERR_INVALID_NAME: a node, network or container name breaks Docker's [a-zA-Z0-9][a-zA-Z0-9_.-]*, or a
//   service name is not a DNS label (swarmkit: "name must be valid as a DNS name component", at most 63 characters)
// CONFIG_ERR_DUPLICATE_NAME: two nodes, networks, services or containers share a name, or a network reuses a
//   predefined name (bridge, host, none, ingress, docker_gwbridge)
// CONFIG_ERR_DUPLICATE_ADDRESS: two nodes share an underlay IP or a host address
// CONFIG_ERR_TOO_MANY_NODES: the nodes need more default addresses than the underlay subnet (given, or the default
//   grown up to 192.168.0.0/16) or 127.0.0.0/8 hold, or more ingress-sbox addresses than the ingress subnet holds
// CONFIG_ERR_INVALID_PORT: a port is not an integer in 1..65535, or a short port form does not parse
// CONFIG_ERR_INVALID_DURATION: a duration is neither a non-negative number of ms nor a Go duration ("5s")
// CONFIG_ERR_INVALID_IMAGE: an image is not a reference Docker could pull (distribution/reference: "invalid
//   reference format", upper-case repository names, a bad tag or digest)
// CONFIG_ERR_INVALID_CONSTRAINT: a placement constraint breaks swarmkit's grammar `<key> ==|!= <value>`
// CONFIG_ERR_UNKNOWN_REFERENCE: a service or container names a network, node or container that is not declared,
//   or a network kind it cannot use (a bridge network for a service, a non-attachable overlay for a container)
// CONFIG_ERR_PORT_CONFLICT: two services publish the same ingress port, or two containers of a node the same host port
// CONFIG_ERR_DNSRR_INGRESS: a dnsrr service publishes a port in ingress mode
// CONFIG_ERR_NO_MANAGER: no node has role manager
// CONFIG_ERR_INVALID_LEADER: the leader flag is set on a worker, or on more than one node
// CONFIG_ERR_UNSUPPORTED: the config asks for what the simulator does not build yet (a standalone container on an
//   overlay network: the overlay data plane)
// CONFIG_ERR_NODE_COUNT: defaultClusterSpec(n) got an n that is not a whole number from 1 to the number of nodes
//   the default addresses hold (a NodeCountError; metadata `nodes`, `max`)
import { SwarmsimError } from '@swarmsim/interface';

/** Codes of a single {@link ConfigError}. */
export type ConfigErrorCode =
  | 'CONFIG_ERR_YAML'
  | 'CONFIG_ERR_SCHEMA'
  | 'CONFIG_ERR_INVALID_CIDR'
  | 'CONFIG_ERR_INVALID_ADDRESS'
  | 'CONFIG_ERR_INVALID_POOL_SIZE'
  | 'CONFIG_ERR_OVERLAPPING_SUBNET'
  | 'CONFIG_ERR_INVALID_NAME'
  | 'CONFIG_ERR_DUPLICATE_NAME'
  | 'CONFIG_ERR_DUPLICATE_ADDRESS'
  | 'CONFIG_ERR_TOO_MANY_NODES'
  | 'CONFIG_ERR_INVALID_PORT'
  | 'CONFIG_ERR_INVALID_DURATION'
  | 'CONFIG_ERR_INVALID_IMAGE'
  | 'CONFIG_ERR_INVALID_CONSTRAINT'
  | 'CONFIG_ERR_UNKNOWN_REFERENCE'
  | 'CONFIG_ERR_PORT_CONFLICT'
  | 'CONFIG_ERR_DNSRR_INGRESS'
  | 'CONFIG_ERR_NO_MANAGER'
  | 'CONFIG_ERR_INVALID_LEADER'
  | 'CONFIG_ERR_UNSUPPORTED';

/** Metadata of a {@link ConfigError}: where in which file, and the key path (`services[0].replicas`). */
export interface ConfigErrorType {
  code: ConfigErrorCode;
  file: string;
  /** 1-based line of the offending node. */
  line: number;
  /** 1-based column of the offending node. */
  col: number;
  /** Key path from the document root, e.g. `services[0].ports[1].published`; '' for the root. */
  path: string;
}

/** One problem in a config file; the message reads `file:line:col: path: detail`. */
export class ConfigError extends SwarmsimError<ConfigErrorType> {
  /** The message without the `file:line:col: path:` prefix. */
  readonly detail: string;

  constructor(type: ConfigErrorType, detail: string) {
    const where = `${type.file}:${type.line}:${type.col}:`;
    super(type, type.path === '' ? `${where} ${detail}` : `${where} ${type.path}: ${detail}`);
    this.detail = detail;
  }
}

/** Metadata of {@link ConfigErrors}. */
export interface ConfigErrorsType {
  code: 'CONFIG_ERR_INVALID';
  file: string;
  /** How many errors `.errors` holds. */
  count: number;
}

/** Every error found in one file, in source order; thrown by `parseClusterConfig`. */
export class ConfigErrors extends SwarmsimError<ConfigErrorsType> {
  /** The individual errors, sorted by line then column; never empty. */
  readonly errors: readonly ConfigError[];

  constructor(file: string, errors: readonly ConfigError[]) {
    const n = errors.length;
    super(
      { code: 'CONFIG_ERR_INVALID', file, count: n },
      [`${file}: ${n} error${n === 1 ? '' : 's'}`, ...errors.map((e) => e.message)].join('\n')
    );
    this.errors = errors;
  }
}

/** Metadata of a {@link NodeCountError}. */
export interface NodeCountErrorType {
  code: 'CONFIG_ERR_NODE_COUNT';
  /** The count asked for. */
  nodes: number;
  /** The most nodes the default addresses hold. */
  max: number;
}

/** `defaultClusterSpec(n)` with an `n` the default addresses cannot serve. */
export class NodeCountError extends SwarmsimError<NodeCountErrorType> {}
