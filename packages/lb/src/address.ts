import { parseIpv4 } from '@swarmsim/addr';
import { lbError } from './errors.js';

/** Dotted-quad IPv4 (@swarmsim/addr's grammar) as an unsigned 32-bit number, throwing LB_ERR_INVALID_ADDRESS. */
export function ipv4ToUint(address: string): number {
  const n = parseIpv4(address);
  if (n === undefined) throw lbError({ code: 'LB_ERR_INVALID_ADDRESS', address });
  return n;
}

/** Throws LB_ERR_INVALID_PORT unless `port` is an integer in 0–65535. */
export function checkPort(port: number): void {
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw lbError({ code: 'LB_ERR_INVALID_PORT', port });
}
