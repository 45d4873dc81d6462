/** True for a dotted-quad IPv4 address (`10.0.0.2`). */
export function isIpv4(ip: string): boolean {
  const parts = ip.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

/** True for a textual IPv6 address; only the shape is checked (hex groups, at most one `::`). */
export function isIpv6(ip: string): boolean {
  if (!/^[0-9a-f:]+$/i.test(ip) || ip.split('::').length > 2) return false;
  const groups = ip.split(':');
  return groups.length >= 3 && groups.length <= 8 && groups.every((g) => g.length <= 4);
}

/** `4.3.2.10` (the labels before `in-addr.arpa`) → `10.2.3.4`, or undefined when not an IPv4 address. */
export function ipv4FromReverse(labels: string): string | undefined {
  const ip = labels.split('.').reverse().join('.');
  return isIpv4(ip) ? ip : undefined;
}
