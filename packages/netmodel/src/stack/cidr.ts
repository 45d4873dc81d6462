import { isValidIpv4 } from '@swarmsim/packet';
import { NetmodelError } from '../errors.js';

/** Parses an interface address such as `172.17.0.2/16` (host bits allowed, as `ip addr add`). */
export function parseInterfaceCidr(cidr: string): { address: string; prefixLength: number } {
  const slash = cidr.indexOf('/');
  const address = slash < 0 ? cidr : cidr.slice(0, slash);
  const prefixText = slash < 0 ? '32' : cidr.slice(slash + 1);
  const prefixLength = Number(prefixText);
  if (!isValidIpv4(address) || !/^\d{1,2}$/.test(prefixText) || prefixLength > 32) {
    throw new NetmodelError({ code: 'NETMODEL_ERR_BAD_ADDRESS', address: cidr }, `invalid address ${cidr}`);
  }
  return { address, prefixLength };
}
