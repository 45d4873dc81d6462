import { AppError, findApp, type App } from '@swarmsim/apps';
import { HostPortAllocator, type BridgeEndpoint, type DockerHost } from '@swarmsim/drivers';
import { dnsResolver, RecordStore } from '@swarmsim/dns';
import { silentLogger, type Clock, type Logger, type Random } from '@swarmsim/interface';
import type { Fabric, Namespace } from '@swarmsim/netmodel';
import { containerView, type Attachment, type ContainerRecord, type NetworkMode } from './container-record.js';
import { ContainerRuntime, notRunning } from './container-runtime.js';
import { containerError } from './errors.js';
import { generateId, generateName } from './names.js';
import { NetworkTable, type NetworkRecord } from './network-table.js';
import type {
  ConnectNetworkOptions,
  ContainerView,
  NetworkCreateOptions,
  NetworkView,
  PortBinder,
  RunOptions
} from './types.js';

/** Plain options of a {@link ContainerEngine}. */
export interface ContainerEngineInit {
  /** The node's name: container namespaces are `<node>:<container>` in the shared fabric. */
  node: string;
}

/** Collaborators of a {@link ContainerEngine}. */
export interface ContainerEngineComponents {
  fabric: Fabric;
  host: DockerHost;
  clock: Clock;
  /** Seeded RNG for container and network ids, generated names and the DNS answer shuffle. */
  random: Random;
  logger?: Logger;
  /** Real listeners for published ports; absent = ports exist only inside the simulation. */
  binder?: PortBinder;
}

/**
 * The standalone-container half of a dockerd (FIDELITY §6): `docker run` in bridge, user-bridge, host, none
 * and `container:` networking, `network create/rm/ls`, `network connect/disconnect`, stop/start/restart/rm,
 * `-p` host ports, and the embedded DNS on user-defined bridges. Pure: real ports come from the injected binder.
 */
export class ContainerEngine {
  private readonly containers = new Map<string, ContainerRecord>();
  private readonly table: NetworkTable;
  private readonly runtime: ContainerRuntime;
  private readonly random: Random;
  private readonly binder: PortBinder | undefined;
  private down = false;

  constructor(init: ContainerEngineInit, components: ContainerEngineComponents) {
    const { fabric, host, clock, random, binder } = components;
    const nodeLog = components.logger ?? silentLogger;
    const log = nodeLog.child({ component: 'containers' });
    this.random = random;
    this.binder = binder;
    const dnsStore = new RecordStore();
    // The resolver names its own component ('dns'); given `log` its lines would carry two component keys.
    const resolver = dnsResolver()({ clock, store: dnsStore, random, logger: nodeLog });
    this.table = new NetworkTable(host.bridges, dnsStore, random);
    const ports = new HostPortAllocator();
    this.runtime = new ContainerRuntime({
      node: init.node,
      fabric,
      host,
      ports,
      dnsStore,
      resolver,
      log,
      ...(binder === undefined ? {} : { binder })
    });
  }

  /** `docker network create -d bridge NAME`. */
  createNetwork(name: string, options: NetworkCreateOptions = {}): NetworkView {
    this.assertUp();
    const rec = this.table.create(name, options);
    return this.network(rec.id);
  }

  /** `docker network rm NAME|ID`. */
  removeNetwork(nameOrId: string): void {
    this.assertUp();
    this.table.remove(nameOrId);
  }

  /** `docker network inspect NAME|ID`. */
  network(nameOrId: string): NetworkView {
    const rec = this.table.find(nameOrId);
    return this.networks().find((n) => n.Id === rec.id)!;
  }

  /** `docker network ls`: bridge, host, none, docker_gwbridge (in swarm mode) and user bridges. */
  networks(): NetworkView[] {
    return this.table.list((ep) => this.ownerOf(ep));
  }

  /** `docker run -d`: creates the container, then starts it; a failed start leaves it `created`, as Docker does. */
  async run(options: RunOptions): Promise<ContainerView> {
    this.assertUp();
    const app = findImage(options.image);
    const name = options.name ?? generateName(this.random, (n) => this.byName(n) !== undefined);
    const holder = this.byName(name);
    if (holder !== undefined) {
      const message = `Conflict. The container name "/${name}" is already in use by container "${holder.id}". You have to remove (or rename) that container to be able to reuse that name.`;
      throw containerError({ code: 'CONTAINER_ERR_NAME_CONFLICT', container: name }, message);
    }
    const mode = this.parseMode(options.network ?? 'bridge');
    const rec = this.newRecord(name, app, mode, options);
    this.containers.set(rec.id, rec);
    await this.startRecord(rec);
    return containerView(rec);
  }

  /** `docker start`: a no-op when running. */
  async start(idOrName: string): Promise<ContainerView> {
    this.assertUp();
    const rec = this.find(idOrName);
    if (rec.state !== 'running') await this.startRecord(rec);
    return containerView(rec);
  }

  /** `docker stop`: the app stops and every endpoint, address and host port is released. */
  stop(idOrName: string): ContainerView {
    this.assertUp();
    const rec = this.find(idOrName);
    this.stopRecord(rec);
    return containerView(rec);
  }

  /** `docker restart`: stop, then start — addresses are allocated again, so they may change. */
  async restart(idOrName: string): Promise<ContainerView> {
    this.assertUp();
    const rec = this.find(idOrName);
    this.stopRecord(rec);
    await this.startRecord(rec);
    return containerView(rec);
  }

  /** `docker rm [-f]`: refused for a running container unless forced. */
  remove(idOrName: string, options: { force?: boolean } = {}): void {
    this.assertUp();
    const rec = this.find(idOrName);
    if (rec.state === 'running' && options.force !== true) {
      const message = `cannot remove container "/${rec.name}": container is running: stop the container before removing or force remove`;
      throw containerError({ code: 'CONTAINER_ERR_IS_RUNNING', container: rec.name }, message);
    }
    this.stopRecord(rec);
    this.containers.delete(rec.id);
  }

  /** `docker network connect [--ip] [--alias] NET CONTAINER`: a running container gets the next `ethN` at once. */
  connect(idOrName: string, network: string, options: ConnectNetworkOptions = {}): ContainerView {
    this.assertUp();
    const rec = this.find(idOrName);
    const net = this.table.find(network);
    assertConnectable(rec, net);
    if (rec.attachments.some((a) => a.network === net)) {
      throw containerError(
        { code: 'CONTAINER_ERR_ALREADY_CONNECTED', container: rec.name, network: net.name },
        `endpoint with name ${rec.name} already exists in network ${net.name}`
      );
    }
    const attachment = newAttachment(net, options.ip, options.aliases);
    rec.attachments.push(attachment);
    if (rec.state !== 'running') return containerView(rec);
    try {
      this.runtime.attach(rec, attachment);
    } catch (err) {
      rec.attachments.pop();
      throw err;
    }
    return containerView(rec);
  }

  /** `docker network disconnect NET CONTAINER`: the interface goes and its address is released. */
  disconnect(idOrName: string, network: string): ContainerView {
    this.assertUp();
    const rec = this.find(idOrName);
    const net = this.table.find(network);
    assertDisconnectable(rec, net);
    const attachment = rec.attachments.find((a) => a.network === net);
    if (attachment === undefined) {
      throw containerError(
        { code: 'CONTAINER_ERR_NOT_CONNECTED', container: rec.name, network: net.name },
        `container ${rec.id} is not connected to network ${net.name}`
      );
    }
    this.runtime.detach(rec, attachment);
    rec.attachments.splice(rec.attachments.indexOf(attachment), 1);
    return containerView(rec);
  }

  /** `docker inspect CONTAINER`. */
  inspect(idOrName: string): ContainerView {
    return containerView(this.find(idOrName));
  }

  /** `docker ps [-a]`, in creation order. */
  list(options: { all?: boolean } = {}): ContainerView[] {
    return [...this.containers.values()]
      .filter((c) => options.all === true || c.state === 'running')
      .map(containerView);
  }

  /** The network namespace a running container's processes see (for tools such as ping, curl, nslookup). */
  namespace(idOrName: string): Namespace {
    const rec = this.find(idOrName);
    if (rec.ns === undefined)
      throw containerError(
        { code: 'CONTAINER_ERR_NOT_RUNNING', container: rec.name },
        `container ${rec.id} is not running`
      );
    return rec.ns;
  }

  /** The node stops or dies: every container stops and every real listener closes; later calls fail. */
  shutdown(): void {
    if (this.down) return;
    for (const rec of this.containers.values()) this.stopRecord(rec);
    this.binder?.closeAll();
    this.down = true;
  }

  private async startRecord(rec: ContainerRecord): Promise<void> {
    if (rec.mode.kind === 'container' && rec.mode.target.state !== 'running') throw notRunning(rec.mode.target.id);
    // A network removed (or removed and re-created) while the container was stopped fails the start, as in Docker.
    const gone = rec.attachments.find((a) => !this.table.has(a.network));
    if (gone !== undefined)
      throw containerError(
        { code: 'CONTAINER_ERR_NO_SUCH_NETWORK', network: gone.network.id },
        `network ${gone.network.id} not found`
      );
    this.runtime.start(rec);
    if (rec.state === 'running') await this.runtime.bindPorts(rec);
  }

  // Containers sharing this one's namespace lose it with it (Docker leaves them without a network).
  private stopRecord(rec: ContainerRecord): void {
    for (const other of this.containers.values()) {
      if (other.mode.kind === 'container' && other.mode.target === rec) this.stopRecord(other);
    }
    this.runtime.teardown(rec);
  }

  private newRecord(name: string, app: App, mode: NetworkMode, o: RunOptions): ContainerRecord {
    const network = o.network ?? 'bridge';
    if (mode.kind !== 'bridge') assertNoEndpointOptions(o, mode);
    const attachments: Attachment[] =
      mode.kind === 'bridge' ? [newAttachment(this.table.find(network), o.ip, o.aliases)] : [];
    return {
      id: generateId(this.random),
      name,
      image: o.image,
      app,
      cmd: [...(o.cmd ?? [])],
      env: { ...(o.env ?? {}) },
      mode,
      attachments,
      publish: mode.kind === 'bridge' ? [...(o.publish ?? [])] : [],
      ports: [],
      state: 'created',
      nextIf: 0
    };
  }

  private parseMode(network: string): NetworkMode {
    if (network.startsWith('container:')) {
      const target = this.find(network.slice('container:'.length));
      if (target.state !== 'running') throw notRunning(target.id);
      return { kind: 'container', target };
    }
    const net = this.table.find(network);
    if (net.driver === 'host') return { kind: 'host' };
    if (net.driver === 'null') return { kind: 'none' };
    return { kind: 'bridge' };
  }

  private find(idOrName: string): ContainerRecord {
    const name = idOrName.replace(/^\//, '');
    const byName = this.byName(name);
    if (byName !== undefined) return byName;
    const byId = [...this.containers.values()].filter((c) => name.length > 0 && c.id.startsWith(name));
    if (byId.length === 1) return byId[0]!;
    throw containerError(
      { code: 'CONTAINER_ERR_NO_SUCH_CONTAINER', container: idOrName },
      `No such container: ${idOrName}`
    );
  }

  private byName(name: string): ContainerRecord | undefined {
    return [...this.containers.values()].find((c) => c.name === name);
  }

  private ownerOf(ep: BridgeEndpoint): { id: string; name: string } | undefined {
    for (const c of this.containers.values())
      if (c.attachments.some((a) => a.endpoint === ep)) return { id: c.id, name: c.name };
    return undefined;
  }

  private assertUp(): void {
    if (this.down)
      throw containerError(
        { code: 'CONTAINER_ERR_ENGINE_STOPPED' },
        'Cannot connect to the Docker daemon: the node is stopped'
      );
  }
}

/** The simulated app of an image (any pullable image runs, idle if nothing simulates it), or Docker's refusal. */
function findImage(image: string): App {
  try {
    return findApp(image);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    throw containerError({ code: 'CONTAINER_ERR_INVALID_REFERENCE', image }, err.message, err);
  }
}

/** Validates `--ip` and `--alias` against the network (daemon validateEndpointSettings). */
function newAttachment(network: NetworkRecord, ip: string | undefined, aliases: string[] = []): Attachment {
  if (ip !== undefined && !network.userDefined) {
    throw containerError(
      { code: 'CONTAINER_ERR_IP_NOT_SUPPORTED', network: network.name },
      'user specified IP address is supported on user defined networks only'
    );
  }
  if (ip !== undefined && !network.userSubnet) {
    const message =
      'user specified IP address is supported only when connecting to networks with user configured subnets';
    throw containerError({ code: 'CONTAINER_ERR_IP_NOT_SUPPORTED', network: network.name }, message);
  }
  if (aliases.length > 0 && !network.userDefined) {
    throw containerError(
      { code: 'CONTAINER_ERR_ALIAS_NOT_SUPPORTED', network: network.name },
      'network-scoped alias is supported only for containers in user defined networks'
    );
  }
  return { network, aliases: [...aliases], ...(ip === undefined ? {} : { ip }) };
}

/** host, none and container: modes take no endpoint settings; container: also takes no `-p`. */
function assertNoEndpointOptions(o: RunOptions, mode: NetworkMode): void {
  if (o.ip !== undefined) {
    throw containerError(
      { code: 'CONTAINER_ERR_IP_NOT_SUPPORTED', network: o.network },
      'user specified IP address is supported on user defined networks only'
    );
  }
  if ((o.aliases ?? []).length > 0) {
    throw containerError(
      { code: 'CONTAINER_ERR_ALIAS_NOT_SUPPORTED', network: o.network },
      'network-scoped alias is supported only for containers in user defined networks'
    );
  }
  if (mode.kind === 'container' && (o.publish ?? []).length > 0) {
    throw containerError(
      { code: 'CONTAINER_ERR_CONFLICT_PUBLISH', network: o.network },
      'conflicting options: port publishing and the container type network mode'
    );
  }
}

/** daemon connectToNetwork + updateNetworkSettings: host, none and container: namespaces take no more networks. */
function assertConnectable(rec: ContainerRecord, net: NetworkRecord): void {
  const kind = rec.mode.kind;
  if (kind === 'container' || kind === 'host') throw sharedNetwork(rec);
  if (net.driver === 'host') {
    throw containerError(
      { code: 'CONTAINER_ERR_CONFLICT_HOST_NETWORK', container: rec.name, network: net.name },
      'container cannot be disconnected from host network or connected to host network'
    );
  }
  if (kind === 'none' || net.driver === 'null') {
    const message =
      'container cannot be connected to multiple networks with one of the networks in private (none) mode';
    throw containerError(
      { code: 'CONTAINER_ERR_CONFLICT_NO_NETWORK', container: rec.name, network: net.name },
      message
    );
  }
}

/** DisconnectFromNetwork: a host-mode container cannot leave host; none and container: have nothing to leave. */
function assertDisconnectable(rec: ContainerRecord, net: NetworkRecord): void {
  const kind = rec.mode.kind;
  if (kind === 'host' || net.driver === 'host') {
    throw containerError(
      { code: 'CONTAINER_ERR_CONFLICT_HOST_NETWORK', container: rec.name, network: net.name },
      'container cannot be disconnected from host network or connected to host network'
    );
  }
  if (kind === 'container') throw sharedNetwork(rec);
  if (kind === 'none' || net.driver === 'null') {
    const message =
      'container cannot be connected to multiple networks with one of the networks in private (none) mode';
    throw containerError(
      { code: 'CONTAINER_ERR_CONFLICT_NO_NETWORK', container: rec.name, network: net.name },
      message
    );
  }
}

function sharedNetwork(rec: ContainerRecord): Error {
  const message =
    'container sharing network namespace with another container or host cannot be connected to any other network';
  return containerError({ code: 'CONTAINER_ERR_CONFLICT_SHARED_NETWORK', container: rec.name }, message);
}
