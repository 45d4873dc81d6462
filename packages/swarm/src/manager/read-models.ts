import type { Store } from '../store/store.js';
import type { TaskState } from '../task-state.js';
import type { Meta, SwarmNetwork, SwarmNode, SwarmService, SwarmTask } from '../types.js';

/** `Version`, `CreatedAt`, `UpdatedAt` as Docker's API shows them. */
export interface MetaView {
  Version: { Index: number };
  CreatedAt: string;
  UpdatedAt: string;
}

/** A service shaped like `docker service inspect`. */
export interface ServiceView extends MetaView {
  ID: string;
  Spec: {
    Name: string;
    Labels: Record<string, string>;
    TaskTemplate: { ContainerSpec: { Image: string; Env: string[] }; Networks: { Target: string }[] };
    Mode: { Replicated: { Replicas: number } } | { Global: Record<string, never> };
    EndpointSpec: { Mode: 'vip' | 'dnsrr' };
  };
  Endpoint: {
    Spec: { Mode: 'vip' | 'dnsrr' };
    Ports: { Protocol: string; TargetPort: number; PublishedPort: number; PublishMode: string }[];
    VirtualIPs: { NetworkID: string; Addr: string }[];
  };
  UpdateStatus?: { State: string; StartedAt: string; CompletedAt?: string; Message: string };
}

/** A task shaped like `docker inspect <task>`. */
export interface TaskView extends MetaView {
  ID: string;
  ServiceID: string;
  Slot?: number;
  NodeID?: string;
  DesiredState: TaskState;
  Status: { Timestamp: string; State: TaskState; Message: string; Err?: string };
  NetworksAttachments: { Network: { ID: string; Spec: { Name: string } }; Addresses: string[] }[];
}

/** A node shaped like `docker node inspect`. */
export interface NodeView extends MetaView {
  ID: string;
  Spec: { Role: string; Availability: string; Labels: Record<string, string> };
  Description: { Hostname: string; Platform: { Architecture: string; OS: string } };
  Status: { State: string; Message?: string; Addr: string };
}

/** A swarm network shaped like the Swarm API's `Network` object. */
export interface NetworkView extends MetaView {
  ID: string;
  Spec: { Name: string; Labels: Record<string, string>; Ingress: boolean; Attachable: boolean; Internal: boolean };
  DriverState: { Name: 'overlay'; Options: Record<string, string> };
  IPAMOptions: { Driver: { Name: 'default' }; Configs: { Subnet: string; Gateway: string }[] };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function metaView(meta: Meta): MetaView {
  return { Version: { Index: meta.version }, CreatedAt: iso(meta.createdAt), UpdatedAt: iso(meta.updatedAt) };
}

/** Docker-shaped view of a service. */
export function serviceView(s: SwarmService): ServiceView {
  const mode = s.spec.endpointMode ?? 'vip';
  const u = s.updateStatus;
  return {
    ID: s.id,
    ...metaView(s.meta),
    Spec: {
      Name: s.spec.name,
      Labels: { ...(s.spec.labels ?? {}) },
      TaskTemplate: {
        ContainerSpec: { Image: s.spec.image, Env: [...(s.spec.env ?? [])] },
        Networks: s.networkIds.map((Target) => ({ Target }))
      },
      Mode: s.spec.mode === 'global' ? { Global: {} } : { Replicated: { Replicas: s.spec.replicas ?? 1 } },
      EndpointSpec: { Mode: mode }
    },
    Endpoint: {
      Spec: { Mode: mode },
      Ports: s.endpoint.ports.map((p) => ({
        Protocol: p.protocol,
        TargetPort: p.targetPort,
        PublishedPort: p.publishedPort,
        PublishMode: p.publishMode
      })),
      VirtualIPs: s.endpoint.virtualIps.map((v) => ({ NetworkID: v.networkId, Addr: v.addr }))
    },
    ...(u === undefined ? {} : { UpdateStatus: updateStatusView(u) })
  };
}

function updateStatusView(u: NonNullable<SwarmService['updateStatus']>): NonNullable<ServiceView['UpdateStatus']> {
  const view = { State: u.state, StartedAt: iso(u.startedAt), Message: u.message };
  return u.completedAt === undefined ? view : { ...view, CompletedAt: iso(u.completedAt) };
}

/** Docker-shaped view of a task (global tasks have no `Slot`). */
export function taskView(store: Store, t: SwarmTask): TaskView {
  const { state, timestamp, message } = t.status;
  const status: TaskView['Status'] = { Timestamp: iso(timestamp), State: state, Message: message };
  if (t.status.err !== undefined) status.Err = t.status.err;
  return {
    ID: t.id,
    ...metaView(t.meta),
    ServiceID: t.serviceId,
    ...(t.slot > 0 ? { Slot: t.slot } : {}),
    ...(t.nodeId !== undefined ? { NodeID: t.nodeId } : {}),
    DesiredState: t.desiredState,
    Status: status,
    NetworksAttachments: t.networks.map((a) => ({
      Network: { ID: a.networkId, Spec: { Name: store.get('network', a.networkId)?.name ?? '' } },
      Addresses: [...a.addresses]
    }))
  };
}

/** Docker-shaped view of a node. */
export function nodeView(n: SwarmNode): NodeView {
  return {
    ID: n.id,
    ...metaView(n.meta),
    Spec: { Role: n.role, Availability: n.availability, Labels: { ...n.labels } },
    Description: { Hostname: n.hostname, Platform: { Architecture: n.platform.architecture, OS: n.platform.os } },
    Status: { State: n.status.state, ...(n.status.message ? { Message: n.status.message } : {}), Addr: n.addr }
  };
}

/** Docker-shaped view of a swarm network. */
export function networkView(n: SwarmNetwork): NetworkView {
  return {
    ID: n.id,
    ...metaView(n.meta),
    Spec: { Name: n.name, Labels: { ...n.labels }, Ingress: n.ingress, Attachable: n.attachable, Internal: n.internal },
    DriverState: { Name: 'overlay', Options: { 'com.docker.network.driver.overlay.vxlanid_list': String(n.vni) } },
    IPAMOptions: { Driver: { Name: 'default' }, Configs: [{ Subnet: n.subnet, Gateway: n.gateway }] }
  };
}
