import type { BridgeDriver, BridgeEndpoint } from '@swarmsim/drivers';
import type { RecordStore } from '@swarmsim/dns';
import type { Random } from '@swarmsim/interface';
import { containerError } from './errors.js';
import { generateId } from './names.js';
import type { NetworkCreateOptions, NetworkView } from './types.js';

/** What the engine knows about a network beyond the driver's state. */
export interface NetworkRecord {
  name: string;
  id: string;
  driver: 'bridge' | 'host' | 'null';
  /** Created with `--subnet`: only then is `--ip` allowed (Docker's rule). */
  userSubnet: boolean;
  /** A user-defined network: embedded DNS, aliases, `--ip`. */
  userDefined: boolean;
  attachable: boolean;
}

/** Names Docker reserves: they always exist and `network rm` refuses them. */
export const PREDEFINED = ['bridge', 'host', 'none'] as const;

/**
 * The node's local networks: `bridge`, `host`, `none` and the bridge driver's networks (docker_gwbridge,
 * user bridges), each with a Docker id; user bridges also get a scope in the embedded DNS record store.
 */
export class NetworkTable {
  private readonly records = new Map<string, NetworkRecord>();

  constructor(
    private readonly driver: BridgeDriver,
    private readonly dns: RecordStore,
    private readonly random: Random
  ) {}

  /** `docker network create -d bridge NAME`: bridge `br-<id12>`, subnet from the local pools unless given. */
  create(name: string, options: NetworkCreateOptions = {}): NetworkRecord {
    this.adoptDriverNetworks();
    if (this.records.has(name) || this.driver.has(name)) {
      throw containerError(
        { code: 'CONTAINER_ERR_NETWORK_EXISTS', network: name },
        `network with name ${name} already exists`
      );
    }
    const rec: NetworkRecord = {
      ...this.record(name, 'bridge', true),
      userSubnet: options.subnet !== undefined,
      attachable: options.attachable ?? false
    };
    const { subnet, gateway, ipRange, internal } = options;
    this.driver.createNetwork(name, { bridgeName: `br-${rec.id.slice(0, 12)}`, subnet, gateway, ipRange, internal });
    this.dns.addNetwork({ id: rec.id, name, scope: 'local' });
    this.records.set(name, rec);
    return rec;
  }

  /** `docker network rm`: refused for the predefined networks and while endpoints are attached. */
  remove(nameOrId: string): void {
    const rec = this.find(nameOrId);
    if ((PREDEFINED as readonly string[]).includes(rec.name)) {
      throw containerError(
        { code: 'CONTAINER_ERR_PREDEFINED_NETWORK', network: rec.name },
        `${rec.name} is a pre-defined network and cannot be removed`
      );
    }
    if (this.driver.network(rec.name).endpoints.size > 0) {
      const message = `error while removing network: network ${rec.name} id ${rec.id} has active endpoints`;
      throw containerError({ code: 'CONTAINER_ERR_NETWORK_IN_USE', network: rec.name }, message);
    }
    this.driver.deleteNetwork(rec.name);
    this.dns.removeNetwork(rec.id);
    this.records.delete(rec.name);
  }

  /** A network by name, full id or unique id prefix (as the Docker CLI accepts). */
  find(nameOrId: string): NetworkRecord {
    this.adoptDriverNetworks();
    const byName = this.records.get(nameOrId);
    if (byName !== undefined) return byName;
    const byId = [...this.records.values()].filter((r) => nameOrId.length > 0 && r.id.startsWith(nameOrId));
    if (byId.length === 1) return byId[0]!;
    throw containerError({ code: 'CONTAINER_ERR_NO_SUCH_NETWORK', network: nameOrId }, `network ${nameOrId} not found`);
  }

  /** True while this very network (not a later one of the same name) exists. */
  has(rec: NetworkRecord): boolean {
    return this.records.get(rec.name) === rec;
  }

  /** Every network, Docker-shaped; `owner` names the container behind an endpoint (others are left out). */
  list(owner: (ep: BridgeEndpoint) => { id: string; name: string } | undefined): NetworkView[] {
    this.adoptDriverNetworks();
    return [...this.records.values()].map((rec) => this.view(rec, owner));
  }

  private view(
    rec: NetworkRecord,
    owner: (ep: BridgeEndpoint) => { id: string; name: string } | undefined
  ): NetworkView {
    const net = rec.driver === 'bridge' ? this.driver.network(rec.name) : undefined;
    const containers: NetworkView['Containers'] = {};
    for (const ep of net?.endpoints ?? []) {
      const c = owner(ep);
      if (c !== undefined)
        containers[c.id] = { Name: c.name, IPv4Address: `${ep.ip}/${net!.prefixLength}`, MacAddress: ep.mac };
    }
    const config =
      net === undefined
        ? []
        : [
            {
              Subnet: net.pool.subnet,
              Gateway: net.pool.gateway,
              ...(net.pool.ipRange ? { IPRange: net.pool.ipRange } : {})
            }
          ];
    return {
      Name: rec.name,
      Id: rec.id,
      Driver: rec.driver,
      Scope: 'local',
      Internal: net?.internal ?? false,
      Attachable: rec.attachable,
      IPAM: { Driver: 'default', Config: config },
      Containers: containers
    };
  }

  // Ids are drawn on first use, so a node that never touches containers draws nothing from its RNG; and
  // docker_gwbridge appears when the node joins a swarm, outside this table: it gets an id on first sight.
  private adoptDriverNetworks(): void {
    if (this.records.size === 0) {
      this.records.set('bridge', this.record('bridge', 'bridge', false));
      this.records.set('host', this.record('host', 'host', false));
      this.records.set('none', this.record('none', 'null', false));
    }
    for (const net of this.driver.list()) {
      if (!this.records.has(net.name)) this.records.set(net.name, this.record(net.name, 'bridge', false));
    }
  }

  private record(name: string, driver: NetworkRecord['driver'], userDefined: boolean): NetworkRecord {
    return { name, id: generateId(this.random), driver, userSubnet: false, userDefined, attachable: false };
  }
}
