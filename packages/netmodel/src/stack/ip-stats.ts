/** IP-layer counters of a namespace, named after the SNMP MIB fields `nstat`/`netstat -s` show. */
export interface IpStats {
  inReceives: number;
  inHdrErrors: number;
  /** Not for us and forwarding is off. */
  inAddrErrors: number;
  inDelivers: number;
  forwDatagrams: number;
  outRequests: number;
  outNoRoutes: number;
  /** Fragments received; not reassembled (senders keep DF and the MTU). */
  reasmFails: number;
  /** Dropped by a netfilter verdict. */
  filtered: number;
}

/** A zeroed {@link IpStats}. */
export function emptyIpStats(): IpStats {
  return {
    inReceives: 0,
    inHdrErrors: 0,
    inAddrErrors: 0,
    inDelivers: 0,
    forwDatagrams: 0,
    outRequests: 0,
    outNoRoutes: 0,
    reasmFails: 0,
    filtered: 0
  };
}
