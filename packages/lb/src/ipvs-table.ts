import { Emitter, seededRandom, type Clock, type Random } from '@swarmsim/interface';
import { checkPort, ipv4ToUint } from './address.js';
import { Connection, flowKey, type ConnectionInfo } from './connection.js';
import { ConnectionTable } from './connection-table.js';
import { lbError } from './errors.js';
import { formatConnections, formatServices, formatTimeouts } from './ipvsadm-format.js';
import type { HashKey } from './schedulers/hash.js';
import { createScheduler } from './schedulers/index.js';
import { fwmarkId, resolveKey, tupleId } from './service-key.js';
import { nextTcpState, type FlowDirection, type TcpFlagsSeen } from './tcp-state-table.js';
import { DEFAULT_TIMEOUTS, initialState, type ConnState, type IpvsTimeouts } from './timeouts.js';
import type {
  PacketTuple,
  RealServerInfo,
  SchedulerName,
  ServerUpdate,
  ServiceKey,
  ServiceSpec,
  ServerSpec
} from './types.js';
import { VirtualService, type VirtualServiceInfo } from './virtual-service.js';

/** Collaborators of an {@link IpvsTable}. */
export interface IpvsTableComponents {
  clock: Clock;
}

/** Plain-data options of an {@link IpvsTable}. */
export interface IpvsTableInit {
  /** Seed of the RNG that draws each mh service's hash secrets. @default 0 */
  seed?: number;
  /** Connection hash table size shown in the -Ln header. @default 4096 (IP_VS_TAB_BITS = 12) */
  connTableSize?: number;
  /**
   * net.ipv4.vs.expire_nodest_conn: a packet of a flow whose server was removed expires the entry and is
   * scheduled afresh; when false it is dropped and the entry lives on. @default false (kernel default; Docker sets 1)
   */
  expireNodestConn?: boolean;
  /** Initial `ipvsadm --set` timeouts in seconds. @default { tcp: 900, tcpfin: 120, udp: 300 } */
  timeouts?: Partial<IpvsTimeouts>;
}

/** Events of an {@link IpvsTable}. */
export type IpvsEvents = {
  'connection:new': [ConnectionInfo];
  'connection:expire': [ConnectionInfo];
};

/** What {@link IpvsTable.schedule} returns for a packet it forwards. */
export interface ScheduleResult {
  server: RealServerInfo;
  connection: ConnectionInfo;
  /** True when this packet created the connection (the scheduler ran). */
  created: boolean;
}

/** A real server's identity inside a service. */
export interface ServerRef {
  ip: string;
  /** @default 0 */
  port?: number;
}

/**
 * One network namespace's IPVS: virtual services, their real servers and the connection table.
 * `schedule()` is the per-packet entry point (ip_vs_in): an existing flow keeps its server, a new one
 * asks the service's scheduler.
 */
export class IpvsTable extends Emitter<IpvsEvents> {
  private readonly clock: Clock;
  private readonly random: Random;
  private readonly connTableSize: number;
  private readonly expireNodestConn: boolean;
  private currentTimeouts: IpvsTimeouts;
  private readonly byId = new Map<string, VirtualService>();
  private readonly conns: ConnectionTable;

  constructor(components: IpvsTableComponents, init: IpvsTableInit = {}) {
    super();
    this.clock = components.clock;
    this.random = seededRandom(init.seed ?? 0);
    this.connTableSize = init.connTableSize ?? 4096;
    this.expireNodestConn = init.expireNodestConn ?? false;
    this.currentTimeouts = { ...DEFAULT_TIMEOUTS };
    this.setTimeouts(init.timeouts ?? {});
    this.conns = new ConnectionTable(
      this.clock,
      () => this.currentTimeouts,
      (c) => this.emit('connection:expire', c)
    );
  }

  /** ipvsadm -A: adds a virtual service and returns its key. */
  addService(spec: ServiceSpec): ServiceKey {
    const key = resolveKey(spec);
    if (this.byId.has(key.id)) throw lbError({ code: 'LB_ERR_SERVICE_EXISTS', service: key.id });
    const svc = new VirtualService(key, spec.fallback ?? false, spec.hashPort ?? false);
    svc.setScheduler(this.newScheduler(spec.scheduler ?? 'rr', svc, spec.mhTableSize));
    this.byId.set(key.id, svc);
    return key.fwmark !== 0 ? { fwmark: key.fwmark } : { vip: key.vip!, protocol: key.protocol!, port: key.port };
  }

  /** ipvsadm -E -s: switches the scheduler; the new one starts with fresh state. */
  editService(key: ServiceKey, change: { scheduler: SchedulerName; mhTableSize?: number }): void {
    const svc = this.svc(key);
    svc.setScheduler(this.newScheduler(change.scheduler, svc, change.mhTableSize));
  }

  /** ipvsadm -D: removes a service; its connections stay until they expire, their servers marked removed. */
  removeService(key: ServiceKey): void {
    const svc = this.svc(key);
    for (const d of svc.dests) d.removed = true;
    this.byId.delete(svc.id);
  }

  /** The service's current view. */
  service(key: ServiceKey): VirtualServiceInfo {
    return this.svc(key);
  }

  /** Every service, in insertion order. */
  services(): VirtualServiceInfo[] {
    return [...this.byId.values()];
  }

  /** ipvsadm -a: adds a real server at the head of the service's list. */
  addServer(key: ServiceKey, spec: ServerSpec): RealServerInfo {
    return this.svc(key).addServer(spec);
  }

  /** ipvsadm -e: changes a server's weight (0 = drain), forwarding or thresholds. */
  editServer(key: ServiceKey, server: ServerRef, change: ServerUpdate): RealServerInfo {
    return this.svc(key).editServer(server.ip, server.port ?? 0, change);
  }

  /** ipvsadm -d: removes a server; see `expireNodestConn` for what happens to its flows. */
  removeServer(key: ServiceKey, server: ServerRef): RealServerInfo {
    return this.svc(key).removeServer(server.ip, server.port ?? 0);
  }

  /**
   * Handles one packet towards a virtual address: returns the server its flow is (now) bound to, or
   * undefined when IPVS would not forward it (no service, no available server, or a removed server).
   */
  schedule(packet: PacketTuple): ScheduleResult | undefined {
    const key = flowKey(packet.protocol, packet.srcIp, packet.srcPort, packet.dstIp, packet.dstPort);
    const existing = this.conns.get(key);
    if (existing !== undefined) {
      if (!existing.server.removed) {
        this.conns.refresh(existing);
        return { server: existing.server, connection: existing, created: false };
      }
      if (!this.expireNodestConn) return undefined;
      this.conns.expire(existing);
    }
    return this.newFlow(key, packet);
  }

  /** The live connection of a flow, without refreshing it. */
  lookup(packet: Omit<PacketTuple, 'fwmark'>): ConnectionInfo | undefined {
    return this.conns.get(flowKey(packet.protocol, packet.srcIp, packet.srcPort, packet.dstIp, packet.dstPort));
  }

  /** Moves a TCP flow to `state` (active/inactive counters follow, the timeout restarts). */
  setConnectionState(packet: Omit<PacketTuple, 'fwmark'>, state: ConnState): ConnectionInfo {
    const key = flowKey(packet.protocol, packet.srcIp, packet.srcPort, packet.dstIp, packet.dstPort);
    const conn = this.conns.get(key);
    if (conn === undefined) throw lbError({ code: 'LB_ERR_NO_SUCH_CONNECTION', flow: key });
    if ((conn.protocol === 'udp') !== (state === 'UDP'))
      throw lbError({ code: 'LB_ERR_INVALID_STATE', flow: key, state });
    this.conns.setState(conn, state);
    return conn;
  }

  /**
   * Feeds one TCP segment of an existing flow through the kernel's state table (ip_vs_proto_tcp.c):
   * `in` = client → service, `out` = the server's reply. Every segment restarts the timeout.
   */
  tcpSegment(
    packet: Omit<PacketTuple, 'fwmark'>,
    flags: TcpFlagsSeen,
    direction: FlowDirection = 'in'
  ): ConnectionInfo {
    const key = flowKey(packet.protocol, packet.srcIp, packet.srcPort, packet.dstIp, packet.dstPort);
    const conn = this.conns.get(key);
    if (conn === undefined || conn.protocol !== 'tcp') throw lbError({ code: 'LB_ERR_NO_SUCH_CONNECTION', flow: key });
    // The first reply proves NAT mode: from then on the full input/output tables apply.
    if (direction === 'out') conn.noOutput = false;
    const table = direction === 'out' ? 'output' : conn.noOutput ? 'inputOnly' : 'input';
    this.conns.setState(conn, nextTcpState(conn.state, flags, table));
    return conn;
  }

  /** The handshake completed: ESTABLISHED, counted active, `tcp` timeout. */
  established(packet: Omit<PacketTuple, 'fwmark'>): ConnectionInfo {
    return this.setConnectionState(packet, 'ESTABLISHED');
  }

  /** A FIN was seen: FIN_WAIT, counted inactive, `tcpfin` timeout. */
  fin(packet: Omit<PacketTuple, 'fwmark'>): ConnectionInfo {
    return this.setConnectionState(packet, 'FIN_WAIT');
  }

  /** The flow was reset or fully closed: CLOSE, counted inactive, 10 s until the entry goes. */
  close(packet: Omit<PacketTuple, 'fwmark'>): ConnectionInfo {
    return this.setConnectionState(packet, 'CLOSE');
  }

  /** Every live connection, oldest first. */
  connections(): ConnectionInfo[] {
    return this.conns.entries();
  }

  /** ipvsadm --set tcp tcpfin udp (seconds); affects entries from their next refresh on. */
  setTimeouts(timeouts: Partial<IpvsTimeouts>): void {
    const next = { ...this.currentTimeouts, ...timeouts };
    for (const [name, seconds] of Object.entries(next)) {
      if (!Number.isInteger(seconds) || seconds < 0) throw lbError({ code: 'LB_ERR_INVALID_TIMEOUT', name, seconds });
    }
    this.currentTimeouts = next;
  }

  /** The current ipvsadm timeouts in seconds. */
  timeouts(): IpvsTimeouts {
    return { ...this.currentTimeouts };
  }

  /** `ipvsadm -Ln` output. */
  list(): string {
    this.conns.expireDue();
    return formatServices(this.byId.values(), this.connTableSize);
  }

  /** `ipvsadm -Lnc` output. */
  listConnections(): string {
    return formatConnections(this.conns.entries(), this.clock.now());
  }

  /** `ipvsadm -L --timeout` output. */
  listTimeouts(): string {
    return formatTimeouts(this.currentTimeouts);
  }

  /** ipvsadm -C: removes every service and connection. */
  clear(): void {
    this.byId.clear();
    this.conns.clear();
  }

  private newFlow(key: string, packet: PacketTuple): ScheduleResult | undefined {
    const svc = this.findService(packet);
    if (svc === undefined) return undefined;
    const server = svc.pick(ipv4ToUint(packet.srcIp), packet.srcPort);
    if (server === undefined) return undefined;
    const conn = new Connection(
      key,
      packet.protocol,
      packet.srcIp,
      packet.srcPort,
      packet.dstIp,
      packet.dstPort,
      server,
      initialState(packet.protocol)
    );
    this.conns.add(conn);
    this.emit('connection:new', conn);
    return { server, connection: conn, created: true };
  }

  /** ip_vs_service_find: a marked packet matches a fwmark service first, then (protocol, vip, port). */
  private findService(packet: PacketTuple): VirtualService | undefined {
    if (packet.fwmark !== undefined && packet.fwmark !== 0) {
      const svc = this.byId.get(fwmarkId(packet.fwmark));
      if (svc !== undefined) return svc;
    }
    checkPort(packet.dstPort);
    return this.byId.get(tupleId(packet.protocol, packet.dstIp, packet.dstPort));
  }

  private svc(key: ServiceKey): VirtualService {
    const id = resolveKey(key).id;
    const svc = this.byId.get(id);
    if (svc === undefined) throw lbError({ code: 'LB_ERR_NO_SUCH_SERVICE', service: id });
    return svc;
  }

  private newScheduler(name: SchedulerName, svc: VirtualService, mhTableSize: number | undefined) {
    return createScheduler(name, svc.dests, {
      fallback: svc.fallback,
      hashPort: svc.hashPort,
      // 4093: the kernel's default (CONFIG_IP_VS_MH_TAB_INDEX 12 → primes[4]); ~400 slots per server at 10.
      mhTableSize: mhTableSize ?? 4093,
      randomKey: (): HashKey => [Math.floor(this.random() * 2 ** 32), Math.floor(this.random() * 2 ** 32)]
    });
  }
}
