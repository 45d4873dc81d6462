import type {
  Manager,
  NetworkRequest,
  NetworkView,
  NodeAvailability,
  NodeView,
  ServiceSpec,
  ServiceView,
  TaskView
} from '@swarmsim/swarm';
import { SwarmError } from '@swarmsim/swarm';

/**
 * One request to the leader's control plane as plain data, so the same call runs against an in-process
 * Manager or crosses into a worker thread (structured clone) unchanged. Node refs are an id or a hostname.
 */
export type ManagerCall =
  | { op: 'nodes' }
  | { op: 'updateNode'; node: string; availability: NodeAvailability }
  | { op: 'removeNode'; node: string }
  | { op: 'networks' }
  | { op: 'createNetwork'; req: NetworkRequest }
  | { op: 'removeNetwork'; network: string }
  | { op: 'services' }
  | { op: 'inspectService'; service: string }
  | { op: 'createService'; spec: ServiceSpec }
  | { op: 'updateService'; service: string; spec: ServiceSpec }
  | { op: 'scaleService'; service: string; replicas: number }
  | { op: 'removeService'; service: string }
  | { op: 'tasks'; service?: string };

/** What each call answers: Docker-shaped views only (plain data), never live store objects. */
export interface ManagerResults {
  nodes: NodeView[];
  updateNode: NodeView;
  removeNode: undefined;
  networks: NetworkView[];
  createNetwork: NetworkView;
  removeNetwork: undefined;
  services: ServiceView[];
  inspectService: ServiceView;
  createService: ServiceView;
  updateService: ServiceView;
  scaleService: ServiceView;
  removeService: undefined;
  tasks: TaskView[];
}

/** The answer type of one call. */
export type ManagerResult<C extends ManagerCall> = ManagerResults[C['op']];

/** Runs one call against the leader's Manager; errors are the Manager's own (SwarmError with a code). */
export function runManagerCall<C extends ManagerCall>(manager: Manager, call: C): ManagerResult<C> {
  return dispatch(manager, call) as ManagerResult<C>;
}

function dispatch(manager: Manager, call: ManagerCall): ManagerResults[keyof ManagerResults] {
  switch (call.op) {
    case 'nodes':
      return manager.nodes();
    case 'updateNode': {
      const id = nodeId(manager, call.node);
      manager.setAvailability(id, call.availability);
      return manager.nodes().find((n) => n.ID === id)!;
    }
    case 'removeNode':
      manager.removeNode(nodeId(manager, call.node));
      return undefined;
    case 'networks':
      return manager.networks();
    case 'createNetwork': {
      const id = manager.createNetwork(call.req).id;
      return manager.networks().find((n) => n.ID === id)!;
    }
    case 'removeNetwork':
      manager.removeNetwork(call.network);
      return undefined;
    case 'services':
      return manager.services();
    case 'inspectService':
      return serviceView(manager, manager.service(call.service).id);
    case 'createService':
      return serviceView(manager, manager.createService(call.spec).id);
    case 'updateService':
      return serviceView(manager, manager.updateService(call.service, call.spec).id);
    case 'scaleService':
      return serviceView(manager, manager.scale(call.service, call.replicas).id);
    case 'removeService':
      manager.removeService(call.service);
      return undefined;
    case 'tasks':
      return manager.tasks(call.service);
  }
}

function serviceView(manager: Manager, id: string): ServiceView {
  return manager.services().find((s) => s.ID === id)!;
}

/** A node by id, or by hostname as `docker node update <hostname>` accepts. */
function nodeId(manager: Manager, ref: string): string {
  const nodes = manager.nodes();
  const node = nodes.find((n) => n.ID === ref) ?? nodes.find((n) => n.Description.Hostname === ref);
  if (node === undefined) throw new SwarmError({ code: 'SWARM_ERR_NOT_FOUND', kind: 'node', ref });
  return node.ID;
}
