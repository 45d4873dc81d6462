import { isIpv4 } from '@swarmsim/addr';

/** True for a textual IPv6 address; only the shape is checked (hex groups, at most one `::`). */
export function isIpv6(ip: string): boolean {
  if (!/^[0-9a-f:]+$/i.test(ip) || ip.split('::').length > 2) return false;
  const groups = ip.split(':');
  return groups.length >= 3 && groups.length <= 8 && groups.every((g) => g.length <= 4);
}

/**
 * `4.3.2.10` (the labels before `in-addr.arpa`) → `10.2.3.4`, or undefined when the reversed labels are not an
 * IPv4 address in @swarmsim/addr's grammar (so `4.3.2.010` is refused, as Go's net.ParseIP refuses `010.2.3.4`).
 */
export function ipv4FromReverse(labels: string): string | undefined {
  const ip = labels.split('.').reverse().join('.');
  return isIpv4(ip) ? ip : undefined;
}
