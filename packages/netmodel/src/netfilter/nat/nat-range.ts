import { uint32ToIpv4 } from '@swarmsim/packet';
import { ruleAddress } from '../addr.js';
import { badRule } from '../errors.js';

/** Where NAT may map to (nf_nat_range2): an address range and/or a port range, both inclusive. */
export interface NatRange {
  /** First address (unsigned 32-bit); absent when only ports are mapped (`--to-destination :8080`). */
  readonly minIp?: number;
  readonly maxIp?: number;
  /** First port (ICMP: identifier); absent = keep the port unless it clashes. */
  readonly minPort?: number;
  readonly maxPort?: number;
  /** NF_NAT_RANGE_PROTO_RANDOM(_FULLY): always pick a random port. */
  readonly random?: boolean;
  readonly randomFully?: boolean;
  /** NF_NAT_RANGE_PERSISTENT: same client, same address of the range. */
  readonly persistent?: boolean;
}

/** A port or `a-b` port range (`--to-ports`, the port part of `--to-destination`). */
export function parsePortRange(text: string, token: string): { minPort: number; maxPort: number } {
  const m = /^(\d+)(?:-(\d+))?$/.exec(text);
  const min = Number(m?.[1]);
  const max = m?.[2] === undefined ? min : Number(m[2]);
  if (m === null || min < 0 || max > 65535 || min > max) throw badRule(token, `Port range \`${text}' invalid`);
  return { minPort: min, maxPort: max };
}

/** Parses `ip[-ip][:port[-port]]` (`--to-destination` / `--to-source`). */
export function parseNatRange(text: string): NatRange {
  const colon = text.indexOf(':');
  const ipPart = colon < 0 ? text : text.slice(0, colon);
  const ports = colon < 0 ? {} : parsePortRange(text.slice(colon + 1), text);
  if (ipPart === '') {
    if (colon < 0) throw badRule(text, `Bad IP address "${text}"`);
    return ports;
  }
  const dash = ipPart.indexOf('-');
  const minIp = ruleAddress(dash < 0 ? ipPart : ipPart.slice(0, dash), text);
  const maxIp = dash < 0 ? minIp : ruleAddress(ipPart.slice(dash + 1), text);
  if (maxIp < minIp) throw badRule(text, `Bad IP range "${ipPart}"`);
  return { minIp, maxIp, ...ports };
}

/** sprint_range: `172.17.0.2:80`, `10.0.0.1-10.0.0.9`, `:53`, `8080-8090`. */
export function formatNatRange(r: NatRange, portsOnly = false): string {
  let s = '';
  if (r.minIp !== undefined) {
    s = uint32ToIpv4(r.minIp);
    if (r.maxIp !== undefined && r.maxIp !== r.minIp) s += `-${uint32ToIpv4(r.maxIp)}`;
  }
  if (r.minPort !== undefined) {
    s += `${portsOnly ? '' : ':'}${r.minPort}`;
    if (r.maxPort !== undefined && r.maxPort !== r.minPort) s += `-${r.maxPort}`;
  }
  return s;
}

/** The flag words iptables prints after a range (`random`, `random-fully`, `persistent`). */
export function natFlagWords(r: NatRange): string[] {
  const words: string[] = [];
  if (r.random === true) words.push('random');
  if (r.randomFully === true) words.push('random-fully');
  if (r.persistent === true) words.push('persistent');
  return words;
}
