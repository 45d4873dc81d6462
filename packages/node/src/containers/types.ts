import type { PortProtocol } from '@swarmsim/drivers';

/** `docker network create -d bridge` options. */
export interface NetworkCreateOptions {
  /** `--subnet`; absent = the next free local pool (/16 after docker0 and docker_gwbridge). */
  subnet?: string;
  /** `--gateway`. @default the subnet's first address */
  gateway?: string;
  /** `--ip-range`: dynamic addresses come from here. */
  ipRange?: string;
  /** `--internal`: no route out, no masquerade. @default false */
  internal?: boolean;
  /** `--attachable` (recorded; it matters for overlays only). @default false */
  attachable?: boolean;
}

/** One network as `docker network ls` / `inspect` shows it. */
export interface NetworkView {
  Name: string;
  Id: string;
  /** `bridge`, `host` or `null` (the `none` network). */
  Driver: 'bridge' | 'host' | 'null';
  Scope: 'local';
  Internal: boolean;
  Attachable: boolean;
  IPAM: { Driver: 'default'; Config: { Subnet: string; Gateway: string; IPRange?: string }[] };
  /** Attached running containers by id. */
  Containers: Record<string, { Name: string; IPv4Address: string; MacAddress: string }>;
}

/** `-p [hostPort:]containerPort[/protocol]`. */
export interface PublishSpec {
  /** Host port; absent or 0 = the next ephemeral port from 32768 (FIDELITY §6). */
  hostPort?: number;
  containerPort: number;
  /** @default 'tcp' */
  protocol?: PortProtocol;
}

/** `docker run` options. */
export interface RunOptions {
  /** `--name`; absent = a generated `<adjective>_<surname>`. */
  name?: string;
  /** Image; must be one the apps package simulates. */
  image: string;
  /** `--network`: `bridge`, `host`, `none`, `container:<name|id>` or a user network. @default 'bridge' */
  network?: string;
  /** `--ip` on the first network (user networks with a configured subnet only). */
  ip?: string;
  /** `--network-alias` on the first network (user networks only). */
  aliases?: string[];
  /** `-p`. */
  publish?: PublishSpec[];
  /** `-e KEY=VALUE`, given as a record. @default {} */
  env?: Record<string, string>;
  /** The command (recorded, shown in views). */
  cmd?: string[];
}

/** `docker network connect` options. */
export interface ConnectNetworkOptions {
  /** `--ip`. */
  ip?: string;
  /** `--alias`. */
  aliases?: string[];
}

/** One attachment as `docker inspect` shows it under NetworkSettings.Networks. */
export interface EndpointView {
  networkId: string;
  /** Empty while the container is not running (Docker releases endpoints on stop). */
  ip: string;
  mac: string;
  gateway: string;
  prefixLength: number;
  aliases: string[];
  /** Interface in the container (`eth0`, `eth1` …); empty while not running. */
  ifName: string;
}

/** One published port as `docker port` shows it. */
export interface PublishedPort {
  hostIp: '0.0.0.0';
  hostPort: number;
  containerPort: number;
  protocol: PortProtocol;
}

/** Lifecycle state of a container (Docker's State.Status subset). */
export type ContainerState = 'created' | 'running' | 'exited';

/** A container as `docker inspect` / `docker ps` show it. */
export interface ContainerView {
  /** 64 hex characters. */
  id: string;
  name: string;
  image: string;
  cmd: string[];
  state: ContainerState;
  /** HostConfig.NetworkMode: `bridge`, `host`, `none`, `container:<id>` or the first user network. */
  networkMode: string;
  /** Hostname (the short id, as Docker sets it). */
  hostname: string;
  networks: Record<string, EndpointView>;
  ports: PublishedPort[];
  /** Why the last start failed, when the app refused to start. */
  error?: string;
}

/**
 * Where published ports become real listeners: the runtime gives one (a {@link HostPortProxy}); the pure
 * in-process runtime gives none. `open` rejects when the port cannot be bound.
 */
export interface PortBinder {
  open(port: number, protocol: PortProtocol): Promise<void>;
  close(port: number, protocol: PortProtocol): void;
  closeAll(): void;
}
