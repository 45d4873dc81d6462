import type { Manager } from '@swarmsim/swarm';
import type { InProcessNode } from './in-process-node.js';
import type { ManagerSnapshot, NodeHandle, NodeStatus } from './node-handle.js';

/** The plain-data status of an in-process node. */
export function nodeStatus(node: InProcessNode): NodeStatus {
  const joined = node.nodeId !== undefined && !node.stopped;
  const aliveMembers = joined
    ? node.gossip
        .members()
        .filter((m) => m.state === 'alive')
        .map((m) => m.node)
    : [];
  const tasks = node.tasks.map((t) => ({
    taskId: t.assignment.taskId,
    serviceName: t.assignment.serviceName,
    slot: t.assignment.slot,
    state: t.state
  }));
  return {
    name: node.name,
    joined,
    ...(node.nodeId === undefined ? {} : { nodeId: node.nodeId }),
    leader: node.isLeader,
    aliveMembers,
    tasks,
    dns: node.serviceDns?.status() ?? [],
    overlays: node.host.overlays.list().map((n) => ({
      network: n.name,
      endpoints: [...n.endpoints].map((e) => e.ip).sort(),
      peers: n
        .listPeers()
        .map((p) => p.ip)
        .sort()
    })),
    ...(node.isLeader && !node.stopped ? { manager: managerSnapshot(node.manager) } : {})
  };
}

/** The leader's store reduced to what convergence checks read. */
export function managerSnapshot(manager: Manager): ManagerSnapshot {
  const { store } = manager;
  return {
    nodes: store.list('node').map((n) => ({ id: n.id, hostname: n.hostname, state: n.status.state })),
    services: store
      .list('service')
      .map((s) => ({ id: s.id, name: s.spec.name, mode: s.spec.mode ?? 'replicated', replicas: s.spec.replicas ?? 1 })),
    tasks: store.list('task').map((t) => ({
      id: t.id,
      serviceId: t.serviceId,
      ...(t.nodeId === undefined ? {} : { nodeId: t.nodeId }),
      slot: t.slot,
      desiredState: t.desiredState,
      state: t.status.state
    }))
  };
}

/** An in-process node behind the all-async {@link NodeHandle}. */
export function inProcessHandle(node: InProcessNode): NodeHandle {
  return {
    name: node.name,
    initSwarm: () => node.initSwarm(),
    joinSwarm: (leader, token) => node.joinSwarm(leader, token),
    status: () => Promise.resolve(nodeStatus(node)),
    crash: () => Promise.resolve(node.crash()),
    stop: () => node.stop()
  };
}
