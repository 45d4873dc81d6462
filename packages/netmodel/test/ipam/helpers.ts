import { expect } from 'vitest';
import { IpamError, type IpamErrorCode, type IpamErrorType } from '../../src/ipam/index.js';

/** Runs `fn`, expects an IpamError with `code`, and returns its metadata for further checks. */
export function expectIpamError(fn: () => unknown, code: IpamErrorCode): IpamErrorType {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(IpamError);
    const ipamErr = err as IpamError;
    expect(ipamErr.code).toBe(code);
    return ipamErr.type;
  }
  throw new Error(`expected ${code}, nothing was thrown`);
}
