import type { App, AppProcess } from '@swarmsim/apps';
import type { BridgeEndpoint } from '@swarmsim/drivers';
import type { Namespace } from '@swarmsim/netmodel';
import type { EmbeddedDns } from './embedded-dns.js';
import type { NetworkRecord } from './network-table.js';
import type { ContainerState, ContainerView, EndpointView, PublishedPort, PublishSpec } from './types.js';

/** One network a container is configured on; `endpoint` exists while it runs. */
export interface Attachment {
  network: NetworkRecord;
  /** `--ip`, requested again at every start. */
  ip?: string;
  aliases: string[];
  endpoint?: BridgeEndpoint;
}

/** How the container gets its network namespace (HostConfig.NetworkMode). */
export type NetworkMode =
  { kind: 'bridge' } | { kind: 'host' } | { kind: 'none' } | { kind: 'container'; target: ContainerRecord };

/** The engine's state of one container. */
export interface ContainerRecord {
  id: string;
  name: string;
  image: string;
  app: App;
  cmd: string[];
  env: Record<string, string>;
  mode: NetworkMode;
  /** Bridge networks in connection order (the first one carries the default route and `-p`). */
  attachments: Attachment[];
  publish: PublishSpec[];
  /** Host ports bound while running. */
  ports: PublishedPort[];
  state: ContainerState;
  ns?: Namespace;
  process?: AppProcess;
  dns?: EmbeddedDns;
  /** libnetwork numbers interfaces per sandbox and never reuses a number (eth0, eth1, … after disconnects too). */
  nextIf: number;
  error?: string;
}

/** HostConfig.NetworkMode as Docker prints it. */
export function networkModeName(rec: ContainerRecord): string {
  const m = rec.mode;
  if (m.kind === 'container') return `container:${m.target.id}`;
  if (m.kind !== 'bridge') return m.kind;
  return rec.attachments[0]?.network.name ?? 'bridge';
}

/** The Docker-shaped view of a container. */
export function containerView(rec: ContainerRecord): ContainerView {
  const networks: Record<string, EndpointView> = {};
  for (const a of rec.attachments) networks[a.network.name] = endpointView(a);
  if (rec.mode.kind === 'host' || rec.mode.kind === 'none') networks[rec.mode.kind] = emptyEndpoint('', []);
  return {
    id: rec.id,
    name: rec.name,
    image: rec.image,
    cmd: [...rec.cmd],
    state: rec.state,
    networkMode: networkModeName(rec),
    hostname: rec.id.slice(0, 12),
    networks,
    ports: rec.ports.map((p) => ({ ...p })),
    ...(rec.error === undefined ? {} : { error: rec.error })
  };
}

function endpointView(a: Attachment): EndpointView {
  const ep = a.endpoint;
  if (ep === undefined) return emptyEndpoint(a.network.id, a.aliases);
  return {
    networkId: a.network.id,
    ip: ep.ip,
    mac: ep.mac,
    gateway: ep.network.pool.gateway,
    prefixLength: ep.network.prefixLength,
    aliases: [...a.aliases],
    ifName: ep.ifName
  };
}

function emptyEndpoint(networkId: string, aliases: string[]): EndpointView {
  return { networkId, ip: '', mac: '', gateway: '', prefixLength: 0, aliases: [...aliases], ifName: '' };
}
