import type { Store } from '../store/store.js';
import { TASK_STATE_CODE, type TaskState } from '../task-state.js';
import type { SwarmTask } from '../types.js';

/** A network attachment as the node needs it to build the sandbox. */
export interface AssignedNetwork {
  networkId: string;
  name: string;
  vni: number;
  subnet: string;
  gateway: string;
  /** With prefix length. */
  addresses: string[];
  /** The swarm routing mesh network (no DNS records on it). */
  ingress: boolean;
  /** The service's VIP on this network, without prefix; absent in dnsrr mode. */
  vip?: string;
}

/** One task a node must run (or stop), with everything needed to wire it. */
export interface Assignment {
  taskId: string;
  serviceId: string;
  serviceName: string;
  slot: number;
  image: string;
  env: string[];
  desiredState: TaskState;
  networks: AssignedNetwork[];
}

/** One change of a node's assignment set. */
export type AssignmentChange = { action: 'update'; assignment: Assignment } | { action: 'remove'; taskId: string };

/**
 * The message the dispatcher streams to one node (swarmkit AssignmentsMessage): `complete` lists everything
 * the node should have (sent when its session starts, e.g. after it was Down), `incremental` only changes.
 */
export interface AssignmentSet {
  nodeId: string;
  type: 'complete' | 'incremental';
  changes: AssignmentChange[];
}

/** The assignment of a task, or undefined while it is not yet placed. */
export function toAssignment(store: Store, task: SwarmTask): Assignment | undefined {
  if (task.nodeId === undefined || TASK_STATE_CODE[task.status.state] < TASK_STATE_CODE.assigned) return undefined;
  const service = store.get('service', task.serviceId);
  const networks = task.networks.flatMap((a) => {
    const net = store.get('network', a.networkId);
    if (net === undefined) return [];
    const { name, vni, subnet, gateway, ingress } = net;
    const vip = service?.endpoint.virtualIps.find((v) => v.networkId === net.id)?.addr.split('/')[0];
    return [
      { networkId: net.id, name, vni, subnet, gateway, ingress, addresses: [...a.addresses], ...(vip ? { vip } : {}) }
    ];
  });
  return {
    taskId: task.id,
    serviceId: task.serviceId,
    serviceName: task.template.serviceName,
    slot: task.slot,
    image: task.template.image,
    env: [...task.template.env],
    desiredState: task.desiredState,
    networks
  };
}
