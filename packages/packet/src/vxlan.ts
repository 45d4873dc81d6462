import { checkUint, malformed, truncated } from './errors.js';
import type { VxlanPacket } from './types.js';

/** IANA-assigned VXLAN UDP port (RFC 7348), the one Docker overlay networks use. */
export const VXLAN_UDP_PORT = 4789;
/** Length of the VXLAN header. */
export const VXLAN_HEADER_LENGTH = 8;
/** Largest VNI: the identifier is 24 bits. */
export const VXLAN_MAX_VNI = 0xffffff;

// The I flag: "the VNI is valid". RFC 7348 says receivers must check it and ignore the reserved bits.
const FLAG_I = 0x08;

/** Encodes a VXLAN header (flags 0x08, reserved bits zero) followed by the inner Ethernet frame. */
export function encodeVxlan(p: VxlanPacket): Uint8Array {
  checkUint('vxlan', 'vni', p.vni, VXLAN_MAX_VNI);
  const out = new Uint8Array(VXLAN_HEADER_LENGTH + p.payload.length);
  out[0] = FLAG_I;
  out[4] = p.vni >>> 16;
  out[5] = (p.vni >>> 8) & 0xff;
  out[6] = p.vni & 0xff;
  out.set(p.payload, VXLAN_HEADER_LENGTH);
  return out;
}

/** Decodes a VXLAN header; the inner frame is a zero-copy view. */
export function decodeVxlan(bytes: Uint8Array): VxlanPacket {
  if (bytes.length < VXLAN_HEADER_LENGTH) throw truncated('vxlan', VXLAN_HEADER_LENGTH, bytes.length);
  if ((bytes[0]! & FLAG_I) === 0) {
    throw malformed('PACKET_ERR_BAD_FLAGS', 'vxlan', 0, 'vxlan: I flag not set');
  }
  return {
    vni: (bytes[4]! << 16) | (bytes[5]! << 8) | bytes[6]!,
    payload: bytes.subarray(VXLAN_HEADER_LENGTH)
  };
}
