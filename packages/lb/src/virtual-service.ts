import { checkPort } from './address.js';
import { lbError } from './errors.js';
import { RealServer } from './real-server.js';
import type { Scheduler } from './schedulers/scheduler.js';
import type { ResolvedKey } from './service-key.js';
import type { RealServerInfo, SchedulerName, ServerSpec, ServerUpdate } from './types.js';

/** Read-only view of a virtual service, as `ipvsadm -Ln` shows it. */
export interface VirtualServiceInfo {
  /** `FWM 256` or `TCP 10.0.0.5:80`. */
  readonly id: string;
  readonly fwmark: number;
  readonly scheduler: SchedulerName;
  readonly fallback: boolean;
  readonly hashPort: boolean;
  /** Destinations in the kernel's list order: the most recently added first. */
  readonly servers: readonly RealServerInfo[];
}

/** One IPVS virtual service (struct ip_vs_service): key, scheduler, destination list. */
export class VirtualService implements VirtualServiceInfo {
  readonly dests: RealServer[] = [];
  scheduler!: SchedulerName;
  private sched!: Scheduler;

  constructor(
    readonly key: ResolvedKey,
    readonly fallback: boolean,
    readonly hashPort: boolean
  ) {}

  get id(): string {
    return this.key.id;
  }

  get fwmark(): number {
    return this.key.fwmark;
  }

  get servers(): readonly RealServerInfo[] {
    return this.dests;
  }

  /** Installs a (new) scheduler; it starts with fresh state, as ipvsadm -E with -s does. */
  setScheduler(sched: Scheduler): void {
    this.sched = sched;
    this.scheduler = sched.name;
  }

  /** Picks a destination for a new flow. */
  pick(srcAddr: number, srcPort: number): RealServer | undefined {
    return this.sched.pick({ srcAddr, srcPort });
  }

  /** ipvsadm -a: link a new destination at the head of the list (list_add_rcu), as the kernel does. */
  addServer(spec: ServerSpec): RealServer {
    checkPort(spec.port ?? 0);
    const server = new RealServer(spec);
    if (this.find(server.ip, server.port) !== undefined) {
      throw lbError({ code: 'LB_ERR_SERVER_EXISTS', service: this.id, server: server.id });
    }
    this.dests.unshift(server);
    this.sched.onChange({ kind: 'add', index: 0 });
    return server;
  }

  /** ipvsadm -e: change weight, forwarding or thresholds; existing connections are untouched. */
  editServer(ip: string, port: number, change: ServerUpdate): RealServer {
    const index = this.indexOf(ip, port);
    const server = this.dests[index]!;
    server.update(change);
    this.sched.onChange({ kind: 'edit', index });
    return server;
  }

  /** ipvsadm -d: unlink a destination; its connections keep pointing at it until they expire. */
  removeServer(ip: string, port: number): RealServer {
    const index = this.indexOf(ip, port);
    const [server] = this.dests.splice(index, 1);
    server!.removed = true;
    this.sched.onChange({ kind: 'remove', index });
    return server!;
  }

  /** The destination ip:port, if present. */
  find(ip: string, port: number): RealServer | undefined {
    return this.dests.find((d) => d.ip === ip && d.port === port);
  }

  private indexOf(ip: string, port: number): number {
    const index = this.dests.findIndex((d) => d.ip === ip && d.port === port);
    if (index < 0) throw lbError({ code: 'LB_ERR_NO_SUCH_SERVER', service: this.id, server: `${ip}:${port}` });
    return index;
  }
}
