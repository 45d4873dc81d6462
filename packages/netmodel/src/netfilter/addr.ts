import { formatIpv4, ipv4ToUint32, maskPrefixLength, parseIpv4, parsePrefixLength, prefixMask } from '@swarmsim/addr';
import { badRule } from './errors.js';

/** An IPv4 network as iptables stores it: address and mask as unsigned 32-bit numbers, host bits cleared. */
export interface Cidr {
  readonly addr: number;
  readonly mask: number;
}

/** The /0 network (`0.0.0.0/0`). */
export const ANY_CIDR: Cidr = { addr: 0, mask: 0 };

/** A rule's address in @swarmsim/addr's grammar; iptables also accepts `0` for 0.0.0.0 (as in `-s 0/0`). */
export function ruleAddress(text: string, token = text): number {
  if (text === '0') return 0;
  const value = parseIpv4(text);
  if (value === undefined) throw badRule(token, `host/network \`${text}' not found`);
  return value;
}

/** Parses `-s`/`-d` values: `a.b.c.d`, `a.b.c.d/N` or `a.b.c.d/m.m.m.m`; host bits are cleared as iptables does. */
export function ruleCidr(text: string): Cidr {
  const slash = text.indexOf('/');
  const ip = ruleAddress(slash < 0 ? text : text.slice(0, slash), text);
  let mask = 0xffffffff;
  if (slash >= 0) {
    const m = text.slice(slash + 1);
    if (m.includes('.')) {
      mask = ruleAddress(m, text);
    } else {
      const bits = parsePrefixLength(m);
      if (bits === undefined) throw badRule(text, `invalid mask \`${m}' specified`);
      mask = prefixMask(bits);
    }
  }
  return { addr: (ip & mask) >>> 0, mask: mask >>> 0 };
}

/** True when the dotted-quad `ip` lies in `cidr`. */
export function inCidr(ip: string, cidr: Cidr): boolean {
  if (cidr.mask === 0) return true;
  return (ipv4ToUint32(ip) & cidr.mask) >>> 0 === cidr.addr;
}

function maskText(mask: number): string {
  const bits = maskPrefixLength(mask);
  return bits >= 0 ? String(bits) : formatIpv4(mask);
}

/** iptables-save form: always with a mask, e.g. `10.0.0.2/32`. */
export function formatCidrSave(c: Cidr): string {
  return `${formatIpv4(c.addr)}/${maskText(c.mask)}`;
}

/** `iptables -L` form: `/32` omitted, `anywhere` for /0 unless numeric (no reverse DNS here). */
export function formatCidrList(c: Cidr, numeric: boolean): string {
  if (c.mask === 0 && !numeric) return 'anywhere';
  if (maskPrefixLength(c.mask) === 32) return formatIpv4(c.addr);
  return `${formatIpv4(c.addr)}/${maskText(c.mask)}`;
}
