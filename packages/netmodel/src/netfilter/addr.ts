import { ipv4ToUint32, isValidIpv4, uint32ToIpv4 } from '@swarmsim/packet';
import { badRule } from './errors.js';

/** An IPv4 network as iptables stores it: address and mask as unsigned 32-bit numbers, host bits cleared. */
export interface Cidr {
  readonly addr: number;
  readonly mask: number;
}

/** The /0 network (`0.0.0.0/0`). */
export const ANY_CIDR: Cidr = { addr: 0, mask: 0 };

/** Mask of a prefix length, e.g. 16 → 0xffff0000. */
export function maskFromBits(bits: number): number {
  return bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
}

/** Prefix length of a contiguous mask, or -1 for a non-contiguous one. */
export function maskBits(mask: number): number {
  for (let bits = 0; bits <= 32; bits++) if (maskFromBits(bits) === mask >>> 0) return bits;
  return -1;
}

/** Parses a dotted quad; iptables also accepts `0` for 0.0.0.0 (as in `-s 0/0`). */
export function parseIpv4(text: string, token = text): number {
  if (text === '0') return 0;
  if (!isValidIpv4(text)) throw badRule(token, `host/network \`${text}' not found`);
  return ipv4ToUint32(text);
}

/** Parses `-s`/`-d` values: `a.b.c.d`, `a.b.c.d/N` or `a.b.c.d/m.m.m.m`; host bits are cleared as iptables does. */
export function parseCidr(text: string): Cidr {
  const slash = text.indexOf('/');
  const ip = parseIpv4(slash < 0 ? text : text.slice(0, slash), text);
  let mask = 0xffffffff;
  if (slash >= 0) {
    const m = text.slice(slash + 1);
    if (m.includes('.')) mask = parseIpv4(m, text);
    else if (/^\d{1,2}$/.test(m) && Number(m) <= 32) mask = maskFromBits(Number(m));
    else throw badRule(text, `invalid mask \`${m}' specified`);
  }
  return { addr: (ip & mask) >>> 0, mask: mask >>> 0 };
}

/** True when the dotted-quad `ip` lies in `cidr`. */
export function inCidr(ip: string, cidr: Cidr): boolean {
  if (cidr.mask === 0) return true;
  return (ipv4ToUint32(ip) & cidr.mask) >>> 0 === cidr.addr;
}

function maskText(mask: number): string {
  const bits = maskBits(mask);
  return bits >= 0 ? String(bits) : uint32ToIpv4(mask);
}

/** iptables-save form: always with a mask, e.g. `10.0.0.2/32`. */
export function formatCidrSave(c: Cidr): string {
  return `${uint32ToIpv4(c.addr)}/${maskText(c.mask)}`;
}

/** `iptables -L` form: `/32` omitted, `anywhere` for /0 unless numeric (no reverse DNS here). */
export function formatCidrList(c: Cidr, numeric: boolean): string {
  if (c.mask === 0 && !numeric) return 'anywhere';
  const bits = maskBits(c.mask);
  if (bits === 32) return uint32ToIpv4(c.addr);
  return `${uint32ToIpv4(c.addr)}/${maskText(c.mask)}`;
}
