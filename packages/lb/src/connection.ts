import type { RealServer } from './real-server.js';
import type { ConnState } from './timeouts.js';
import type { LbProtocol, RealServerInfo } from './types.js';

/** A read-only view of one entry of the connection table (struct ip_vs_conn). */
export interface ConnectionInfo {
  readonly protocol: LbProtocol;
  readonly clientIp: string;
  readonly clientPort: number;
  readonly vip: string;
  readonly vport: number;
  /** Destination address and port the flow is forwarded to (port 0 on the server = the packet's port). */
  readonly destIp: string;
  readonly destPort: number;
  readonly state: ConnState;
  /** Clock time (ms) at which the entry expires unless traffic or a state change refreshes it. */
  readonly expiresAt: number;
  readonly server: RealServerInfo;
}

/** A connection-table entry; mutable inside the package only. */
export class Connection implements ConnectionInfo {
  state: ConnState;
  expiresAt = 0;
  /** Time of this entry's live slot in the expiry heap (≤ expiresAt). */
  heapAt = Number.POSITIVE_INFINITY;
  dead = false;
  /** IP_VS_CONN_F_NOOUTPUT: IPVS sees no replies (non-NAT forwarding) until a server → client segment shows up. */
  noOutput: boolean;

  constructor(
    readonly key: string,
    readonly protocol: LbProtocol,
    readonly clientIp: string,
    readonly clientPort: number,
    readonly vip: string,
    readonly vport: number,
    readonly server: RealServer,
    state: ConnState
  ) {
    this.state = state;
    this.noOutput = server.forward !== 'masq';
  }

  get destIp(): string {
    return this.server.ip;
  }

  get destPort(): number {
    return this.server.port === 0 ? this.vport : this.server.port;
  }
}

/** The connection-table key: IPVS looks a flow up by (protocol, client ip:port, virtual ip:port). */
export function flowKey(
  protocol: LbProtocol,
  clientIp: string,
  clientPort: number,
  vip: string,
  vport: number
): string {
  return `${protocol} ${clientIp}:${clientPort} ${vip}:${vport}`;
}
