import { Emitter, seededRandom, silentLogger, type Clock, type Logger, type Random } from '@swarmsim/interface';
import { Ipam, type PredefinedPool } from '@swarmsim/addr';
import { Allocator, type NetworkRequest } from '../allocator/allocator.js';
import { Dispatcher, type DispatcherEvents, type TaskReport } from '../dispatcher/dispatcher.js';
import { DISPATCHER_PRESETS, type DispatcherConfig } from '../dispatcher/presets.js';
import { SwarmError } from '../errors.js';
import { Orchestrator } from '../orchestrator/orchestrator.js';
import { Scheduler } from '../scheduler/scheduler.js';
import { idGenerator } from '../store/ids.js';
import { Store, type StoreChange } from '../store/store.js';
import type { TaskState } from '../task-state.js';
import type {
  NodeAvailability,
  NodePlatform,
  NodeRole,
  ServiceSpec,
  SwarmNetwork,
  SwarmNode,
  SwarmService
} from '../types.js';
import { Pipeline } from './pipeline.js';
import {
  networkView,
  nodeView,
  serviceView,
  taskView,
  type NetworkView,
  type NodeView,
  type ServiceView,
  type TaskView
} from './read-models.js';
import { resolveNetwork, templateChanged, validateServiceSpec } from './service-spec.js';
import { parseAvailability } from './spec-checks.js';

/** Plain options of a {@link Manager}. */
export interface ManagerInit {
  /** Heartbeat timing preset. @default 'lan' */
  preset?: 'lan' | 'local';
  /** Overrides of the preset's heartbeat timing. */
  dispatcher?: Partial<DispatcherConfig>;
  /** `--default-addr-pool` (and mask length) for overlays. @default [{ base: '10.0.0.0/8', size: 24 }] */
  defaultAddrPool?: PredefinedPool[];
}

/** Collaborators of a {@link Manager}. */
export interface ManagerComponents {
  clock: Clock;
  logger?: Logger;
  /** Seeded source for ids and heartbeat jitter. @default seededRandom(1) */
  random?: Random;
}

/** What `docker swarm join` gives the manager about a node. */
export interface JoinRequest {
  hostname: string;
  /** @default 'worker' */
  role?: NodeRole;
  /** @default 'active' */
  availability?: NodeAvailability;
  labels?: Record<string, string>;
  /** Advertise address on the underlay. @default '' */
  addr?: string;
  /** Node id to use (e.g. from the node's certificate). @default a generated one */
  id?: string;
  /** What the engine runs on. @default {@link SIMULATED_PLATFORM} */
  platform?: NodePlatform;
}

/** What every simulated node reports, as Docker Engine on 64-bit Linux does (`docker node inspect`). */
export const SIMULATED_PLATFORM: Readonly<NodePlatform> = { os: 'linux', architecture: 'x86_64' };

/** Events of a {@link Manager}: store writes plus the dispatcher's node and assignment events. */
export type ManagerEvents = DispatcherEvents & { change: [StoreChange] };

/**
 * The leader manager: store, allocator, scheduler, orchestrator and dispatcher behind Docker's service,
 * network and node operations. Every operation runs one reconciliation pass before it returns; timers
 * (heartbeat grace, restart delay, update delay) run further passes through the injected clock.
 */
export class Manager {
  /** Typed events. */
  readonly events = new Emitter<ManagerEvents>();
  /** The manager's state (read-only for callers). */
  readonly store: Store;
  /** The `ingress` network, created first. */
  readonly ingress: SwarmNetwork;
  private readonly allocator: Allocator;
  private readonly dispatcher: Dispatcher;
  private readonly orchestrator: Orchestrator;
  private readonly pipeline: Pipeline;
  private readonly newId: () => string;
  private readonly log: Logger;

  constructor(init: ManagerInit, components: ManagerComponents) {
    const { clock } = components;
    this.log = (components.logger ?? silentLogger).child({ component: 'swarm-manager' });
    const random = components.random ?? seededRandom(1);
    this.newId = idGenerator(random);
    this.store = new Store(clock);
    this.store.events.on('change', (c) => this.events.emit('change', c));
    this.allocator = new Allocator(this.store, { ipam: new Ipam({ globalPools: init.defaultAddrPool ?? [] }) });
    const wake = () => this.pipeline.run();
    const config = { ...DISPATCHER_PRESETS[init.preset ?? 'lan'], ...init.dispatcher };
    this.dispatcher = new Dispatcher(this.store, clock, config, wake, random);
    this.dispatcher.events.on('assignments', (set) => this.events.emit('assignments', set));
    this.dispatcher.events.on('node:down', (id) => {
      this.log.warn(
        { nodeId: id, hostname: this.store.get('node', id)?.hostname },
        'node down: no heartbeat within the grace period'
      );
      this.events.emit('node:down', id);
    });
    this.dispatcher.events.on('node:ready', (id) => {
      this.log.info({ nodeId: id, hostname: this.store.get('node', id)?.hostname }, 'node ready');
      this.events.emit('node:ready', id);
    });
    const deps = { store: this.store, clock, newId: this.newId };
    this.orchestrator = new Orchestrator(deps, wake);
    const scheduler = new Scheduler(this.store, clock);
    const { allocator, orchestrator, dispatcher } = this;
    this.pipeline = new Pipeline({ deps, allocator, scheduler, orchestrator, dispatcher });
    this.ingress = this.createNetworkObject({ name: 'ingress' }, true);
  }

  /** Heartbeat timing in use. */
  get dispatcherConfig(): DispatcherConfig {
    return this.dispatcher.config;
  }

  /** Reports ignored because they were backwards or from the wrong node. */
  get ignoredReports(): number {
    return this.dispatcher.ignoredReports;
  }

  /** Adds a node: ingress LB address at once, status ready, heartbeat deadline armed. */
  joinNode(req: JoinRequest): SwarmNode {
    const node = this.store.create('node', {
      id: req.id ?? this.newId(),
      hostname: req.hostname,
      role: req.role ?? 'worker',
      availability: req.availability ?? 'active',
      labels: { ...(req.labels ?? {}) },
      platform: { ...(req.platform ?? SIMULATED_PLATFORM) },
      addr: req.addr ?? '',
      status: { state: 'unknown', message: '' },
      attachments: {}
    });
    this.allocator.attachNode(node.id, this.ingress.id);
    this.log.info({ nodeId: node.id, hostname: node.hostname }, 'node joined');
    this.dispatcher.heartbeat(node.id);
    this.pipeline.run();
    return this.store.must('node', node.id);
  }

  /** `docker node update --availability`: active, pause or drain in any case, else SWARM_ERR_INVALID_AVAILABILITY. */
  setAvailability(nodeId: string, availability: string): void {
    const value = parseAvailability(availability);
    this.store.update('node', nodeId, (n) => (n.availability = value));
    this.pipeline.run();
  }

  /** `docker node rm --force`: the node's tasks are treated as on a Down node, its addresses freed. */
  removeNode(nodeId: string): void {
    this.store.must('node', nodeId);
    this.dispatcher.forget(nodeId);
    this.allocator.releaseNode(nodeId);
    this.store.delete('node', nodeId);
    this.pipeline.run();
  }

  /** A node's heartbeat; returns the period it should use for the next one. */
  heartbeat(nodeId: string): number {
    return this.dispatcher.heartbeat(nodeId);
  }

  /** A node's task status report; false when ignored (backwards, or not that node's task). */
  reportTaskState(nodeId: string, taskId: string, state: TaskState, details?: TaskReport): boolean {
    return this.dispatcher.report(nodeId, taskId, state, details);
  }

  /** `docker network create -d overlay`. */
  createNetwork(req: NetworkRequest): SwarmNetwork {
    return this.createNetworkObject(req, false);
  }

  /** `docker network rm`: refused for networks services use, and for ingress (see {@link ingressUsers}). */
  removeNetwork(ref: string): void {
    const net = resolveNetwork(this.store, ref);
    const users = net.ingress
      ? ingressUsers(this.store)
      : this.store.list('service').filter((s) => s.networkIds.includes(net.id));
    if (users.length > 0) {
      throw new SwarmError({
        code: 'SWARM_ERR_NETWORK_IN_USE',
        network: net.name,
        services: users.map((s) => s.spec.name)
      });
    }
    // Docker then removes it (and `network create --ingress` makes a new one); this simulator's nodes keep theirs.
    if (net.ingress) throw new SwarmError({ code: 'SWARM_ERR_UNSUPPORTED', operation: 'removing the ingress network' });
    this.allocator.releaseNetwork(net);
    this.store.delete('network', net.id);
  }

  /** `docker service create`: ports and VIPs are allocated (or refused) before anything is stored. */
  createService(spec: ServiceSpec): SwarmService {
    const networkIds = validateServiceSpec(this.store, spec);
    const draft: Omit<SwarmService, 'meta'> = {
      id: this.newId(),
      spec: clone(spec),
      specVersion: 1,
      networkIds,
      endpoint: { ports: [], virtualIps: [] }
    };
    this.allocator.allocateService(draft, this.ingress.id);
    const service = this.store.create('service', draft);
    this.log.info(
      { serviceId: service.id, name: spec.name, replicas: spec.replicas, mode: spec.mode ?? 'replicated' },
      'service created'
    );
    this.pipeline.run();
    return this.store.must('service', service.id);
  }

  /** `docker service update`: a changed task template starts a rolling update. */
  updateService(ref: string, spec: ServiceSpec): SwarmService {
    const current = this.service(ref);
    const networkIds = validateServiceSpec(this.store, spec, current.id);
    const draft: SwarmService = { ...current, spec: clone(spec), networkIds, endpoint: { ...current.endpoint } };
    this.allocator.allocateService(draft, this.ingress.id);
    const changed = templateChanged(current.spec, spec);
    this.store.update('service', current.id, (s) => {
      Object.assign(s, { spec: draft.spec, networkIds, endpoint: draft.endpoint });
      if (changed) s.specVersion++;
    });
    if (changed) this.orchestrator.beginUpdate(this.store.must('service', current.id));
    this.pipeline.run();
    return this.store.must('service', current.id);
  }

  /** `docker service scale name=N`. */
  scale(ref: string, replicas: number): SwarmService {
    const current = this.service(ref);
    return this.updateService(current.id, { ...current.spec, replicas });
  }

  /** `docker service rm`: VIPs and ports are freed, tasks told to go (deleted once stopped). */
  removeService(ref: string): void {
    const service = this.service(ref);
    this.allocator.releaseService(service);
    this.orchestrator.forget(service.id);
    for (const t of this.store.list('task')) {
      if (t.serviceId === service.id) this.store.update('task', t.id, (x) => (x.desiredState = 'remove'));
    }
    this.store.delete('service', service.id);
    this.log.info({ serviceId: service.id, name: service.spec.name }, 'service removed');
    this.pipeline.run();
  }

  /** A service by id or name. */
  service(ref: string): SwarmService {
    const s = this.store.get('service', ref) ?? this.store.list('service').find((x) => x.spec.name === ref);
    if (s === undefined) throw new SwarmError({ code: 'SWARM_ERR_NOT_FOUND', kind: 'service', ref });
    return s;
  }

  /** Services, Docker-shaped. */
  services(): ServiceView[] {
    return this.store.list('service').map(serviceView);
  }

  /** Tasks, Docker-shaped, optionally of one service (id or name). */
  tasks(serviceRef?: string): TaskView[] {
    const id = serviceRef === undefined ? undefined : this.service(serviceRef).id;
    return this.store
      .list('task')
      .filter((t) => id === undefined || t.serviceId === id)
      .map((t) => taskView(this.store, t));
  }

  /** Nodes, Docker-shaped. */
  nodes(): NodeView[] {
    return this.store.list('node').map(nodeView);
  }

  /** Swarm networks, Docker-shaped. */
  networks(): NetworkView[] {
    return this.store.list('network').map(networkView);
  }

  /** Cancels every timer; the manager does nothing more by itself. */
  stop(): void {
    this.dispatcher.stop();
    this.orchestrator.stop();
  }

  private createNetworkObject(req: NetworkRequest, ingress: boolean): SwarmNetwork {
    if (this.store.list('network').some((n) => n.name === req.name)) {
      throw new SwarmError({ code: 'SWARM_ERR_NAME_CONFLICT', kind: 'network', name: req.name });
    }
    const allocated = this.allocator.allocateNetwork(req, ingress);
    return this.store.create('network', { id: this.newId(), name: req.name, ...allocated });
  }
}

/** Specs are copied in so a caller mutating its object later changes nothing. */
function clone(spec: ServiceSpec): ServiceSpec {
  return JSON.parse(JSON.stringify(spec)) as ServiceSpec;
}

/** swarmkit IsIngressNetworkNeeded: the services that publish a port in ingress mode (the routing mesh). */
function ingressUsers(store: Store): SwarmService[] {
  return store
    .list('service')
    .filter((s) => (s.spec.ports ?? []).some((p) => (p.publishMode ?? 'ingress') === 'ingress'));
}
