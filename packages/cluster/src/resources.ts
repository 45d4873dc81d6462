import type { Manager, NetworkRequest, NetworkView, ServiceSpec, ServiceView, SwarmNetwork, SwarmService, TaskView } from '@swarmsim/swarm';

/** `docker service …` against the cluster's leader. */
export class ClusterServices {
  constructor(private readonly manager: () => Manager) {}

  /** `docker service create`. */
  create(spec: ServiceSpec): SwarmService {
    return this.manager().createService(spec);
  }

  /** `docker service ls`, Docker-shaped. */
  list(): ServiceView[] {
    return this.manager().services();
  }

  /** `docker service scale name=replicas`. */
  scale(name: string, replicas: number): SwarmService {
    return this.manager().scale(name, replicas);
  }

  /** `docker service rm`. */
  remove(name: string): void {
    this.manager().removeService(name);
  }

  /** `docker service ps`, optionally of one service. */
  tasks(name?: string): TaskView[] {
    return this.manager().tasks(name);
  }
}

/** `docker network … -d overlay` against the cluster's leader. */
export class ClusterNetworks {
  constructor(private readonly manager: () => Manager) {}

  /** `docker network create -d overlay`. */
  create(req: NetworkRequest): SwarmNetwork {
    return this.manager().createNetwork(req);
  }

  /** Swarm networks (ingress included), Docker-shaped. */
  list(): NetworkView[] {
    return this.manager().networks();
  }

  /** `docker network rm`. */
  remove(name: string): void {
    this.manager().removeNetwork(name);
  }
}
