import { parseCidr, type WrittenPrefix } from '@swarmsim/addr';
import { NetmodelError } from '../errors.js';

/**
 * Parses an interface address such as `172.17.0.2/16` (host bits allowed, as `ip addr add`); a bare address
 * means /32. The grammar is @swarmsim/addr's; NETMODEL_ERR_BAD_ADDRESS otherwise.
 */
export function parseInterfaceCidr(cidr: string): { address: string; prefix: WrittenPrefix } {
  const slash = typeof cidr === 'string' ? cidr.indexOf('/') : -1;
  const prefix = parseCidr(slash < 0 ? `${cidr}/32` : cidr);
  if (prefix === undefined) {
    throw new NetmodelError({ code: 'NETMODEL_ERR_BAD_ADDRESS', address: cidr }, `invalid address ${cidr}`);
  }
  return { address: slash < 0 ? cidr : cidr.slice(0, slash), prefix };
}
