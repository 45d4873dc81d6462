/**
 * @packageDocumentation
 * IPv4 addresses and CIDRs for every swarmsim package: THE parser (one strict grammar — four decimal octets
 * 0–255 without leading zeros, as Go's net.ParseIP since Go 1.17, which is what Docker uses; no whitespace;
 * prefix length 0–32 without leading zeros), formatting, uint32 conversions, masks, network/broadcast,
 * contains/overlap, and Docker's IPAM (local pools 172.17–172.31/16 then 192.168/20s, the swarm pool
 * 10.0.0.0/8 in /24s, lowest-free vs serial addresses). Pure: no I/O.
 *
 * The `parse*` functions never throw: they answer undefined, so each package reports a refusal with its own
 * error code. The other helpers throw {@link AddrError}; the {@link Ipam} throws {@link IpamError}.
 *
 * @example
 * ```ts
 * import { Ipam, formatIpv4, parseCidr, parseIpv4, prefixToNetmask } from '@swarmsim/addr';
 * console.log(parseIpv4('10.0.0.1'));               // 167772161
 * console.log(parseIpv4('010.0.0.1'));              // undefined: leading zeros are refused
 * const subnet = parseCidr('172.30.1.5/16')!;
 * console.log(formatIpv4(subnet.start), subnet.prefixLength, prefixToNetmask(16)); // 172.30.0.0 16 255.255.0.0
 * const ipam = new Ipam();
 * const bridge = ipam.requestPool({ scope: 'local' }); // 172.17.0.0/16, gateway 172.17.0.1
 * console.log(ipam.requestAddress(bridge.id));          // 172.17.0.2
 * ```
 */
export { AddrError, type AddrErrorCode, type AddrErrorType } from './errors.js';
export { formatIpv4, ipv4ToUint32, isIpv4, isIpv6, parseIpv4 } from './ipv4.js';
export {
  blockSize,
  checkPrefixLength,
  formatPrefix,
  maskPrefixLength,
  parsePrefixLength,
  prefixContains,
  prefixesOverlap,
  prefixMask,
  prefixOf,
  type Ipv4Prefix,
  type Ipv4Range
} from './prefix.js';
export {
  broadcastAddress,
  canonicalCidr,
  cidrContains,
  cidrsOverlap,
  cidrToPrefix,
  isCidr,
  networkAddress,
  parseCidr,
  prefixToNetmask,
  type WrittenPrefix
} from './cidr.js';
export * from './ipam/index.js';
