import {
  createDockerHost,
  type BridgeEndpoint,
  type BridgeNetworkOptions,
  type DockerHost,
  type PortMapping
} from '@swarmsim/drivers';
import { Fabric, Wire, type Namespace } from '@swarmsim/netmodel';
import { ManualClock } from '@swarmsim/clock';

/** A container made by {@link TestLan.run}. */
export interface TestContainer {
  name: string;
  ns: Namespace;
  ip: string;
  mac: string;
  hostVeth: string;
  endpoint: BridgeEndpoint;
}

/**
 * One Docker host on an underlay LAN (192.168.99.0/24) whose router 192.168.99.1 also holds 8.8.8.8, as a
 * stand-in for the internet. Virtual time: nothing moves until `clock.tick()`.
 */
export class TestLan {
  readonly clock = new ManualClock();
  readonly fabric = new Fabric({ clock: this.clock }, { seed: 7 });
  readonly lan = new Wire('underlay');
  readonly internet: Namespace;
  readonly docker: DockerHost;
  private readonly containers = new Map<string, TestContainer>();

  constructor() {
    this.internet = this.fabric.createNamespace('internet');
    const eth0 = this.internet.addEther('eth0', { mac: '02:00:00:00:00:01' });
    this.lan.attach(eth0);
    this.internet.addAddress('eth0', '192.168.99.1/24');
    this.internet.addAddress('eth0', '8.8.8.8/32');
    this.internet.setUp('eth0');
    this.docker = createDockerHost(this.fabric, 'host', {
      wire: this.lan,
      cidr: '192.168.99.100/24',
      gateway: '192.168.99.1'
    });
  }

  /** The host's root namespace. */
  get host(): Namespace {
    return this.docker.ns;
  }

  /** `docker network create -d bridge NAME`. */
  createNetwork(name: string, options: BridgeNetworkOptions = {}) {
    return this.docker.bridges.createNetwork(name, options);
  }

  /** `docker run --name NAME [--network NET] [--ip IP] [-p H:C]`. */
  run(name: string, opts: { network?: string; ip?: string; publish?: PortMapping[] } = {}): TestContainer {
    const ns = this.fabric.createNamespace(name);
    const endpoint = this.docker.bridges.connect(ns, opts.network ?? 'bridge', { ip: opts.ip, publish: opts.publish });
    const c = { name, ns, ip: endpoint.ip, mac: endpoint.mac, hostVeth: endpoint.hostVeth, endpoint };
    this.containers.set(name, c);
    return c;
  }

  /** `docker rm -f NAME`. */
  remove(name: string): void {
    const c = this.containers.get(name)!;
    this.docker.bridges.disconnect(c.endpoint);
    this.fabric.deleteNamespace(name);
    this.containers.delete(name);
  }
}
