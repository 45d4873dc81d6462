import type { ManagerCall, ManagerResult } from '@swarmsim/node';
import { compareNatural } from './natural-order.js';
import type {
  NetworkRequest,
  NetworkView,
  NodeAvailability,
  NodeView,
  ServiceSpec,
  ServiceView,
  TaskView
} from '@swarmsim/swarm';

/** Sends one call to the leader's control plane: directly in-process, over the message port for workers. */
export type ManagerCaller = <C extends ManagerCall>(call: C) => Promise<ManagerResult<C>>;

/** `docker service …` against the cluster's leader; the same (async) API in both runtimes. */
export class ClusterServices {
  constructor(private readonly call: ManagerCaller) {}

  /** `docker service create`. */
  create(spec: ServiceSpec): Promise<ServiceView> {
    return this.call({ op: 'createService', spec });
  }

  /** `docker service ls`, Docker-shaped. */
  list(): Promise<ServiceView[]> {
    return this.call({ op: 'services' });
  }

  /** `docker service inspect` by name or id. */
  inspect(name: string): Promise<ServiceView> {
    return this.call({ op: 'inspectService', service: name });
  }

  /** `docker service update` with a whole new spec (a changed task template rolls the tasks). */
  update(name: string, spec: ServiceSpec): Promise<ServiceView> {
    return this.call({ op: 'updateService', service: name, spec });
  }

  /** `docker service scale name=replicas`. */
  scale(name: string, replicas: number): Promise<ServiceView> {
    return this.call({ op: 'scaleService', service: name, replicas });
  }

  /** `docker service rm`. */
  async remove(name: string): Promise<void> {
    await this.call({ op: 'removeService', service: name });
  }

  /** `docker service ps`, optionally of one service. */
  tasks(name?: string): Promise<TaskView[]> {
    return this.call(name === undefined ? { op: 'tasks' } : { op: 'tasks', service: name });
  }
}

/** `docker network … -d overlay` against the cluster's leader. */
export class ClusterNetworks {
  constructor(private readonly call: ManagerCaller) {}

  /** `docker network create -d overlay`. */
  create(req: NetworkRequest): Promise<NetworkView> {
    return this.call({ op: 'createNetwork', req });
  }

  /** Swarm networks (ingress included), Docker-shaped. */
  list(): Promise<NetworkView[]> {
    return this.call({ op: 'networks' });
  }

  /** `docker network rm`. */
  async remove(name: string): Promise<void> {
    await this.call({ op: 'removeNetwork', network: name });
  }
}

/** `docker node …` against the cluster's leader: the swarm's view of its nodes. */
export class ClusterSwarmNodes {
  constructor(private readonly call: ManagerCaller) {}

  /** `docker node ls`, Docker-shaped, in the CLI's order: by hostname, naturally (`node-2` before `node-10`). */
  async list(): Promise<NodeView[]> {
    const nodes = await this.call({ op: 'nodes' });
    return nodes.sort((a, b) => compareNatural(a.Description.Hostname, b.Description.Hostname));
  }

  /** `docker node update --availability active|pause|drain <hostname|id>`. */
  setAvailability(node: string, availability: NodeAvailability): Promise<NodeView> {
    return this.call({ op: 'updateNode', node, availability });
  }

  /** `docker node rm --force <hostname|id>`. */
  async remove(node: string): Promise<void> {
    await this.call({ op: 'removeNode', node });
  }
}
