import { bytesToIpv4, bytesToMac, writeIpv4, writeMac } from './address.js';
import { malformed, outOfRange, truncated } from './errors.js';
import type { ArpPacket } from './types.js';

/** Length of an ARP packet for Ethernet/IPv4 (RFC 826). */
export const ARP_LENGTH = 28;

/** Encodes an Ethernet/IPv4 ARP request (operation 1) or reply (operation 2). */
export function encodeArp(p: ArpPacket): Uint8Array {
  if (p.operation !== 1 && p.operation !== 2) throw outOfRange('arp', 'operation', p.operation);
  const out = new Uint8Array(ARP_LENGTH);
  // htype 1 (Ethernet), ptype 0x0800 (IPv4), hlen 6, plen 4.
  out[1] = 1;
  out[2] = 0x08;
  out[4] = 6;
  out[5] = 4;
  out[7] = p.operation;
  writeMac(out, 8, p.senderMac);
  writeIpv4(out, 14, p.senderIp);
  writeMac(out, 18, p.targetMac);
  writeIpv4(out, 24, p.targetIp);
  return out;
}

/** Decodes an ARP packet, ignoring trailing Ethernet padding; only Ethernet/IPv4 requests and replies. */
export function decodeArp(bytes: Uint8Array): ArpPacket {
  if (bytes.length < 8) throw truncated('arp', 8, bytes.length);
  const htype = (bytes[0]! << 8) | bytes[1]!;
  const ptype = (bytes[2]! << 8) | bytes[3]!;
  if (htype !== 1 || ptype !== 0x0800 || bytes[4] !== 6 || bytes[5] !== 4) {
    throw malformed('PACKET_ERR_UNSUPPORTED', 'arp', 0, 'arp: not Ethernet/IPv4');
  }
  const operation = (bytes[6]! << 8) | bytes[7]!;
  if (operation !== 1 && operation !== 2) {
    throw malformed('PACKET_ERR_UNSUPPORTED', 'arp', 6, `arp: operation ${operation}`);
  }
  if (bytes.length < ARP_LENGTH) throw truncated('arp', ARP_LENGTH, bytes.length);
  return {
    operation,
    senderMac: bytesToMac(bytes, 8),
    senderIp: bytesToIpv4(bytes, 14),
    targetMac: bytesToMac(bytes, 18),
    targetIp: bytesToIpv4(bytes, 24)
  };
}
