import type {
  ConnectNetworkOptions,
  ContainerCall,
  ContainerResult,
  ContainerView,
  LocalNetworkView,
  NetworkCreateOptions,
  RunOptions
} from '@swarmsim/node';

/** Sends one call to a node's container engine: directly in-process, over the message port for workers. */
export type ContainerCaller = <C extends ContainerCall>(node: string, call: C) => Promise<ContainerResult<C>>;

/** A container with the node it runs on, as `list()` across the cluster returns it. */
export type PlacedContainer = ContainerView & { node: string };

/**
 * `docker run`, `docker ps`, `docker network create -d bridge` … on one node's engine (each node is its own
 * Docker host: standalone containers and bridge networks are local to it). Every method is async, so an unknown
 * node name rejects (CLUSTER_ERR_NO_SUCH_NODE) instead of throwing synchronously.
 */
export class ClusterContainers {
  constructor(
    private readonly call: ContainerCaller,
    private readonly liveNodes: () => string[]
  ) {}

  /** `docker run -d` on `node`. */
  async run(node: string, options: RunOptions): Promise<ContainerView> {
    return this.call(node, { op: 'run', options });
  }

  /** `docker ps [-a]` on one node, or on every live node when `node` is omitted. */
  async list(node?: string, options: { all?: boolean } = {}): Promise<PlacedContainer[]> {
    const nodes = node === undefined ? this.liveNodes() : [node];
    const lists = await Promise.all(
      nodes.map(async (n) =>
        (await this.call(n, { op: 'list', all: options.all ?? false })).map((c) => ({ ...c, node: n }))
      )
    );
    return lists.flat();
  }

  /** `docker inspect <container>`. */
  async inspect(node: string, container: string): Promise<ContainerView> {
    return this.call(node, { op: 'inspect', container });
  }

  /** `docker start`. */
  async start(node: string, container: string): Promise<ContainerView> {
    return this.call(node, { op: 'start', container });
  }

  /** `docker stop`: the container's addresses are released (Docker releases endpoints on stop). */
  async stop(node: string, container: string): Promise<ContainerView> {
    return this.call(node, { op: 'stop', container });
  }

  /** `docker restart`: may come back with another address if its old one was taken meanwhile. */
  async restart(node: string, container: string): Promise<ContainerView> {
    return this.call(node, { op: 'restart', container });
  }

  /** `docker rm [-f]`. */
  async remove(node: string, container: string, options: { force?: boolean } = {}): Promise<void> {
    await this.call(node, { op: 'remove', container, force: options.force ?? false });
  }

  /** `docker network connect [--ip] [--alias] <network> <container>`. */
  async connect(
    node: string,
    container: string,
    network: string,
    options: ConnectNetworkOptions = {}
  ): Promise<ContainerView> {
    return this.call(node, { op: 'connect', container, network, options });
  }

  /** `docker network disconnect <network> <container>`. */
  async disconnect(node: string, container: string, network: string): Promise<ContainerView> {
    return this.call(node, { op: 'disconnect', container, network });
  }

  /** `docker network create -d bridge` on `node`. */
  async createNetwork(node: string, name: string, options: NetworkCreateOptions = {}): Promise<LocalNetworkView> {
    return this.call(node, { op: 'createNetwork', name, options });
  }

  /** `docker network rm` on `node`. */
  async removeNetwork(node: string, network: string): Promise<void> {
    await this.call(node, { op: 'removeNetwork', network });
  }

  /** `docker network ls` on `node` (bridge, host, none and its user bridges). */
  async networks(node: string): Promise<LocalNetworkView[]> {
    return this.call(node, { op: 'networks' });
  }
}
