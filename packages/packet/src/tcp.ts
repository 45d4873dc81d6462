import { internetChecksum, ipv4PseudoHeaderSum } from './checksum.js';
import { checkUint, malformed, truncated } from './errors.js';
import { IpProtocol, type Ipv4Address, type TcpFlags, type TcpSegment } from './types.js';

/** Length of a TCP header without options. */
export const TCP_HEADER_LENGTH = 20;

const OPTION_EOL = 0;
const OPTION_NOP = 1;
const OPTION_MSS = 2;
const MSS_OPTION_LENGTH = 4;

const FIN = 0x01;
const SYN = 0x02;
const RST = 0x04;
const PSH = 0x08;
const ACK = 0x10;
const URG = 0x20;

function flagsByte(f: TcpFlags): number {
  const low = (f.fin ? FIN : 0) | (f.syn ? SYN : 0) | (f.rst ? RST : 0);
  return low | (f.psh ? PSH : 0) | (f.ack ? ACK : 0) | (f.urg ? URG : 0);
}

function checkFields(s: TcpSegment): void {
  checkUint('tcp', 'srcPort', s.srcPort, 0xffff);
  checkUint('tcp', 'dstPort', s.dstPort, 0xffff);
  checkUint('tcp', 'seq', s.seq, 0xffffffff);
  checkUint('tcp', 'ack', s.ack, 0xffffffff);
  checkUint('tcp', 'window', s.window, 0xffff);
  checkUint('tcp', 'urgentPointer', s.urgentPointer, 0xffff);
  if (s.mss !== undefined) checkUint('tcp', 'mss', s.mss, 0xffff);
}

function writeUint32(out: Uint8Array, offset: number, n: number): void {
  out[offset] = n >>> 24;
  out[offset + 1] = (n >>> 16) & 0xff;
  out[offset + 2] = (n >>> 8) & 0xff;
  out[offset + 3] = n & 0xff;
}

/** Encodes a TCP segment (with the MSS option when `mss` is set) and its pseudo-header checksum. */
export function encodeTcp(s: TcpSegment, src: Ipv4Address, dst: Ipv4Address): Uint8Array {
  checkFields(s);
  const headerLength = TCP_HEADER_LENGTH + (s.mss === undefined ? 0 : MSS_OPTION_LENGTH);
  const length = headerLength + s.payload.length;
  checkUint('tcp', 'length', length, 0xffff);
  const out = new Uint8Array(length);
  out[0] = s.srcPort >>> 8;
  out[1] = s.srcPort & 0xff;
  out[2] = s.dstPort >>> 8;
  out[3] = s.dstPort & 0xff;
  writeUint32(out, 4, s.seq);
  writeUint32(out, 8, s.ack);
  out[12] = (headerLength >>> 2) << 4;
  out[13] = flagsByte(s.flags);
  out[14] = s.window >>> 8;
  out[15] = s.window & 0xff;
  out[18] = s.urgentPointer >>> 8;
  out[19] = s.urgentPointer & 0xff;
  if (s.mss !== undefined) {
    out[20] = OPTION_MSS;
    out[21] = MSS_OPTION_LENGTH;
    out[22] = s.mss >>> 8;
    out[23] = s.mss & 0xff;
  }
  out.set(s.payload, headerLength);
  const checksum = internetChecksum(out, ipv4PseudoHeaderSum(src, dst, IpProtocol.TCP, length));
  out[16] = checksum >>> 8;
  out[17] = checksum & 0xff;
  return out;
}

/**
 * The MSS option value in `bytes[20..end)`, or undefined. Like Linux `tcp_parse_options`, parsing stops at
 * EOL or at an option whose length is < 2 or overruns the header, and an MSS with length ≠ 4 is ignored.
 */
function parseMss(bytes: Uint8Array, end: number): number | undefined {
  let mss: number | undefined;
  let i = TCP_HEADER_LENGTH;
  while (i < end) {
    const kind = bytes[i]!;
    if (kind === OPTION_EOL) break;
    if (kind === OPTION_NOP) {
      i++;
      continue;
    }
    if (i + 1 >= end) break;
    const size = bytes[i + 1]!;
    if (size < 2 || i + size > end) break;
    if (kind === OPTION_MSS && size === MSS_OPTION_LENGTH) mss = (bytes[i + 2]! << 8) | bytes[i + 3]!;
    i += size;
  }
  return mss;
}

function readUint32(bytes: Uint8Array, offset: number): number {
  return bytes[offset]! * 0x1000000 + ((bytes[offset + 1]! << 16) | (bytes[offset + 2]! << 8) | bytes[offset + 3]!);
}

function checkHeader(bytes: Uint8Array, src: Ipv4Address, dst: Ipv4Address): number {
  if (bytes.length < TCP_HEADER_LENGTH) throw truncated('tcp', TCP_HEADER_LENGTH, bytes.length);
  const headerLength = (bytes[12]! >>> 4) * 4;
  if (headerLength < TCP_HEADER_LENGTH) {
    throw malformed('PACKET_ERR_BAD_HEADER_LENGTH', 'tcp', 12, `tcp: data offset ${headerLength / 4}`);
  }
  if (headerLength > bytes.length) throw truncated('tcp', headerLength, bytes.length);
  if (bytes.length > 0xffff) {
    throw malformed('PACKET_ERR_BAD_LENGTH', 'tcp', 0, `tcp: ${bytes.length} bytes exceed IPv4`);
  }
  if (internetChecksum(bytes, ipv4PseudoHeaderSum(src, dst, IpProtocol.TCP, bytes.length)) !== 0) {
    throw malformed('PACKET_ERR_BAD_CHECKSUM', 'tcp', 16, 'tcp: bad checksum');
  }
  return headerLength;
}

/**
 * Decodes a TCP segment received from `src` for `dst` after verifying the checksum. The whole buffer is the
 * segment (TCP has no length field: pass the IPv4 payload). ECE/CWR/NS bits are ignored.
 */
export function decodeTcp(bytes: Uint8Array, src: Ipv4Address, dst: Ipv4Address): TcpSegment {
  const headerLength = checkHeader(bytes, src, dst);
  const flags = bytes[13]!;
  const segment: TcpSegment = {
    srcPort: (bytes[0]! << 8) | bytes[1]!,
    dstPort: (bytes[2]! << 8) | bytes[3]!,
    seq: readUint32(bytes, 4),
    ack: readUint32(bytes, 8),
    flags: {
      fin: (flags & FIN) !== 0,
      syn: (flags & SYN) !== 0,
      rst: (flags & RST) !== 0,
      psh: (flags & PSH) !== 0,
      ack: (flags & ACK) !== 0,
      urg: (flags & URG) !== 0
    },
    window: (bytes[14]! << 8) | bytes[15]!,
    urgentPointer: (bytes[18]! << 8) | bytes[19]!,
    payload: bytes.subarray(headerLength)
  };
  const mss = parseMss(bytes, headerLength);
  if (mss !== undefined) segment.mss = mss;
  return segment;
}
