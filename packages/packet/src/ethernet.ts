import { bytesToMac, writeMac } from './address.js';
import { checkUint, truncated } from './errors.js';
import type { EthernetFrame } from './types.js';

/** Length of the Ethernet II header: destination, source, EtherType. */
export const ETHERNET_HEADER_LENGTH = 14;

/** Encodes an Ethernet II frame (no padding to 60 bytes, no FCS — as a packet socket sees it). */
export function encodeEthernet(frame: EthernetFrame): Uint8Array {
  checkUint('ethernet', 'etherType', frame.etherType, 0xffff);
  const out = new Uint8Array(ETHERNET_HEADER_LENGTH + frame.payload.length);
  writeMac(out, 0, frame.dst);
  writeMac(out, 6, frame.src);
  out[12] = frame.etherType >>> 8;
  out[13] = frame.etherType & 0xff;
  out.set(frame.payload, ETHERNET_HEADER_LENGTH);
  return out;
}

/** Decodes an Ethernet II frame; the payload is a zero-copy view that keeps any padding. */
export function decodeEthernet(bytes: Uint8Array): EthernetFrame {
  if (bytes.length < ETHERNET_HEADER_LENGTH) throw truncated('ethernet', ETHERNET_HEADER_LENGTH, bytes.length);
  return {
    dst: bytesToMac(bytes, 0),
    src: bytesToMac(bytes, 6),
    etherType: (bytes[12]! << 8) | bytes[13]!,
    payload: bytes.subarray(ETHERNET_HEADER_LENGTH)
  };
}
