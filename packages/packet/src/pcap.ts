import type { Clock } from '@swarmsim/interface';
import { checkUint, malformed, outOfRange, truncated } from './errors.js';

/** libpcap link type of Ethernet II frames. */
export const LINKTYPE_ETHERNET = 1;

const GLOBAL_HEADER_LENGTH = 24;
const RECORD_HEADER_LENGTH = 16;
const MAGIC_MICROSECONDS = 0xa1b2c3d4;
const MAGIC_NANOSECONDS = 0xa1b23c4d;

/** Options of a {@link PcapWriter}. */
export interface PcapWriterOptions {
  /** Source of default timestamps; without it frames are stamped 0. */
  clock?: Clock;
  /**
   * Bytes kept per frame; longer frames are cut and keep their original length in the record.
   * @default 262144 — tcpdump's default, larger than any frame we produce.
   */
  snaplen?: number;
}

/** One captured frame as read back by {@link readPcap}. */
export interface PcapPacket {
  timestampMs: number;
  data: Uint8Array;
}

/** Collects frames into a classic libpcap file (v2.4, little-endian, microseconds, Ethernet). */
export class PcapWriter {
  private buffer: Uint8Array;
  private view: DataView;
  private length = 0;
  private count = 0;
  private readonly clock: Clock | undefined;
  private readonly snaplen: number;

  constructor(options: PcapWriterOptions = {}) {
    this.clock = options.clock;
    this.snaplen = options.snaplen ?? 262144;
    checkUint('pcap', 'snaplen', this.snaplen, 0x7fffffff);
    this.buffer = new Uint8Array(64 * 1024);
    this.view = new DataView(this.buffer.buffer);
    this.view.setUint32(0, MAGIC_MICROSECONDS, true);
    this.view.setUint16(4, 2, true);
    this.view.setUint16(6, 4, true);
    // thiszone and sigfigs stay 0: timestamps are UTC and of unknown accuracy.
    this.view.setUint32(16, this.snaplen, true);
    this.view.setUint32(20, LINKTYPE_ETHERNET, true);
    this.length = GLOBAL_HEADER_LENGTH;
  }

  /** Number of frames written so far. */
  get packetCount(): number {
    return this.count;
  }

  /** Appends a copy of `frame` stamped `timestampMs` (default: the clock's now, else 0). */
  write(frame: Uint8Array, timestampMs?: number): void {
    const ms = timestampMs ?? this.clock?.now() ?? 0;
    const micros = Math.round(ms * 1000);
    const seconds = Math.floor(micros / 1e6);
    if (!Number.isFinite(micros) || micros < 0 || seconds > 0xffffffff) throw outOfRange('pcap', 'timestampMs', ms);
    const captured = Math.min(frame.length, this.snaplen);
    this.reserve(RECORD_HEADER_LENGTH + captured);
    const at = this.length;
    this.view.setUint32(at, seconds, true);
    this.view.setUint32(at + 4, micros - seconds * 1e6, true);
    this.view.setUint32(at + 8, captured, true);
    this.view.setUint32(at + 12, frame.length, true);
    this.buffer.set(frame.subarray(0, captured), at + RECORD_HEADER_LENGTH);
    this.length = at + RECORD_HEADER_LENGTH + captured;
    this.count++;
  }

  /** The file so far, as a fresh copy (later writes do not change it). */
  toBytes(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + extra));
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
    this.view = new DataView(grown.buffer);
  }
}

function fileFormat(view: DataView): { littleEndian: boolean; nanos: boolean } {
  for (const littleEndian of [true, false]) {
    const magic = view.getUint32(0, littleEndian);
    if (magic === MAGIC_MICROSECONDS || magic === MAGIC_NANOSECONDS) {
      return { littleEndian, nanos: magic === MAGIC_NANOSECONDS };
    }
  }
  throw malformed('PACKET_ERR_UNSUPPORTED', 'pcap', 0, 'pcap: unknown magic');
}

/** Reads a classic libpcap file (either byte order, µs or ns timestamps); frames are zero-copy views. */
export function readPcap(bytes: Uint8Array): { linkType: number; packets: PcapPacket[] } {
  if (bytes.length < GLOBAL_HEADER_LENGTH) throw truncated('pcap', GLOBAL_HEADER_LENGTH, bytes.length);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { littleEndian, nanos } = fileFormat(view);
  const major = view.getUint16(4, littleEndian);
  if (major !== 2) {
    throw malformed('PACKET_ERR_BAD_VERSION', 'pcap', 4, `pcap: version ${major}`);
  }
  const packets: PcapPacket[] = [];
  let at = GLOBAL_HEADER_LENGTH;
  while (at < bytes.length) {
    if (at + RECORD_HEADER_LENGTH > bytes.length) throw truncated('pcap', RECORD_HEADER_LENGTH, bytes.length - at, at);
    const seconds = view.getUint32(at, littleEndian);
    const fraction = view.getUint32(at + 4, littleEndian);
    const captured = view.getUint32(at + 8, littleEndian);
    const start = at + RECORD_HEADER_LENGTH;
    if (start + captured > bytes.length) throw truncated('pcap', captured, bytes.length - start, start);
    packets.push({
      timestampMs: seconds * 1000 + (nanos ? fraction / 1e6 : fraction / 1e3),
      data: bytes.subarray(start, start + captured)
    });
    at = start + captured;
  }
  return { linkType: view.getUint32(20, littleEndian), packets };
}
