import { checkPort, ipv4ToUint } from './address.js';
import { lbError } from './errors.js';
import type { LbProtocol, ServiceKey, ServiceSpec } from './types.js';

/** A validated service key with its parsed address, as the table stores it. */
export interface ResolvedKey {
  /** `FWM 256` or `TCP 10.0.0.5:80`: unique per service, used in error metadata. */
  id: string;
  fwmark: number;
  protocol: LbProtocol | undefined;
  vip: string | undefined;
  addr: number;
  port: number;
}

/** Lookup id of a (protocol, vip, port) service. */
export function tupleId(protocol: LbProtocol, vip: string, port: number): string {
  return `${protocol.toUpperCase()} ${vip}:${port}`;
}

/** Lookup id of a fwmark service. */
export function fwmarkId(fwmark: number): string {
  return `FWM ${fwmark}`;
}

/** Validates a key (or a spec's key fields): exactly one of fwmark or (vip, protocol, port). */
export function resolveKey(key: ServiceKey | ServiceSpec): ResolvedKey {
  const k = key as ServiceSpec;
  const hasTuple = k.vip !== undefined || k.protocol !== undefined || k.port !== undefined;
  if (k.fwmark !== undefined) {
    if (hasTuple)
      throw lbError({ code: 'LB_ERR_INVALID_SERVICE', reason: 'fwmark and vip/protocol/port are exclusive' });
    // The kernel rejects mark 0: an unmarked packet must never match.
    if (!Number.isInteger(k.fwmark) || k.fwmark < 1 || k.fwmark > 0xffffffff) {
      throw lbError({ code: 'LB_ERR_INVALID_SERVICE', reason: 'fwmark must be an integer in 1–4294967295' });
    }
    return { id: fwmarkId(k.fwmark), fwmark: k.fwmark, protocol: undefined, vip: undefined, addr: 0, port: 0 };
  }
  if (k.vip === undefined || k.port === undefined || (k.protocol !== 'tcp' && k.protocol !== 'udp')) {
    throw lbError({ code: 'LB_ERR_INVALID_SERVICE', reason: 'need fwmark, or vip + protocol (tcp|udp) + port' });
  }
  const addr = ipv4ToUint(k.vip);
  checkPort(k.port);
  return { id: tupleId(k.protocol, k.vip, k.port), fwmark: 0, protocol: k.protocol, vip: k.vip, addr, port: k.port };
}
