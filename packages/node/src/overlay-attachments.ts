import type { DockerHost, OverlayEndpoint, OverlayNetwork } from '@swarmsim/drivers';
import type { Gossip, TableEntry } from '@swarmsim/gossip';
import type { Logger } from '@swarmsim/interface';
import type { Namespace } from '@swarmsim/netmodel';
import type { AssignedNetwork } from '@swarmsim/swarm';

/** NetworkDB's table of overlay endpoints (libnetwork `drivers/overlay/peerdb.go`: `overlay_peer_table`). */
export const OVERLAY_PEER_TABLE = 'overlay_peer_table';

/** One `overlay_peer_table` record: libnetwork's PeerRecord (endpoint IP, endpoint MAC, tunnel endpoint IP). */
export interface PeerRecord {
  endpointIp: string;
  endpointMac: string;
  tunnelEndpointIp: string;
}

/** Collaborators of {@link OverlayAttachments}. */
export interface OverlayAttachmentsComponents {
  host: DockerHost;
  gossip: Gossip;
  /** This node's VTEP: its underlay address. */
  vtep: string;
  logger: Logger;
}

interface Attachment {
  networkId: string;
  key: string;
  endpoint: OverlayEndpoint;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * A node's side of the overlay control plane, as libnetwork's overlay driver uses NetworkDB: when a local endpoint
 * joins an overlay the node builds the network lazily (joining its gossip network, so the other members' peer
 * records reach it by bulk sync), attaches the endpoint and publishes its `overlay_peer_table` record; every record
 * of a network the node has is programmed as a peer (neighbour + static FDB entry on vxlan0), and a record that is
 * deleted — or vanishes with a dead node — is unprogrammed. The last local endpoint leaving tears it down.
 */
export class OverlayAttachments {
  private readonly attachments = new Map<string, Attachment[]>();
  private readonly networksById = new Map<string, OverlayNetwork>();
  private readonly unsubscribe: (() => void)[];
  private closed = false;

  constructor(private readonly c: OverlayAttachmentsComponents) {
    const { gossip } = c;
    this.unsubscribe = [
      gossip.on('table:create', (e) => this.onPeer(e, 'add')),
      gossip.on('table:update', (e) => this.onPeer(e, 'add')),
      gossip.on('table:delete', (e) => this.onPeer(e, 'remove'))
    ];
  }

  /** Attaches `owner`'s namespace to each assigned overlay in order (`eth0`, `eth1` …), as Docker orders them. */
  attach(owner: string, ns: Namespace, networks: readonly AssignedNetwork[]): void {
    const done: Attachment[] = [];
    this.attachments.set(owner, done);
    networks.forEach((net, i) => {
      const [address] = net.addresses;
      if (address === undefined) return;
      const [ip, prefix] = address.split('/');
      const network = this.networkFor(net);
      const endpoint = network.join(ns, { ip: ip!, prefixLength: Number(prefix), ifName: `eth${i}` });
      const key = `${owner}/${net.networkId}`;
      const record: PeerRecord = { endpointIp: ip!, endpointMac: endpoint.mac, tunnelEndpointIp: this.c.vtep };
      this.c.gossip.create(OVERLAY_PEER_TABLE, net.networkId, key, encoder.encode(JSON.stringify(record)));
      done.push({ networkId: net.networkId, key, endpoint });
    });
  }

  /** Detaches everything `owner` joined: its records are deleted first, then its endpoints leave. */
  detach(owner: string): void {
    for (const a of this.attachments.get(owner) ?? []) {
      // A crashed node says nothing: its records vanish from the others when gossip declares it dead.
      if (!this.closed) this.c.gossip.delete(OVERLAY_PEER_TABLE, a.networkId, a.key);
      a.endpoint.network.leave(a.endpoint);
      if (a.endpoint.network.endpoints.size === 0) this.forget(a.networkId);
    }
    this.attachments.delete(owner);
  }

  /** Stops listening to gossip and publishing to it (the node is going away); endpoints can still be detached. */
  close(): void {
    this.closed = true;
    for (const off of this.unsubscribe) off();
  }

  private networkFor(net: AssignedNetwork): OverlayNetwork {
    const known = this.networksById.get(net.networkId);
    if (known !== undefined) return known;
    const { overlays } = this.c.host;
    const network = overlays.has(net.name)
      ? overlays.network(net.name)
      : overlays.createNetwork({ name: net.name, vni: net.vni, subnet: net.subnet, gateway: net.gateway });
    this.networksById.set(net.networkId, network);
    // Join the network's gossip, then program what its members already published.
    this.c.gossip.joinNetwork(net.networkId);
    for (const e of this.c.gossip.entries({ network: net.networkId, table: OVERLAY_PEER_TABLE }))
      this.program(e, 'add');
    return network;
  }

  private forget(networkId: string): void {
    const network = this.networksById.get(networkId);
    this.networksById.delete(networkId);
    if (!this.closed) this.c.gossip.leaveNetwork(networkId);
    network?.remove();
  }

  private onPeer(e: TableEntry, action: 'add' | 'remove'): void {
    if (e.table === OVERLAY_PEER_TABLE && this.networksById.has(e.network)) this.program(e, action);
  }

  private program(e: TableEntry, action: 'add' | 'remove'): void {
    const network = this.networksById.get(e.network);
    const record = decodePeer(e.value);
    if (network === undefined) return;
    try {
      if (record === undefined) throw new TypeError('not a peer record');
      const { endpointIp, endpointMac, tunnelEndpointIp } = record;
      if (action === 'add') network.addPeer(endpointIp, endpointMac, tunnelEndpointIp);
      else network.removePeer(endpointIp, endpointMac, tunnelEndpointIp);
    } catch (err) {
      // Another node's record must not break this one: libnetwork logs and skips a peer it cannot program.
      this.c.logger.warn({ key: e.key, network: e.network, err: String(err) }, 'overlay peer not programmed');
    }
  }
}

/** A record as published by {@link OverlayAttachments.attach}; undefined for anything else. */
export function decodePeer(value: Uint8Array): PeerRecord | undefined {
  try {
    const r = JSON.parse(decoder.decode(value)) as Partial<PeerRecord>;
    const ok = [r.endpointIp, r.endpointMac, r.tunnelEndpointIp].every((v) => typeof v === 'string');
    return ok ? (r as PeerRecord) : undefined;
  } catch {
    return undefined;
  }
}
