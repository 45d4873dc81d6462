import { lbError } from './errors.js';

const QUAD = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** Parses dotted-quad IPv4 into an unsigned 32-bit number (host order), throwing LB_ERR_INVALID_ADDRESS. */
export function ipv4ToUint(address: string): number {
  const m = QUAD.exec(address);
  if (m === null) throw lbError({ code: 'LB_ERR_INVALID_ADDRESS', address });
  let n = 0;
  for (let i = 1; i <= 4; i++) {
    const octet = Number(m[i]);
    if (octet > 255) throw lbError({ code: 'LB_ERR_INVALID_ADDRESS', address });
    n = n * 256 + octet;
  }
  return n;
}

/** Throws LB_ERR_INVALID_PORT unless `port` is an integer in 0–65535. */
export function checkPort(port: number): void {
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw lbError({ code: 'LB_ERR_INVALID_PORT', port });
}
