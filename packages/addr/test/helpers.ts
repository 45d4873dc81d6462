import { expect } from 'vitest';
import {
  AddrError,
  IpamError,
  type AddrErrorCode,
  type AddrErrorType,
  type IpamErrorCode,
  type IpamErrorType
} from '../src/index.js';

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

/** Runs `fn`, expects an AddrError with `code`, and returns its metadata for further checks. */
export function expectAddrError(fn: () => unknown, code: AddrErrorCode): AddrErrorType {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AddrError);
    const addrErr = err as AddrError;
    expect(addrErr.code).toBe(code);
    return addrErr.type;
  }
  throw new Error(`expected ${code}, nothing was thrown`);
}
