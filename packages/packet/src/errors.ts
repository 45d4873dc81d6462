// Error codes of @swarmsim/packet (copied into docs/errors.md):
// PACKET_ERR_TRUNCATED: the buffer is shorter than a header, or than a length field says it is
// PACKET_ERR_BAD_CHECKSUM: an IPv4 header, ICMP, UDP or TCP checksum does not verify
// PACKET_ERR_BAD_VERSION: the IPv4 version nibble is not 4, or a pcap file has an unknown major version
// PACKET_ERR_BAD_HEADER_LENGTH: IPv4 IHL < 5, TCP data offset < 5, or options of a bad size on encode
// PACKET_ERR_BAD_LENGTH: a length field below its own header size (IPv4, UDP), or a TCP segment over 65535 bytes
// PACKET_ERR_UNSUPPORTED: a well-formed header we do not model (non-Ethernet/IPv4 ARP, unknown pcap magic)
// PACKET_ERR_BAD_FLAGS: required flag bits are missing (VXLAN I flag)
// PACKET_ERR_BAD_ADDRESS: an encoder was given a string that is not a MAC or dotted-quad IPv4 address
// PACKET_ERR_OUT_OF_RANGE: an encoder field does not fit its wire width (port, ttl, seq, vni, timestamp …)
import { SwarmsimError } from '@swarmsim/interface';

/** Stable codes of {@link PacketError}. */
export type PacketErrorCode =
  | 'PACKET_ERR_TRUNCATED'
  | 'PACKET_ERR_BAD_CHECKSUM'
  | 'PACKET_ERR_BAD_VERSION'
  | 'PACKET_ERR_BAD_HEADER_LENGTH'
  | 'PACKET_ERR_BAD_LENGTH'
  | 'PACKET_ERR_UNSUPPORTED'
  | 'PACKET_ERR_BAD_FLAGS'
  | 'PACKET_ERR_BAD_ADDRESS'
  | 'PACKET_ERR_OUT_OF_RANGE';

/** Metadata of a {@link PacketError}: the protocol layer, the byte offset and, for encoders, the field. */
export interface PacketErrorType {
  code: PacketErrorCode;
  /** Protocol layer that failed: `ethernet`, `arp`, `ipv4`, `icmp`, `udp`, `tcp`, `vxlan`, `pcap`, `address`. */
  layer: string;
  /** Byte offset within the buffer handed to the decoder, where known. */
  offset?: number;
  /** Name of the offending field, for encode-side validation errors. */
  field?: string;
}

/** The only error type the packet codecs throw. */
export class PacketError extends SwarmsimError<PacketErrorType> {}

/** A PACKET_ERR_TRUNCATED error: `need` bytes were required at `offset`, `have` were present. */
export function truncated(layer: string, need: number, have: number, offset = 0): PacketError {
  return new PacketError(
    { code: 'PACKET_ERR_TRUNCATED', layer, offset },
    `${layer}: need ${need} bytes at offset ${offset}, have ${have}`
  );
}

/** A PACKET_ERR_OUT_OF_RANGE error for an encoder field. */
export function outOfRange(layer: string, field: string, value: unknown): PacketError {
  return new PacketError(
    { code: 'PACKET_ERR_OUT_OF_RANGE', layer, field },
    `${layer}: ${field} out of range: ${String(value)}`
  );
}

/** Throws PACKET_ERR_OUT_OF_RANGE unless `value` is an integer in `0..max`. */
export function checkUint(layer: string, field: string, value: number, max: number): void {
  if (!Number.isInteger(value) || value < 0 || value > max) throw outOfRange(layer, field, value);
}

/** A decode-side error: `code` found at byte `offset` of the `layer` buffer. */
export function malformed(code: PacketErrorCode, layer: string, offset: number, detail: string): PacketError {
  return new PacketError({ code, layer, offset }, detail);
}
